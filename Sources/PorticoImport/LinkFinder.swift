import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// One place in a body where a link target is written, and the bytes that change it.
package struct LinkOccurrence: Sendable, Equatable {
    package enum Form: Sendable, Equatable {
        /// `[text](target)` or `![alt](target)`: only the destination is replaced.
        case inline
        /// `[label]: target`: only the destination is replaced.
        case definition
        /// `[[target#heading|text]]`, or `![[target]]` when `embed`: the whole wikilink becomes
        /// a Markdown link or image.
        case wikilink(embed: Bool, text: String?)
        /// `{{< ref "target" >}}` or `relref`: the whole shortcode becomes the path.
        case shortcode
        /// `<img src={useBaseUrl('/img/x.png')} alt="X" />` or `src={require('./x.png').default}`:
        /// the whole element becomes a Markdown image.
        case jsxImage(alt: String?)
        /// `src="x"`, `href='x'`, `src=x` or one address of a `srcset` in raw HTML: only the
        /// address is replaced, written for the value's quotes.
        case htmlAttribute(quote: Character?, sourceSet: Bool)

        /// Whether only the target is replaced, so a replacement equal to it changes nothing.
        package var replacesTargetOnly: Bool {
            switch self {
            case .inline, .definition, .htmlAttribute: return true
            case .wikilink, .shortcode, .jsxImage: return false
            }
        }
    }

    package var form: Form
    /// The target as written, with any `#fragment` (in raw HTML, with character references undone).
    package var target: String
    /// What the report shows: the destination, or the whole wikilink or shortcode.
    package var written: String
    /// UTF-8 offsets in the body of the bytes to replace.
    package var range: Range<Int>
    /// The body line the occurrence starts on, from 1.
    package var line: Int
}

/// Finds every link target in a body outside code: Markdown links and images as cmark parsed
/// them, reference definitions, Obsidian wikilinks, Hugo `ref` shortcodes and the addresses of
/// raw HTML.
package struct LinkFinder {
    package let bytes: [UInt8]
    package let lineStarts: [Int]
    package let scan: MarkdownScan
    /// Bytes inside code blocks or code spans.
    package let code: [Bool]

    package init(body: String) {
        bytes = Array(body.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
        scan = MarkdownScan.parse(body)
        code = LinkFinder.codeMask(bytes, lineStarts: starts, codeLines: scan.codeLines)
    }

    /// Every occurrence, in source order; `wanted` says which cmark destinations are worth
    /// locating in the source (absolute URLs and bare fragments are not).
    package func occurrences(wanted: (String) -> Bool) -> (
        found: [LinkOccurrence], unlocated: [(line: Int, url: String)]
    ) {
        var found: [LinkOccurrence] = []
        var unlocated: [(line: Int, url: String)] = []
        for link in scan.links where wanted(link.url) {
            let reported = offset(line: link.endLine, column: link.endColumn)
            guard reported >= 0, reported < bytes.count else {
                unlocated.append((link.endLine, link.url))
                continue
            }
            // cmark counts columns of a paragraph's continuation lines after their indentation
            // (`!!! note` blocks indent every line): the ')' may sit that much further on.
            let shifted = reported + indentation(ofLine: link.endLine)
            let end =
                [reported, shifted].first { $0 < bytes.count && bytes[$0] == UInt8(ascii: ")") } ?? reported
            // A reference link ends with ']': its destination is on its definition's line.
            guard bytes[end] == UInt8(ascii: ")") else { continue }
            if let range = inlineDestination(endingAt: end, url: link.url) {
                found.append(occurrence(.inline, range: range, written: text(range)))
            } else {
                unlocated.append((link.endLine, link.url))
            }
        }
        found += definitions(wanted: wanted)
        found += wikilinks()
        found += shortcodes()
        found += jsxImages()
        found += htmlAddresses(wanted: wanted)
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Keep the first of any that overlap: each byte is rewritten at most once.
        var kept: [LinkOccurrence] = []
        for item in found where kept.last.map({ $0.range.upperBound <= item.range.lowerBound }) ?? true {
            kept.append(item)
        }
        return (kept, unlocated)
    }

    package func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// Spaces and tabs at the start of a line (counting from 1).
    package func indentation(ofLine line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 0 }
        var index = lineStarts[line - 1]
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        return index - lineStarts[line - 1]
    }

    package func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return -1 }
        return lineStarts[line - 1] + column - 1
    }

    package func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    package func occurrence(_ form: LinkOccurrence.Form, range: Range<Int>, written: String, target: String? = nil)
        -> LinkOccurrence
    {
        LinkOccurrence(
            form: form, target: target ?? written, written: written, range: range,
            line: line(ofOffset: range.lowerBound))
    }

    // MARK: Markdown links

    /// The bytes of the destination of the inline link whose closing ')' is at `end`: the last
    /// `](` before it whose destination reads as cmark's `url`.
    private func inlineDestination(endingAt end: Int, url: String) -> Range<Int>? {
        var index = end - 1
        let limit = max(0, end - 4096)
        while index > limit {
            if bytes[index] == UInt8(ascii: "("), bytes[index - 1] == UInt8(ascii: "]"),
                let range = destination(from: index + 1, end: end),
                LinkFinder.unescaped(text(range)) == url
            {
                return range
            }
            index -= 1
        }
        return nil
    }

    /// The destination starting at `start` (after optional spaces and one line break), stopping
    /// before `end`: `<...>` without the brackets, or text up to a space or an unbalanced ')'.
    private func destination(from start: Int, end: Int) -> Range<Int>? {
        var index = start
        while index < end,
            bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
                || bytes[index] == UInt8(ascii: "\n")
        {
            index += 1
        }
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "<") {
            let open = index + 1
            var close = open
            while close < end, bytes[close] != UInt8(ascii: ">"), bytes[close] != UInt8(ascii: "\n") {
                close += bytes[close] == UInt8(ascii: "\\") ? 2 : 1
            }
            return close < end && bytes[close] == UInt8(ascii: ">") ? open..<close : nil
        }
        let open = index
        var depth = 0
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
            }
            index += 1
        }
        return open < index ? open..<min(index, end) : nil
    }

    /// `[label]: destination` lines, which cmark consumes without leaving a node; a line cmark
    /// kept inside some block is text that only looks like a definition.
    package func definitions(wanted: (String) -> Bool) -> [LinkOccurrence] {
        var found: [LinkOccurrence] = []
        for (index, start) in lineStarts.enumerated() where !scan.blockLines.contains(index + 1) {
            let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
            var cursor = start
            // Block-quote markers and up to three spaces of indentation.
            while cursor < end, bytes[cursor] == UInt8(ascii: ">") || bytes[cursor] == UInt8(ascii: " ") {
                cursor += 1
            }
            guard cursor < end, bytes[cursor] == UInt8(ascii: "["), cursor + 1 < end,
                bytes[cursor + 1] != UInt8(ascii: "^"), !code[cursor]
            else { continue }
            var close = cursor + 1
            while close < end, bytes[close] != UInt8(ascii: "]") {
                close += bytes[close] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard close + 1 < end, close > cursor + 1, bytes[close + 1] == UInt8(ascii: ":"),
                let range = destination(from: close + 2, end: end)
            else { continue }
            let written = text(range)
            if wanted(LinkFinder.unescaped(written)) {
                found.append(occurrence(.definition, range: range, written: written))
            }
        }
        return found
    }

}
