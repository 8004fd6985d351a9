import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// One document of a search index: what a result shows, and the words it is found by. Bodies
/// are not stored, only their terms (docs/search.md).
package struct SearchDocument: Sendable {
    /// An asset kind (`one-pager`, `objection`, `snapshot`, `guide`), `brief` or `story`.
    package var type: String
    package var title: String
    package var summary: String
    /// The page, relative to the site root, such as `assets/faq/index.html`.
    package var href: String
    /// Assets only: the day of the last review, shown as when the asset was updated.
    package var reviewed: Day?
    /// The numbers in the site's `SearchVocabulary` of each term once, in the best field it
    /// appears in: the title's first, then the headings', then the rest's.
    package var terms: [UInt32]
    package var titleCount: Int
    package var headingCount: Int

    package init(
        type: String, title: String, summary: String, href: String, reviewed: Day? = nil,
        headings: String, body: String, vocabulary: SearchVocabulary
    ) {
        self.type = type
        self.title = title
        self.summary = summary
        self.href = href
        self.reviewed = reviewed
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
    package func terms(ofField field: Int) -> ArraySlice<UInt32> {
        switch field {
        case 0: terms[..<titleCount]
        case 1: terms[titleCount..<titleCount + headingCount]
        default: terms[(titleCount + headingCount)...]
        }
    }
}

/// A set of term numbers for one document: open addressing over an array, at most half full.
package struct SeenNumbers {
    private var slots: [UInt32]
    private let shift: Int

    package init(capacity: Int) {
        var bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        slots = [UInt32](repeating: .max, count: 1 << bits)
        shift = 64 - bits
    }

    /// Whether `number` was not in the set before.
    package mutating func insert(_ number: UInt32) -> Bool {
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
