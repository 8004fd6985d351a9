import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Addresses in raw HTML: GitBook writes nearly every picture as `<figure><img src=...>`, and
/// MDX files link with `<a href=...>`. The build resolves these as it resolves Markdown links,
/// so the import must rewrite them and copy their files the same way.
extension LinkFinder {
    /// The attributes whose value is one address.
    package static let addressAttributes: Set<String> = ["src", "href"]

    /// `src` and `href` of every tag outside code, and each address of a `srcset`. A tag is
    /// read as CommonMark reads inline HTML, so text that only looks like a tag is left alone.
    package func htmlAddresses(wanted: (String) -> Bool) -> [LinkOccurrence] {
        var found: [LinkOccurrence] = []
        let comment = Array("<!--".utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), !code[index],
                index == 0 || bytes[index - 1] != UInt8(ascii: "\\")
            else {
                index += 1
                continue
            }
            // Nothing in a comment reaches the page.
            if index + comment.count <= bytes.count, Array(bytes[index..<index + comment.count]) == comment {
                index = LinkFinder.find(Array("-->".utf8), in: bytes, from: index + comment.count) ?? bytes.count
                continue
            }
            guard let tag = tag(at: index) else {
                index += 1
                continue
            }
            for attribute in tag.attributes {
                found += occurrences(of: attribute, wanted: wanted)
            }
            index = tag.end
        }
        return found
    }

    /// One attribute of a tag: its lowercased name and the bytes of its value, without quotes.
    package struct HTMLAttribute: Equatable {
        package var name: String
        package var value: Range<Int>
        package var quote: Character?
    }

    /// The tag opening at `start` and the offset after its `>`, or nil when the text is no tag.
    /// MDX's `{expression}` values are skipped over, since the rest of such a tag is still HTML.
    package func tag(at start: Int) -> (attributes: [HTMLAttribute], end: Int)? {
        let limit = min(bytes.count, start + 8192)
        func isSpace(_ index: Int) -> Bool {
            index < limit && [9, 10, 12, 13, 32].contains(bytes[index])
        }
        func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
            if isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") { return true }
            return !first && (isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-"))
        }
        var cursor = start + 1
        guard cursor < limit, isLetter(bytes[cursor]) else { return nil }
        while cursor < limit, isLetter(bytes[cursor]) || isDigit(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "-") {
            cursor += 1
        }
        var attributes: [HTMLAttribute] = []
        while cursor < limit {
            let spaced = isSpace(cursor)
            while isSpace(cursor) { cursor += 1 }
            guard cursor < limit, !code[cursor] else { return nil }
            if bytes[cursor] == UInt8(ascii: ">") { return (attributes, cursor + 1) }
            if bytes[cursor] == UInt8(ascii: "/"), cursor + 1 < limit, bytes[cursor + 1] == UInt8(ascii: ">") {
                return (attributes, cursor + 2)
            }
            if bytes[cursor] == UInt8(ascii: "{") {
                guard let close = closingBrace(from: cursor, limit: limit) else { return nil }
                cursor = close + 1
                continue
            }
            guard spaced, isNameByte(bytes[cursor], first: true) else { return nil }
            let nameStart = cursor
            while cursor < limit, isNameByte(bytes[cursor], first: false) { cursor += 1 }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            var after = cursor
            while isSpace(after) { after += 1 }
            guard after < limit, bytes[after] == UInt8(ascii: "=") else { continue }
            cursor = after + 1
            while isSpace(cursor) { cursor += 1 }
            guard cursor < limit else { return nil }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let close = bytes[(cursor + 1)..<limit].firstIndex(of: byte) else { return nil }
                attributes.append(
                    HTMLAttribute(name: name, value: cursor + 1..<close, quote: Character(Unicode.Scalar(byte))))
                cursor = close + 1
            } else if byte == UInt8(ascii: "{") {
                guard let close = closingBrace(from: cursor, limit: limit) else { return nil }
                cursor = close + 1
            } else {
                let valueStart = cursor
                while cursor < limit, !isSpace(cursor), !"\"'=<>`".utf8.contains(bytes[cursor]) { cursor += 1 }
                guard cursor > valueStart else { return nil }
                attributes.append(HTMLAttribute(name: name, value: valueStart..<cursor, quote: nil))
            }
        }
        return nil
    }

    /// The `}` that closes the `{` at `open`, past quoted strings and nested braces.
    private func closingBrace(from open: Int, limit: Int) -> Int? {
        scanCode(from: open, limit: limit) { byte, depth in byte == UInt8(ascii: "}") && depth == 0 }
    }

    /// The first byte from `start` for which `stop(byte, depth)` holds outside quoted strings,
    /// where `depth` counts the braces open after that byte: JSX expressions hold quotes and
    /// braces that must not end the scan.
    func scanCode(from start: Int, limit: Int, stop: (UInt8, Int) -> Bool) -> Int? {
        var depth = 0
        var quote: UInt8?
        var index = start
        while index < limit {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                quote = byte
            } else {
                if byte == UInt8(ascii: "{") { depth += 1 }
                if byte == UInt8(ascii: "}") { depth -= 1 }
                if stop(byte, depth) { return index }
            }
            index += 1
        }
        return nil
    }

    private func occurrences(of attribute: HTMLAttribute, wanted: (String) -> Bool) -> [LinkOccurrence] {
        var ranges: [Range<Int>] = []
        if LinkFinder.addressAttributes.contains(attribute.name) {
            ranges = [trimmed(attribute.value)]
        } else if attribute.name == "srcset" {
            ranges = sourceSetAddresses(attribute.value)
        }
        return ranges.compactMap { range in
            let written = text(range)
            let target = LinkFinder.htmlDecoded(written)
            guard !target.isEmpty, wanted(target) else { return nil }
            return occurrence(
                .htmlAttribute(quote: attribute.quote, sourceSet: attribute.name == "srcset"), range: range,
                written: written, target: target)
        }
    }

    /// Browsers ignore white space around an address.
    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, [9, 10, 12, 13, 32].contains(bytes[lower]) { lower += 1 }
        while upper > lower, [9, 10, 12, 13, 32].contains(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// `a.png 1x, b.png 2x`: the first word of each comma-separated candidate, as the build
    /// reads a `srcset`.
    package func sourceSetAddresses(_ value: Range<Int>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = value.lowerBound
        while index < value.upperBound {
            while index < value.upperBound, [9, 10, 12, 13, 32].contains(bytes[index]) { index += 1 }
            let start = index
            while index < value.upperBound, ![9, 10, 12, 13, 32, UInt8(ascii: ",")].contains(bytes[index]) {
                index += 1
            }
            if index > start { ranges.append(start..<index) }
            while index < value.upperBound, bytes[index] != UInt8(ascii: ",") { index += 1 }
            index += 1
        }
        return ranges
    }

    /// An attribute value as the browser reads it: character references undone.
    package static func htmlDecoded(_ text: String) -> String {
        decoded(text, backslashEscapes: false)
    }

    /// `url` written as an attribute value between `quote`s (or none): '&' and the quote
    /// become character references, and an unquoted value that cannot stand bare is quoted.
    package static func attributeValue(_ url: String, quote: Character?, sourceSet: Bool) -> String {
        var value = url.replacingOccurrences(of: "&", with: "&amp;")
        // The build splits a srcset at commas.
        if sourceSet { value = value.replacingOccurrences(of: ",", with: "%2C") }
        switch quote {
        case "'": return value.replacingOccurrences(of: "'", with: "&#39;")
        case "\"": return value.replacingOccurrences(of: "\"", with: "&quot;")
        default:
            guard value.contains(where: { $0.isWhitespace || "\"'=<>`".contains($0) }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "&quot;") + "\""
        }
    }

    /// The offset just after the first `needle` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle {
                return index + needle.count
            }
            index += 1
        }
        return nil
    }
}
