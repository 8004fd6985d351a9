import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The terms of one text as `SearchTerms` finds them, laid end to end as bytes with where each
/// starts and its hash: a large library has tens of millions of term occurrences, and a String
/// and a SipHash for each were most of the time spent indexing it.
package struct TermList {
    package var bytes: [UInt8] = []
    package var terms: [(start: Int, count: Int, hash: UInt64)] = []

    package mutating func add<Bytes: Collection<UInt8>>(_ term: Bytes) {
        let start = bytes.count
        bytes.append(contentsOf: term)
        terms.append((start, bytes.count - start, TermList.hash(bytes[start...])))
    }

    /// FNV-1a, 64 bits: `hashSeed`, then `hashing` each byte in turn.
    package static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    package static func hashing(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    package static func hash(_ term: ArraySlice<UInt8>) -> UInt64 {
        term.reduce(hashSeed, hashing)
    }
}

/// Every term of a site's search documents, held once and named by a number: a document keeps
/// the numbers of its terms, four bytes each, rather than the terms themselves, which on a large
/// library made the search documents the largest thing a build held.
package final class SearchVocabulary: @unchecked Sendable {
    private let lock = NSLock()
    private var table = TermTable()

    package init() {}

    /// The number of each term of `list`, in order, giving new terms the next numbers.
    package func numbers(of list: TermList) -> [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        // Worked on as a local value, swapped out and back: the class's own storage would be
        // checked for exclusive access at every step of every lookup.
        var local = TermTable.none
        swap(&local, &table)
        defer { swap(&local, &table) }
        return list.bytes.withUnsafeBufferPointer { bytes in
            list.terms.map { term in
                local.number(
                    of: UnsafeBufferPointer(rebasing: bytes[term.start..<term.start + term.count]), hash: term.hash)
            }
        }
    }

    /// Every term so far, by number.
    package var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return table.spans.map { String(decoding: table.arena[$0.start..<$0.start + $0.count], as: UTF8.self) }
    }

    /// The length of every term, with room for its quotes and punctuation in JSON.
    package var byteCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return table.arena.count + table.spans.count * 8
    }
}

/// An open-addressing table over the terms' bytes, so that looking a term up makes no String.
package struct TermTable {
    /// Every term's bytes, end to end; `spans[n]` is where term `n` lies.
    package var arena: [UInt8] = []
    package var spans: [(start: Int, count: Int, hash: UInt64)] = []
    /// Term numbers by hash, `-1` where empty; never more than half full.
    package var slots = [Int32](repeating: -1, count: 1024)

    /// An empty stand-in that allocates nothing, for while the real table is swapped out.
    package static let none = TermTable(arena: [], spans: [], slots: [])

    package mutating func number(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let known = spans[Int(slots[slot])]
            if known.hash == hash, known.count == term.count, holds(term, at: known.start) {
                return UInt32(slots[slot])
            }
            slot = (slot + 1) & mask
        }
        let number = spans.count
        spans.append((arena.count, term.count, hash))
        arena.append(contentsOf: term)
        slots[slot] = Int32(number)
        if spans.count * 2 > slots.count { grow() }
        return UInt32(number)
    }

    private func holds(_ term: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        arena.withUnsafeBufferPointer { arena in
            guard let stored = arena.baseAddress, let sought = term.baseAddress else { return term.isEmpty }
            return memcmp(stored + start, sought, term.count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, span) in spans.enumerated() {
            var slot = Int(truncatingIfNeeded: span.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
