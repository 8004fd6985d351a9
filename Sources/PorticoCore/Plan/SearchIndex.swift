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
    /// The numbers in the site's `SearchVocabulary` of each term once, in the best field it
    /// appears in: the title's first, then the headings', then the rest's.
    var terms: [UInt32]
    var titleCount: Int
    var headingCount: Int

    init(
        type: String, title: String, summary: String, href: String, reviewed: Day? = nil, reviewDue: Bool = false,
        headings: String, body: String, vocabulary: SearchVocabulary
    ) {
        self.type = type
        self.title = title
        self.summary = summary
        self.href = href
        self.reviewed = reviewed
        self.reviewDue = reviewDue
        let fields = [title, headings, summary + " " + body].map(SearchTerms.list)
        // Each term once, in the first field it appears in, through a small table of the
        // numbers seen: a Set's SipHash, or sorting, cost more than the rest of the document.
        var seen = SeenNumbers(capacity: fields.reduce(0) { $0 + $1.terms.count })
        let byField = fields.map { list in vocabulary.numbers(of: list).filter { seen.insert($0) } }
        // An array of exactly the terms: a document is kept until the indexes are written.
        let count = byField.reduce(0) { $0 + $1.count }
        terms = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            var next = buffer.startIndex
            for field in byField {
                next = buffer[next...].initialize(fromContentsOf: field)
            }
            initialized = count
        }
        (titleCount, headingCount) = (byField[0].count, byField[1].count)
    }

    /// The terms of one field: 0 the title, 1 the headings, 2 the rest.
    func terms(ofField field: Int) -> ArraySlice<UInt32> {
        switch field {
        case 0: terms[..<titleCount]
        case 1: terms[titleCount..<titleCount + headingCount]
        default: terms[(titleCount + headingCount)...]
        }
    }
}

/// A set of term numbers for one document: open addressing over an array, at most half full.
struct SeenNumbers {
    private var slots: [UInt32]
    private let shift: Int

    init(capacity: Int) {
        var bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = [UInt32](repeating: .max, count: 1 << bits)
        shift = 64 - bits
    }

