import Foundation

/// The terms of one text as `SearchTerms` finds them, laid end to end as bytes with where each
/// starts and its hash: a large library has tens of millions of term occurrences, and a String
/// and a SipHash for each were most of the time spent indexing it.
struct TermList {
    var bytes: [UInt8] = []
    var terms: [(start: Int, count: Int, hash: UInt64)] = []

    mutating func add<Bytes: Collection<UInt8>>(_ term: Bytes) {
        let start = bytes.count
        bytes.append(contentsOf: term)
        terms.append((start, bytes.count - start, TermList.hash(bytes[start...])))
    }

    /// FNV-1a, 64 bits.
    static func hash(_ term: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

/// Every term of a site's search documents, held once and named by a number: a document keeps
/// the numbers of its terms, four bytes each, rather than the terms themselves, which on a large
/// library made the search documents the largest thing a build held. An open-addressing table
/// over the terms' bytes, so that looking a term up makes no String.
final class SearchVocabulary: @unchecked Sendable {
    private let lock = NSLock()
    /// Every term's bytes, end to end; `spans[n]` is where term `n` lies.
    private var arena: [UInt8] = []
    private var spans: [(start: Int, count: Int, hash: UInt64)] = []
    /// Term numbers by hash, `-1` where empty; never more than half full.
    private var slots = [Int32](repeating: -1, count: 1024)

    /// The number of each term of `list`, in order, giving new terms the next numbers.
    func numbers(of list: TermList) -> [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        return list.bytes.withUnsafeBufferPointer { bytes in
            list.terms.map { term in
                number(of: UnsafeBufferPointer(rebasing: bytes[term.start..<term.start + term.count]), hash: term.hash)
            }
        }
    }

    private func number(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let known = spans[Int(slots[slot])]
            if known.hash == hash, known.count == term.count,
                arena[known.start..<known.start + known.count].elementsEqual(term)
            {
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

    private func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, span) in spans.enumerated() {
            var slot = Int(truncatingIfNeeded: span.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }

    /// Every term so far, by number.
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return spans.map { String(decoding: arena[$0.start..<$0.start + $0.count], as: UTF8.self) }
    }

    /// The length of every term, with room for its quotes and punctuation in JSON.
    var byteCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return arena.count + spans.count * 8
    }
}
