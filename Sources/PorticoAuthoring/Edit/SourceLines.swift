import Foundation
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport
import Yams

/// A YAML file's lines, for edits that keep every other byte: each line keeps its `\r` in a
/// file with Windows line endings, and lines are joined with `\n` again.
package struct SourceLines {
    package var lines: [String]
    package let lineBreak: String

    package init(_ text: String) {
        lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        lineBreak =
            text.utf8.firstIndex(of: UInt8(ascii: "\n")).map { index in
                index > text.utf8.startIndex && text.utf8[text.utf8.index(before: index)] == UInt8(ascii: "\r")
                    ? "\r\n" : "\n"
            } ?? "\n"
    }

    package var text: String { lines.joined(separator: "\n") }
    package var lastIndex: Int { lines.count - 1 }

    /// A line without its `\r`, and without the byte-order mark on the first line.
    package func body(_ index: Int) -> Substring {
        var line = lines[index][...]
        if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
        if index == 0, line.unicodeScalars.first == "\u{FEFF}" { line = Substring(line.unicodeScalars.dropFirst()) }
        return line
    }

    package func indent(_ index: Int) -> Int { body(index).prefix { $0 == " " }.count }

    /// Blank, or only a comment: neither ends nor extends a list.
    package func isFiller(_ index: Int) -> Bool {
        let trimmed = body(index).drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    package func isDash(_ index: Int) -> Bool {
        let trimmed = body(index).drop { $0 == " " }
        return trimmed == "-" || trimmed.hasPrefix("- ") || trimmed.hasPrefix("-\t")
    }

    /// The line of the top-level `contacts:` key.
    package func contactsKey() -> Int? {
        lines.indices.first { keyRest($0) != nil }
    }

    /// What follows `contacts:` on a top-level key line.
    package func keyRest(_ index: Int) -> Substring? {
        let line = body(index)
        for key in ["contacts", "\"contacts\"", "'contacts'"] where line.hasPrefix(key) {
            let rest = line.dropFirst(key.count).drop { $0 == " " }
            guard rest.first == ":" else { continue }
            let value = rest.dropFirst()
            if value.isEmpty || value.first == " " || value.first == "\t" { return value }
        }
        return nil
    }

    /// The value written after `contacts:` and the comment that ends the line (with the
    /// whitespace before it), for a value that is empty, `[]` or the start of a flow list.
    package func valueAfterKey(at index: Int) -> (value: String, comment: String) {
        let rest = keyRest(index) ?? ""
        var previousIsSpace = true
        for position in rest.indices {
            let character = rest[position]
            if character == "#", previousIsSpace {
                let start = rest[..<position].lastIndex { $0 != " " && $0 != "\t" }.map { rest.index(after: $0) }
                let commentStart = start ?? rest.startIndex
                return (
                    String(rest[..<commentStart]).trimmingCharacters(in: .whitespaces), String(rest[commentStart...])
                )
            }
            previousIsSpace = character == " " || character == "\t"
        }
        return (String(rest).trimmingCharacters(in: .whitespaces), "")
    }

    /// Rewrites `contacts: []  # note` as `contacts:  # note`, keeping the line break.
    package mutating func replaceValue(at index: Int, keepingComment comment: String) {
        let line = body(index)
        guard let colon = line.firstIndex(of: ":") else { return }
        let prefix = lines[index].hasPrefix("\u{FEFF}") ? "\u{FEFF}" : ""
        let ending = lines[index].utf8.last == UInt8(ascii: "\r") ? "\r" : ""
        lines[index] = prefix + line[...colon] + comment + ending
    }

    /// A block list's lines: where its last item starts, and its last line that is not blank or a
    /// comment.
    package struct BlockList {
        package var lastItem: Int
        package var lastLine: Int
    }

    /// The block list below the key at `keyIndex`, if the next line that holds anything is an item.
    package func blockList(after keyIndex: Int) -> BlockList? {
        guard let first = lines.indices.dropFirst(keyIndex + 1).first(where: { !isFiller($0) }), isDash(first)
        else { return nil }
        let dashIndent = indent(first)
        var list = BlockList(lastItem: first, lastLine: first)
        for index in lines.indices.dropFirst(first + 1) where !isFiller(index) {
            let depth = indent(index)
            if depth > dashIndent {
                list.lastLine = index
            } else if depth == dashIndent, isDash(index) {
                list.lastItem = index
                list.lastLine = index
            } else {
                break
            }
        }
        return list
    }

    /// The layout of the list's last item.
    package func itemStyle(_ list: BlockList) -> ContactEditor.ItemStyle {
        let line = body(list.lastItem)
        let dashIndent = indent(list.lastItem)
        let afterDash = line.dropFirst(dashIndent + 1)
        let gap = afterDash.prefix { $0 == " " }.count
        let content = afterDash.dropFirst(gap)
        if content.hasPrefix("{") {
            return .init(dashIndent: dashIndent, gap: gap, fieldIndent: dashIndent + 1 + gap, flowMapping: true)
        }
        if content.isEmpty || content.hasPrefix("#") {
            let next = lines.indices.dropFirst(list.lastItem + 1).first { !isFiller($0) && $0 <= list.lastLine }
            return .init(
                dashIndent: dashIndent, gap: 1, fieldIndent: next.map(indent) ?? dashIndent + 2, bareDash: true)
        }
        return .init(dashIndent: dashIndent, gap: gap, fieldIndent: dashIndent + 1 + gap)
    }

    /// A file that does not end with a line break gets one, so lines can follow its last.
    package mutating func ensureFinalLineBreak() {
        guard let last = lines.last, !last.isEmpty else { return }
        if lineBreak == "\r\n" { lines[lastIndex] += "\r" }
        lines.append("")
    }

    /// Puts `new` after line `index`, each with the file's line break.
    package mutating func insert(_ new: [String], after index: Int) {
        var index = index
        if index == lastIndex, !lines[index].isEmpty {
            ensureFinalLineBreak()
        } else if index == lastIndex {
            // After the empty string the final line break leaves: before it instead.
            index -= 1
        }
        let ending = lineBreak == "\r\n" ? "\r" : ""
        lines.insert(contentsOf: new.map { $0 + ending }, at: index + 1)
    }

    /// Where line `index` starts in the text, in UTF-8 bytes.
    package func offset(ofLine index: Int) -> Int {
        lines.prefix(index).reduce(0) { $0 + $1.utf8.count + 1 }
    }
}
