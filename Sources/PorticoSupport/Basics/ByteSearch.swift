import Foundation

extension StringProtocol {
    /// The first occurrence of `needle`, compared byte by byte in UTF-8. Foundation's
    /// `range(of:)` and `contains(_:)` convert to UTF-16 on Linux and were a tenth of a large
    /// library's render in the vs-hugo profile; for markup searched by exact bytes the answer is
    /// the same.
    package func firstUTF8Range(of needle: String) -> Range<Index>? {
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
    package func containsUTF8(_ needle: String) -> Bool {
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
    /// What `trimmed` removes: exactly Foundation's `.whitespaces` (the space separators, the
    /// tab and U+200B) or `.whitespacesAndNewlines` (those, the line ends, U+0085, U+2028 and
    /// U+2029).
    package enum Blank {
        case whitespaceAndNewlines
        case whitespace

        package func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: self == .whitespaceAndNewlines
            default: false
            }
        }
    }

    /// `trimmingCharacters(in:)` with `.whitespacesAndNewlines` or `.whitespaces`, without
    /// Foundation, which goes through NSString on Linux: every field value, link and email is
    /// trimmed, and that took a twentieth of a large library's build. A text that starts and
    /// ends with a visible ASCII character, as nearly all do, is answered at once.
    package func trimmed(_ blank: Blank = .whitespaceAndNewlines) -> String {
        let visible = UInt8(ascii: "!")...UInt8(ascii: "~")
        if let first = utf8.first, let last = utf8.last, visible.contains(first), visible.contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !blank.contains($0) }),
            let end = scalars.lastIndex(where: { !blank.contains($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// `replacingOccurrences(of: needle, with: replacement)` for text compared by exact bytes,
    /// left to right and without overlaps, as Foundation does it, without its UTF-16 detour.
    package func replacingUTF8(_ needle: String, with replacement: String) -> String {
        guard !needle.isEmpty, var found = firstUTF8Range(of: needle) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count)
        var rest = self[...]
        while true {
            result += rest[..<found.lowerBound]
            result += replacement
            rest = rest[found.upperBound...]
            guard let next = rest.firstUTF8Range(of: needle) else { break }
            found = next
        }
        return result + rest
    }
}
