import Foundation

extension StringProtocol {
    /// The first occurrence of `needle`, compared byte by byte in UTF-8. Foundation's
    /// `range(of:)` and `contains(_:)` convert to UTF-16 on Linux and were a tenth of a large
    /// library's render in the vs-hugo profile; for markup searched by exact bytes the answer is
    /// the same.
    func firstUTF8Range(of needle: String) -> Range<Index>? {
        var needle = needle
        return needle.withUTF8 { pattern -> Range<Index>? in
            guard !pattern.isEmpty else { return startIndex..<startIndex }
            let found = utf8.withContiguousStorageIfAvailable { haystack -> Int? in
                guard let base = haystack.baseAddress, let patternBase = pattern.baseAddress else { return nil }
                return Self.offset(of: patternBase, count: pattern.count, in: base, count: haystack.count)
            }
            let offset = found ?? Self.slowOffset(of: pattern, in: Array(utf8))
            guard let offset else { return nil }
            let lower = utf8.index(utf8.startIndex, offsetBy: offset)
            return lower..<utf8.index(lower, offsetBy: pattern.count)
        }
    }

    /// Whether `needle` occurs, compared byte by byte in UTF-8.
    func containsUTF8(_ needle: String) -> Bool {
        firstUTF8Range(of: needle) != nil
    }

    /// memchr to the next candidate, memcmp to confirm (glibc's memmem is not in Swift's Glibc).
    private static func offset(
        of pattern: UnsafePointer<UInt8>, count patternCount: Int, in haystack: UnsafePointer<UInt8>, count: Int
    ) -> Int? {
        guard count >= patternCount else { return nil }
        let last = count - patternCount
        var start = 0
        while start <= last {
            guard let candidate = memchr(haystack + start, Int32(pattern[0]), last - start + 1) else { return nil }
            let offset = haystack.distance(to: candidate.assumingMemoryBound(to: UInt8.self))
            if memcmp(haystack + offset, pattern, patternCount) == 0 { return offset }
            start = offset + 1
        }
        return nil
    }

    /// For the rare string without contiguous UTF-8 (bridged or foreign storage).
    private static func slowOffset(of pattern: UnsafeBufferPointer<UInt8>, in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).first { start in
            pattern.indices.allSatisfy { bytes[start + $0] == pattern[$0] }
        }
    }
}

extension String {
    /// `trimmingCharacters(in: spaces)`, answered at once when the text starts and ends with a
    /// visible ASCII character, as nearly every field value and link does: Foundation's trim goes
    /// through NSString on Linux and took a twentieth of a large library's build.
    func trimmed(_ spaces: CharacterSet = .whitespacesAndNewlines) -> String {
        let visible = UInt8(ascii: "!")...UInt8(ascii: "~")
        guard let first = utf8.first, let last = utf8.last, visible.contains(first), visible.contains(last) else {
            return trimmingCharacters(in: spaces)
        }
        return self
    }
}
