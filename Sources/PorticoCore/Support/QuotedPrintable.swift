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
    /// in 76 characters; an `=XX` triplet is never split. Written as bytes: the output is ASCII,
    /// so a line's length is its byte count, where a String's count walked the whole line for
    /// every byte and was a fifth of building a large program's emails.
    static func encodeLine(_ bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 2 + 8)
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            var encoded = !isLiteral(byte, isLast: isLast)
            // The last token needs no room for a soft-break `=` after it.
            if lineLength + (encoded ? 3 : 1) > (isLast ? 76 : 75) {
                result += Array("=\r\n".utf8)
                lineLength = 0
            }
            if lineLength == 0, startsUnsafeLine(bytes[index...]) { encoded = true }
            if encoded {
                result += [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                lineLength += 3
            } else {
                result.append(byte)
                lineLength += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether RFC 2045 allows the byte as itself there. A space or tab is encoded only at the
    /// end of a line, where transports may strip it.
    static func isLiteral(_ byte: UInt8, isLast: Bool) -> Bool {
        switch byte {
        case 0x21...0x3C, 0x3E...0x7E: true
        case 0x20, 0x09: !isLast
        default: false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `=XX`, the byte in hexadecimal.
    static func hex(_ byte: UInt8) -> String {
        String(decoding: [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    /// A line that begins `.` ends the message for `sendmail` without `-i` when it is alone, and
    /// one that begins `From ` gets a `>` in mbox files; encoding the first byte avoids both.
    static func startsUnsafeLine(_ rest: ArraySlice<UInt8>) -> Bool {
        rest.first == UInt8(ascii: ".") || rest.starts(with: Array("From ".utf8))
    }
}
