import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Links written in other generators' own syntax: Obsidian wikilinks and Hugo ref shortcodes.
extension LinkFinder {
    // MARK: Wikilinks and shortcodes

    /// `[[...]]` on one line, with `!` before it for an embed.
    package func wikilinks() -> [LinkOccurrence] {
        var found: [LinkOccurrence] = []
        var index = 0
        while index + 4 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "["), !code[index] else {
                index += 1
                continue
            }
            var close = index + 2
            while close + 1 < bytes.count, bytes[close] != UInt8(ascii: "]"), bytes[close] != UInt8(ascii: "["),
                bytes[close] != UInt8(ascii: "\n")
            {
                close += 1
            }
            guard close + 1 < bytes.count, close > index + 2, bytes[close] == UInt8(ascii: "]"),
                bytes[close + 1] == UInt8(ascii: "]"), !code[close]
            else {
                index += 2
                continue
            }
            let embed = index > 0 && bytes[index - 1] == UInt8(ascii: "!") && !code[index - 1]
            let start = embed ? index - 1 : index
            let inner = text(index + 2..<close)
            // `\|` separates the text inside a table, where a bare `|` would end the cell.
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            var target = String(parts[0])
            if target.hasSuffix("\\") { target.removeLast() }
            let label = parts.count > 1 ? String(parts[1]) : nil
            let range = start..<close + 2
            found.append(
                occurrence(
                    .wikilink(embed: embed, text: label), range: range, written: text(range),
                    target: target.trimmingCharacters(in: .whitespaces)))
            index = close + 2
        }
        return found
    }

    /// `{{< ref "x.md" >}}`, `{{< relref "x" >}}`, `{{% ref x %}}`, `{{< ref path="x" >}}`.
    package func shortcodes() -> [LinkOccurrence] {
        var found: [LinkOccurrence] = []
        var index = 0
        while index + 3 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{"),
                bytes[index + 2] == UInt8(ascii: "<") || bytes[index + 2] == UInt8(ascii: "%"), !code[index]
            else {
                index += 1
                continue
            }
            // `{{<` closes with `>}}`, `{{%` with `%}}`.
            let delimiter = bytes[index + 2] == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "%")
            var close = index + 3
            while close + 2 < bytes.count, bytes[close] != UInt8(ascii: "\n"),
                !(bytes[close] == delimiter && bytes[close + 1] == UInt8(ascii: "}")
                    && bytes[close + 2] == UInt8(ascii: "}"))
            {
                close += 1
            }
            guard close + 2 < bytes.count, bytes[close] == delimiter else {
                index += 3
                continue
            }
            let range = index..<close + 3
            if let target = LinkFinder.shortcodeTarget(text(index + 3..<close)) {
                found.append(occurrence(.shortcode, range: range, written: text(range), target: target))
            }
            index = close + 3
        }
        return found
    }

    /// The path of a `ref` or `relref` shortcode's inside, such as ` relref "x.md" `.
    package static func shortcodeTarget(_ inside: String) -> String? {
        let words = inside.trimmingCharacters(in: .whitespaces)
        let name = words.prefix { !$0.isWhitespace }
        guard name == "ref" || name == "relref" else { return nil }
        var argument = words.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        if argument.hasPrefix("path=") { argument.removeFirst(5) }
        if let quote = argument.first, quote == "\"" || quote == "'" {
            let rest = argument.dropFirst()
            guard let end = rest.firstIndex(of: quote) else { return nil }
            let target = String(rest[..<end])
            return target.isEmpty ? nil : target
        }
        let target = String(argument.prefix { !$0.isWhitespace })
        return target.isEmpty ? nil : target
    }
}
