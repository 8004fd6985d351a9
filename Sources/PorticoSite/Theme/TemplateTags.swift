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
        var tags: [TemplateTag] = []
        var open = "{{"
        var close = "}}"
        var position = text.startIndex
        var line = 1
        var lineStart = text.startIndex
        while let start = text.range(of: open, range: position..<text.endIndex) {
            for index in text[position..<start.lowerBound].indices where text[index] == "\n" {
                line += 1
                lineStart = text.index(after: index)
            }
            let column = text.distance(from: lineStart, to: start.lowerBound) + 1
            var inner = start.upperBound
            var ending = close
            // A triple mustache exists only with the standard delimiters.
            if open == "{{", inner < text.endIndex, text[inner] == "{" {
                inner = text.index(after: inner)
                ending = "}" + close
            }
            guard let end = text.range(of: ending, range: inner..<text.endIndex) else { break }
            let content = String(text[inner..<end.lowerBound])
            position = end.upperBound
            let tag = classify(content, triple: ending != close)
            tags.append(TemplateTag(kind: tag.kind, name: tag.name, line: line, column: column))
            if tag.kind == .other, content.hasPrefix("="), content.hasSuffix("=") {
                let delimiters = content.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
                if delimiters.count == 2 {
                    open = String(delimiters[0])
                    close = String(delimiters[1])
                }
            }
            // Newlines inside the tag (a multi-line comment) still count.
            for index in text[start.upperBound..<end.upperBound].indices where text[index] == "\n" {
                line += 1
                lineStart = text.index(after: index)
            }
        }
        return tags
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
