import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// The text of one content file, decoded and normalised so every later stage sees `\n` line
/// ends and no byte-order mark, while line and column numbers still match the file.
package struct SourceText {
    /// The path printed in diagnostics.
    package var displayPath: String
    package var text: String

    /// Decodes `data` as UTF-8. Invalid UTF-8 becomes a diagnostic at the first bad byte.
    package static func decode(_ data: Data, displayPath: String) -> Result<SourceText, Diagnostic> {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        // The standard library's validation is the fast path; the byte-by-byte scan only finds
        // where a file that fails it goes wrong.
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = position(ofByte: firstInvalidUTF8Byte(bytes) ?? 0, in: bytes)
            return .failure(
                .error(
                    "not-utf8", "file is not valid UTF-8",
                    at: SourceLocation(file: displayPath, line: line, column: column),
                    hint: "save the file with UTF-8 encoding"))
        }
        if bytes.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceText(displayPath: displayPath, text: text))
    }

    private static func firstInvalidUTF8Byte(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            // Overlong forms, surrogates and values above U+10FFFF.
            if length > 1 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
                    || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)
                {
                    return index
                }
            }
            index += length
        }
        return nil
    }

    /// Line and column (counting characters of the valid prefix) of a byte offset.
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        let prefix = bytes[..<offset]
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }

    package init(displayPath: String, text: String) {
        self.displayPath = displayPath
        self.text = text
    }
}
