/// The quoted-printable transfer encoding (RFC 2045 §6.7) of UTF-8 text.
enum QuotedPrintable {
    /// The encoded body: line breaks in `text` (CRLF, CR or LF) become CRLF hard breaks, and no
    /// encoded line is longer than 76 characters. The result never ends in a soft break, and a
    /// trailing line break in `text` is kept as a final CRLF.
    static func encode(_ text: String) -> String {
        lines(of: text).map(encodeLine).joined(separator: "\r\n")
    }

    /// The lines of `text` as UTF-8, split at CRLF, CR and LF alike.
    static func lines(of text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        var afterCR = false
        for byte in text.utf8 {
            defer { afterCR = byte == 0x0D }
            switch byte {
            case 0x0D: lines.append([])
            case 0x0A: if !afterCR { lines.append([]) }
            default: lines[lines.count - 1].append(byte)
            }
        }
        return lines
    }

    /// One line with soft breaks (`=` then CRLF) so that each output line, `=` included, fits
    /// in 76 characters; an `=XX` triplet is never split.
    static func encodeLine(_ bytes: [UInt8]) -> String {
        var result = ""
        var line = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            var token = literal(byte, isLast: isLast)
            // The last token needs no room for a soft-break `=` after it.
            if line.count + token.count > (isLast ? 76 : 75) {
                result += line + "=\r\n"
                line = ""
            }
            if line.isEmpty, startsUnsafeLine(bytes[index...]) { token = hex(byte) }
            line += token
        }
        return result + line
    }

    /// The byte as itself when RFC 2045 allows it there, else `=XX`. A space or tab is encoded
    /// only at the end of a line, where transports may strip it.
    static func literal(_ byte: UInt8, isLast: Bool) -> String {
        switch byte {
        case 0x21...0x3C, 0x3E...0x7E: return String(UnicodeScalar(byte))
        case 0x20, 0x09: return isLast ? hex(byte) : String(UnicodeScalar(byte))
        default: return hex(byte)
        }
    }

    /// A line that begins `.` ends the message for `sendmail` without `-i` when it is alone, and
    /// one that begins `From ` gets a `>` in mbox files; encoding the first byte avoids both.
    static func startsUnsafeLine(_ rest: ArraySlice<UInt8>) -> Bool {
        rest.first == UInt8(ascii: ".") || rest.starts(with: Array("From ".utf8))
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return "=" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}
