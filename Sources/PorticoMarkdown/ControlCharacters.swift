import PorticoModel
import PorticoSupport

/// Control characters (other than tab and line breaks) are invisible in an editor and forbidden
/// in HTML; they come in with text pasted from other tools. Each becomes U+FFFD, one character
/// for one, so every later column still matches the file, and the first one is reported.
package enum ControlCharacters {
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// The same answer as looking at every scalar, from the UTF-8 bytes: C0 controls and DEL are
    /// single bytes, and C1 controls (U+0080 to U+009F) are 0xC2 followed by 0x80 to 0x9F.
    package static func containsForbidden(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var afterC2 = false
            for byte in bytes {
                // Most bytes are printable ASCII: one comparison each.
                if byte >= 0x20 && byte < 0x7F {
                    afterC2 = false
                    continue
                }
                if afterC2 && byte >= 0x80 && byte <= 0x9F { return true }
                afterC2 = byte == 0xC2
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                if byte == 0x7F { return true }
            }
            return false
        }
    }

    /// The text with each control character replaced, and the line and column (from 1) of the
    /// first one, if any.
    package static func clean(_ text: String) -> (text: String, first: (line: Int, column: Int, value: UInt32)?) {
        guard containsForbidden(text) else { return (text, nil) }
        var cleaned = String.UnicodeScalarView()
        var first: (Int, Int, UInt32)?
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                if first == nil { first = (line, column, scalar.value) }
                cleaned.append("\u{FFFD}")
            } else {
                cleaned.append(scalar)
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (String(cleaned), first)
    }

    package static func finding(_ first: (line: Int, column: Int, value: UInt32), in source: MarkdownSource)
        -> Diagnostic
    {
        var location = source.start
        location.line += first.line - 1
        // Every line of the text starts at the source's start column (YAML indents a block).
        location.column = source.start.column + first.column - 1
        let code = "U+" + String(first.value, radix: 16, uppercase: true).leftPadded(to: 4)
        return .warning(
            "control-character", "invisible control character \(code) shown as \u{FFFD}",
            at: location, hint: "delete it: it usually comes with text pasted from another program")
    }
}
