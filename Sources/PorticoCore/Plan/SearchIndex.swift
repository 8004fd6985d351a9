import CCmarkGFM
import Foundation

/// One document of a search index: what a result shows, and the words it is found by. Bodies
/// are not stored, only their terms (docs/search.md).
struct SearchDocument: Sendable {
    /// An asset kind (`one-pager`, `objection`, `snapshot`, `guide`), `brief` or `story`.
    var type: String
    var title: String
    var summary: String
    /// The page, relative to the site root, such as `assets/faq/index.html`.
    var href: String
    /// Assets only: the day of the last review, and whether the next one is due.
    var reviewed: Day?
    var reviewDue: Bool = false
    /// Each term once, in the best field it appears in: title, then headings, then the rest.
    var titleTerms: [String]
    var headingTerms: [String]
    var bodyTerms: [String]

    init(
        type: String, title: String, summary: String, href: String, reviewed: Day? = nil, reviewDue: Bool = false,
        headings: String, body: String
    ) {
        self.type = type
        self.title = title
        self.summary = summary
        self.href = href
        self.reviewed = reviewed
        self.reviewDue = reviewDue
        // One set of the terms seen so far, rather than three sets and two subtractions:
        // building these was the largest part of indexing a large library.
        var seen: Set<String> = []
        titleTerms = SearchTerms.terms(title).filter { seen.insert($0).inserted }
        headingTerms = SearchTerms.terms(headings).filter { seen.insert($0).inserted }
        bodyTerms = SearchTerms.terms(summary + " " + body).filter { seen.insert($0).inserted }
    }
}

/// How text becomes index terms, exactly as `static/search.js` turns a query into words: lower
/// case, diacritics folded (canonical decomposition, then every combining mark dropped), split on
/// everything that is not a letter or a digit (Unicode categories L and N); terms shorter than 2
/// or longer than 40 characters are left out.
enum SearchTerms {
    static let shortest = 2
    static let longest = 40

    static func terms(_ text: String) -> [String] {
        // Most text is ASCII, where lowering and folding are byte operations: the Unicode path
        // below cost a quarter of a build's time on a large library.
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiTerms(text) : unicodeTerms(text)
    }

    static func unicodeTerms(_ text: String) -> [String] {
        let folded = text.lowercased().decomposedStringWithCanonicalMapping
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        var length = 0
        func close() {
            if length >= shortest && length <= longest { terms.append(String(current)) }
            current = String.UnicodeScalarView()
            length = 0
        }
        for scalar in folded.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                current.append(scalar)
                length += 1
            default:
                close()
            }
        }
        close()
        return terms
    }

    /// `terms` for ASCII text, byte by byte: the same letters, digits, case and lengths.
    static func asciiTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(longest + 1)
        func close() {
            if current.count >= shortest && current.count <= longest {
                terms.append(String(decoding: current, as: UTF8.self))
            }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte | 0x20)
            default: close()
            }
        }
        close()
        return terms
    }
}

/// The text of Markdown as a reader sees it, from cmark's text nodes: the headings' text apart
/// from the rest. Raw HTML is left out; code is kept.
enum SearchText {
    static func of(_ source: MarkdownSource) -> (headings: String, body: String) {
        let (text, _) = ControlCharacters.clean(source.text)
        guard let document = MarkdownDocument(text) else { return ("", "") }
        return of(document)
    }

    /// The text of a document as cmark parsed it, before any rule of the renderer changed it.
    static func of(_ document: MarkdownDocument) -> (headings: String, body: String) {
        guard let iterator = cmark_iter_new(document.root) else { return ("", "") }
        defer { cmark_iter_free(iterator) }
        var headings = ""
        var body = ""
        var inHeading = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                inHeading += event == CMARK_EVENT_ENTER ? 1 : -1
                headings += " "
                continue
            }
            var piece = ""
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if event == CMARK_EVENT_ENTER { piece = MarkdownNodes.literal(of: node) }
            case CMARK_NODE_CODE_BLOCK:
                if event == CMARK_EVENT_ENTER { piece = " " + MarkdownNodes.literal(of: node) + " " }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                piece = ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                piece = " "
            default:
                // Words on either side of a block (a paragraph, an item, a table cell) stay apart.
                if type.rawValue & 0xC000 == 0x8000 { piece = " " }
            }
            if inHeading > 0 { headings += piece } else { body += piece }
        }
        return (headings, body)
    }
}

/// A search index: the documents of one visibility group and, for each of the three fields, a
/// map from term to the numbers of the documents that have it there (docs/search.md).
struct SearchIndex: Sendable {
    var documents: [SearchDocument]

    /// Compact JSON, the same bytes for the same documents: `docs` is a list of
    /// `[type, title, summary, href]` (assets add `reviewed` and `1` when a review is due, else
    /// `0`); `title`, `heading` and `body` map each term, sorted, to its document numbers in
    /// ascending order, each written as the difference from the one before.
    func json() -> Data {
        var out = "{\"v\":1,\"docs\":["
        for (number, document) in documents.enumerated() {
            if number > 0 { out += "," }
            out +=
                "["
                + [document.type, document.title, document.summary, document.href].map(PageSealer.json)
                .joined(separator: ",")
            if let reviewed = document.reviewed {
                out += "," + PageSealer.json(reviewed.description) + (document.reviewDue ? ",1" : ",0")
            }
            out += "]"
        }
        out += "]"
        for (name, terms) in [
            ("title", \SearchDocument.titleTerms), ("heading", \.headingTerms), ("body", \.bodyTerms),
        ] {
            out += ",\"\(name)\":{" + Self.postings(documents.map { $0[keyPath: terms] }) + "}"
        }
        out += "}"
        return Data(out.utf8)
    }

    /// `"term":[d0,d1-d0,...]` for every term, sorted by its UTF-8 bytes.
    static func postings(_ termsByDocument: [[String]]) -> String {
        var byTerm: [String: [Int]] = [:]
        for (number, terms) in termsByDocument.enumerated() {
            for term in terms { byTerm[term, default: []].append(number) }
        }
        return byTerm.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { term in
            var previous = 0
            let gaps = byTerm[term, default: []].map { number -> String in
                defer { previous = number }
                return String(number - previous)
            }
            return PageSealer.json(term) + ":[" + gaps.joined(separator: ",") + "]"
        }.joined(separator: ",")
    }
}
