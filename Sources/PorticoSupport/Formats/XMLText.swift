/// Escaping for XML text and attribute values.
package enum XMLText {
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        // Scalars, not Characters: a grapheme such as `<` + U+0338 (the decomposed `≮`) is not
        // equal to "<", so matching Characters would let a raw `<` through.
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // A character XML 1.0 forbids makes the whole document unreadable to a parser, and
                // no escape can carry it (`&#1;` is just as illegal), so it is dropped.
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// XML 1.0 `Char`: tab, line feed, carriage return, and everything from U+0020 up except
    /// U+FFFE and U+FFFF (a Swift scalar is never a surrogate).
    package static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }
}