    /// Whether `number` was not in the set before.
    mutating func insert(_ number: UInt32) -> Bool {
        let mask = slots.count - 1
        // Fibonacci hashing: the top bits of the number times 2^64 / φ.
        var slot = Int(truncatingIfNeeded: (UInt64(number) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
        while slots[slot] != .max {
            if slots[slot] == number { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = number
        return true
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
        strings(of: list(text))
    }

    /// The terms of `text` as bytes, as a search document takes them.
    static func list(_ text: String) -> TermList {
        // Most text is ASCII, where lowering and folding are byte operations: the Unicode path
        // below cost a quarter of a build's time on a large library.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiList(text) }
        var list = TermList()
        for term in unicodeTerms(text) { list.add(term.utf8) }
        return list
    }

    static func strings(of list: TermList) -> [String] {
        list.terms.map { String(decoding: list.bytes[$0.start..<$0.start + $0.count], as: UTF8.self) }
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

    static func asciiTerms(_ text: String) -> [String] {
        strings(of: asciiList(text))
    }

    /// `list` for ASCII text, byte by byte: the same letters, digits, case and lengths, each
    /// term's bytes written once into the list and hashed as they are written.
    static func asciiList(_ text: String) -> TermList {
        var text = text
        return text.withUTF8 { bytes in
            var list = TermList()
            list.bytes.reserveCapacity(bytes.count)
            var start = 0
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            func close() {
                let count = list.bytes.count - start
                if count >= shortest && count <= longest {
                    list.terms.append((start, count, hash))
                } else {
                    list.bytes.removeLast(count)
                }
                start = list.bytes.count
                hash = 0xcbf2_9ce4_8422_2325
            }
            for byte in bytes {
                let folded: UInt8
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): folded = byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = byte | 0x20
                default:
                    if list.bytes.count > start { close() }
                    continue
                }
                list.bytes.append(folded)
                hash = (hash ^ UInt64(folded)) &* 0x100_0000_01b3
            }
            close()
            return list
        }
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
    var vocabulary: SearchVocabulary

    /// Compact JSON, the same bytes for the same documents: `docs` is a list of
    /// `[type, title, summary, href]` (assets add `reviewed` and `1` when a review is due, else
    /// `0`); `title`, `heading` and `body` map each term, sorted, to its document numbers in
    /// ascending order, each written as the difference from the one before.
    func json() -> Data {
        // About what the index takes: a few bytes a posting (a number and a comma), each term twice.
        let postings = documents.reduce(0) { $0 + $1.terms.count }
        var out = JSONBytes(capacity: documents.count * 256 + postings * 4 + vocabulary.byteCount * 2 + 4096)
        out.append("{\"v\":1,\"docs\":[")
        for (number, document) in documents.enumerated() {
            out.append(number > 0 ? ",[" : "[")
            for (position, text) in [document.type, document.title, document.summary, document.href].enumerated() {
                if position > 0 { out.append(",") }
                out.append(PageSealer.json(text))
            }
            if let reviewed = document.reviewed {
                out.append("," + PageSealer.json(reviewed.description) + (document.reviewDue ? ",1" : ",0"))
            }
            out.append("]")
        }
        out.append("]")
        let terms = vocabulary.all
        for (field, name) in ["title", "heading", "body"].enumerated() {
            out.append(",\"\(name)\":{")
            Self.writePostings(of: documents.map { $0.terms(ofField: field) }, terms: terms, into: &out)
            out.append("}")
        }
        out.append("}")
        return out.finished()
    }

    /// `"term":[d0,d1-d0,...]` for every term, sorted by its UTF-8 bytes. The lists are laid
    /// end to end in one array, each term's at its own offset, rather than one array per term.
    static func writePostings(of termsByDocument: [ArraySlice<UInt32>], terms: [String], into out: inout JSONBytes) {
        var offsets = [Int](repeating: 0, count: terms.count + 1)
        for document in termsByDocument {
            for term in document { offsets[Int(term) + 1] += 1 }
        }
        for term in terms.indices { offsets[term + 1] += offsets[term] }
        var filled = offsets
        var postings = [UInt32](repeating: 0, count: offsets[terms.count])
        for (number, document) in termsByDocument.enumerated() {
            for term in document {
                postings[filled[Int(term)]] = UInt32(number)
                filled[Int(term)] += 1
            }
        }
        let present = terms.indices.filter { offsets[$0 + 1] > offsets[$0] }.sorted {
            terms[$0].utf8.lexicographicallyPrecedes(terms[$1].utf8)
        }
        for (position, term) in present.enumerated() {
            if position > 0 { out.append(",") }
            out.append(PageSealer.json(terms[term]))
            out.append(":[")
            var previous: UInt32 = 0
            for index in offsets[term]..<offsets[term + 1] {
                if index > offsets[term] { out.append(",") }
                out.append(decimal: postings[index] - previous)
                previous = postings[index]
            }
            out.append("]")
        }
    }
}

/// JSON written as bytes into `Data` through a small buffer: the index of a large library is
/// tens of megabytes, and a growing array of it, then copied into `Data`, held three times that.
struct JSONBytes {
    private var data = Data()
    private var pending: [UInt8] = []

    /// `capacity` may be generous: memory reserved and never written is never resident.
    init(capacity: Int) {
        data.reserveCapacity(capacity)
        pending.reserveCapacity(1 << 16)
    }

    mutating func append(_ text: String) {
        pending.append(contentsOf: text.utf8)
        flushIfFull()
    }

    mutating func append(decimal value: UInt32) {
        if value >= 10 { append(decimal: value / 10) }
        pending.append(UInt8(ascii: "0") + UInt8(value % 10))
        flushIfFull()
    }

    private mutating func flushIfFull() {
        guard pending.count >= 1 << 16 else { return }
        data.append(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    consuming func finished() -> Data {
        data.append(contentsOf: pending)
        return data
    }
}
