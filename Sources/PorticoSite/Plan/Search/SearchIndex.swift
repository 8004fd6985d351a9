import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// A search index: the documents of one visibility group and, for each of the three fields, a
/// map from term to the numbers of the documents that have it there (docs/search.md).
package struct SearchIndex: Sendable {
    package var documents: [SearchDocument]
    package var vocabulary: SearchVocabulary

    /// Compact JSON, the same bytes for the same documents: `docs` is a list of
    /// `[type, title, summary, href]` (assets add the `reviewed` date: partners see when an asset
    /// was updated, and review upkeep stays on the team's health page); `title`, `heading` and `body` map each term, sorted, to its document numbers in
    /// ascending order, each written as the difference from the one before.
    package func json() -> Data {
        // About what the index takes: a few bytes a posting (a number and a comma), each term twice.
        let postings = documents.reduce(0) { $0 + $1.terms.count }
        var out = JSONBytes(capacity: documents.count * 256 + postings * 4 + vocabulary.byteCount * 2 + 4096)
        out.append("{\"v\":1,\"docs\":[")
        for (number, document) in documents.enumerated() {
            out.append(number > 0 ? ",[" : "[")
            for (position, text) in [document.type, document.title, document.summary, document.href].enumerated() {
                if position > 0 { out.append(",") }
                out.append(JSONText.quoted(text))
            }
            if let reviewed = document.reviewed {
                out.append("," + JSONText.quoted(reviewed.description))
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
    package static func writePostings(
        of termsByDocument: [ArraySlice<UInt32>], terms: [String], into out: inout JSONBytes
    ) {
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
            out.append(JSONText.quoted(terms[term]))
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
