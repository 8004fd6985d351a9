import Foundation

/// Every term of a site's search documents, held once and named by a number: a document keeps
/// the numbers of its terms, four bytes each, rather than the terms themselves, which on a large
/// library made the search documents the largest thing a build held.
final class SearchVocabulary: @unchecked Sendable {
    private let lock = NSLock()
    private var numbers: [String: UInt32] = [:]
    private var terms: [String] = []
    private var bytes = 0

    /// The length of every term, with room for its quotes and punctuation in JSON.
    var byteCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }

    /// The number of each term, in order, giving new terms the next numbers.
    func numbers(of terms: [String]) -> [UInt32] {
        lock.lock()
        defer { lock.unlock() }
        return terms.map { term in
            if let number = numbers[term] { return number }
            let number = UInt32(self.terms.count)
            numbers[term] = number
            self.terms.append(term)
            bytes += term.utf8.count + 8
            return number
        }
    }

    /// Every term so far, by number.
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return terms
    }
}
