import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Where links must not be looked for (code), and link text as Markdown means it.
extension LinkFinder {
    // MARK: Code

    /// Marks code block lines, then code spans: a run of backticks up to the next run of the
    /// same length within the paragraph, as CommonMark reads them.
    package static func codeMask(_ bytes: [UInt8], lineStarts: [Int], codeLines: Set<Int>) -> [Bool] {
        var mask = [Bool](repeating: false, count: bytes.count)
        for line in codeLines where line >= 1 && line <= lineStarts.count {
            let start = lineStarts[line - 1]
            let end = line < lineStarts.count ? lineStarts[line] : bytes.count
            for offset in start..<end { mask[offset] = true }
        }
        let tick = UInt8(ascii: "`")
        func isBlankLineAfter(_ newline: Int) -> Bool {
            var cursor = newline + 1
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") {
                cursor += 1
            }
            return cursor >= bytes.count || bytes[cursor] == UInt8(ascii: "\n")
        }
        func run(at start: Int) -> Int {
            var end = start
            while end < bytes.count, bytes[end] == tick { end += 1 }
            return end - start
        }
        var index = 0
        while index < bytes.count {
            if mask[index] {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            guard bytes[index] == tick else {
                index += 1
                continue
            }
            let length = run(at: index)
            var cursor = index + length
            var close: Int?
            while cursor < bytes.count, !mask[cursor] {
                if bytes[cursor] == UInt8(ascii: "\n"), isBlankLineAfter(cursor) { break }
                if bytes[cursor] == tick {
                    let other = run(at: cursor)
                    if other == length {
                        close = cursor
                        break
                    }
                    cursor += other
                    continue
                }
                cursor += 1
            }
            guard let close else {
                index += length
                continue
            }
            for offset in index..<close + length { mask[offset] = true }
            index = close + length
        }
        return mask
    }

    // MARK: Text

    /// A destination as cmark reads it: backslash escapes and the common entities undone.
    package static func unescaped(_ text: String) -> String {
        decoded(text, backslashEscapes: true)
    }

    /// Character references undone, and with `backslashEscapes` Markdown's backslash escapes:
    /// HTML attribute values have none.
    package static func decoded(_ text: String, backslashEscapes: Bool) -> String {
        guard (backslashEscapes && text.contains("\\")) || text.contains("&") else { return text }
        var result = ""
        var characters = Substring(text)
        while let character = characters.first {
            characters.removeFirst()
            if backslashEscapes, character == "\\", let next = characters.first, next.isASCII,
                next.isPunctuation || next.isSymbol
            {
                result.append(next)
                characters.removeFirst()
            } else if character == "&", let semicolon = characters.prefix(10).firstIndex(of: ";"),
                let decoded = entity(String(characters[..<semicolon]))
            {
                result.append(decoded)
                characters = characters[characters.index(after: semicolon)...]
            } else {
                result.append(character)
            }
        }
        return result
    }

    package static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let digits = name.dropFirst()
            let value: UInt32? =
                name.hasPrefix("#x") || name.hasPrefix("#X")
                ? UInt32(digits.dropFirst(), radix: 16) : name.hasPrefix("#") ? UInt32(digits) : nil
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
