/// The quoted-printable transfer encoding (RFC 2045 §6.7) of UTF-8 text.
package enum QuotedPrintable {
    /// The encoded body: line breaks in `text` (CRLF, CR or LF) become CRLF hard breaks, and no
    /// encoded line is longer than 76 characters. The result never ends in a soft break, and a
    /// trailing line break in `text` is kept as a final CRLF. Written in one pass over the bytes
    /// into one buffer: every email of a large program goes through here twice.
    package static func encode(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 4 + 16)
            var lineStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0D || byte == 0x0A {
                    encodeLine(bytes[lineStart..<index], into: &out)
                    out += [0x0D, 0x0A]
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    lineStart = index + 1
                }
                index += 1
            }
            encodeLine(bytes[lineStart..<bytes.count], into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// One line with soft breaks (`=` then CRLF) so that each output line, `=` included, fits
    /// in 76 characters; an `=XX` triplet is never split. The output is ASCII, so a line's length
    /// is its byte count, where a String's count walked the whole line for every byte.
    package static func encodeLine(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, into out: inout [UInt8]) {
        var lineLength = 0
        for index in bytes.indices {
            let byte = bytes[index]
            let isLast = index == bytes.endIndex - 1
            var encoded = !isLiteral(byte, isLast: isLast)
            // The last token needs no room for a soft-break `=` after it.
            if lineLength + (encoded ? 3 : 1) > (isLast ? 76 : 75) {
                out += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            if lineLength == 0, startsUnsafeLine(bytes[index...]) { encoded = true }
            if encoded {
                out += [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                lineLength += 3
            } else {
                out.append(byte)
                lineLength += 1
            }
        }
    }

    /// Whether RFC 2045 allows the byte as itself there. A space or tab is encoded only at the
    /// end of a line, where transports may strip it.
    package static func isLiteral(_ byte: UInt8, isLast: Bool) -> Bool {
        switch byte {
        case 0x21...0x3C, 0x3E...0x7E: true
        case 0x20, 0x09: !isLast
        default: false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `=XX`, the byte in hexadecimal.
    package static func hex(_ byte: UInt8) -> String {
        String(decoding: [UInt8(ascii: "="), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    /// A line that begins `.` ends the message for `sendmail` without `-i` when it is alone, and
    /// one that begins `From ` gets a `>` in mbox files; encoding the first byte avoids both.
    package static func startsUnsafeLine(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        rest.first == UInt8(ascii: ".") || rest.starts(with: "From ".utf8)
    }
}
