import Foundation

/// One Mustache tag of a template, with where it starts. swift-mustache keeps its tokens to itself
/// and without positions, so the theme check reads the tags again, the way the Mustache spec
/// defines them: a tag is what the current delimiters enclose, its first character says its kind.
package struct TemplateTag: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// `{{name}}`, HTML-escaped.
        case variable
        /// `{{{name}}}` or `{{& name}}`.
        case unescaped
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case inverted
        /// `{{/name}}`
        case close
        /// `{{> name}}`
        case partial
        /// `{{< name}}`: a parent template whose blocks this one overrides.
        case parent
        /// `{{$ name}}`: a block, overridable by a template that has this one as its parent.
        case block
        /// `{{! ...}}`, `{{% ...}}` and `{{=<% %>=}}`, which name nothing in a context.
        case other
    }

    package var kind: Kind
    package var name: String
    /// 1-based, of the tag's opening delimiter.
    package var line: Int
    /// 1-based, in characters.
    package var column: Int

    package init(kind: Kind, name: String, line: Int, column: Int) {
        self.kind = kind
        self.name = name
        self.line = line
        self.column = column
    }

    /// Every tag of `text`, in order. A tag left open at the end is not one (the parser reports it).
    package static func scan(_ text: String) -> [TemplateTag] {
        let bytes = Array(text.utf8)
        var tags: [TemplateTag] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var position = 0
        var line = 1
        var lineStart = 0
        while let start = find(open, in: bytes, from: position) {
            for index in position..<start where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            // Columns count characters, as every other diagnostic's do.
            let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count + 1
            var inner = start + open.count
            var ending = close
            // A triple mustache exists only with the standard delimiters.
            if open == Array("{{".utf8), inner < bytes.count, bytes[inner] == UInt8(ascii: "{") {
                inner += 1
                ending = [UInt8(ascii: "}")] + close
            }
            guard let end = find(ending, in: bytes, from: inner) else { break }
            let content = String(decoding: bytes[inner..<end], as: UTF8.self)
            let tag = classify(content, triple: ending != close)
            tags.append(TemplateTag(kind: tag.kind, name: tag.name, line: line, column: column))
            if tag.kind == .other, content.hasPrefix("="), content.hasSuffix("=") {
                let delimiters = content.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
                if delimiters.count == 2 {
                    open = Array(delimiters[0].utf8)
                    close = Array(delimiters[1].utf8)
                }
            }
            // Newlines inside the tag (a multi-line comment) still count.
            position = end + ending.count
            for index in start..<position where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
        }
        return tags
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func classify(_ content: String, triple: Bool) -> (kind: Kind, name: String) {
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        if triple { return (.unescaped, trimmed) }
        guard let sigil = trimmed.first else { return (.variable, trimmed) }
        let rest = trimmed.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines)
        switch sigil {
        case "#": return (.section, rest)
        case "^": return (.inverted, rest)
        case "/": return (.close, rest)
        case ">": return (.partial, rest)
        case "<": return (.parent, rest)
        case "$": return (.block, rest)
        case "&": return (.unescaped, rest)
        case "!", "=", "%": return (.other, rest)
        default: return (.variable, trimmed)
        }
    }
}
