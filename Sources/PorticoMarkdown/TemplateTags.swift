import Foundation
import PorticoModel
import PorticoSupport

/// Text moved from Jekyll, Hugo, MkDocs or GitBook may keep its template tags: `{% include x %}`,
/// `{% raw %}`, `{{< youtube id >}}`, `{{ site.title }}`. Portico runs no template language over
/// Markdown, so a tag at the start of a line is shown as written; its author should hear so, once
/// per tag in a text. Tags in code are examples and are left alone.
package enum TemplateTags {
    package static func findings(_ prepared: CalloutSource, source: MarkdownSource) -> [Diagnostic] {
        guard prepared.text.contains("{%") || prepared.text.contains("{{") else { return [] }
        var reported: Set<String> = []
        var findings: [Diagnostic] = []
        var fence = CodeFence()
        for (index, line) in CalloutSource.lines(of: prepared.text).enumerated() {
            guard !fence.skips(line) else { continue }
            let spaces = line.prefix { $0 == " " }.count
            guard spaces < 4, let tag = tag(line.dropFirst(spaces)), reported.insert(tag).inserted else { continue }
            var location = source.start
            location.line += index
            location.column = source.start.column + spaces + (prepared.removedColumns[index + 1] ?? 0)
            findings.append(
                .warning(
                    "template-tag",
                    "template tag '\(tag)' is shown as text: Portico does not run Liquid, Jinja or Hugo templates",
                    at: location, hint: "write in Markdown what the tag stood for, or remove it"))
        }
        return findings
    }

    /// The tag's delimiters and name, the rest elided: `{% include … %}`, `{{< youtube … >}}`,
    /// `{{ site.title }}`; nil when the line does not start with one.
    package static func tag(_ line: Substring) -> String? {
        let pairs: [(open: String, close: String)] = [
            ("{{<", ">}}"), ("{{%", "%}}"), ("{%-", "-%}"), ("{%", "%}"), ("{{-", "-}}"), ("{{", "}}"),
        ]
        guard let (open, close) = pairs.first(where: { line.hasPrefix($0.open) }) else { return nil }
        let rest = line.dropFirst(open.count)
        guard let end = rest.range(of: close) else { return nil }
        let words = rest[..<end.lowerBound].split(separator: " ")
        guard let name = words.first, name.first?.isLetter == true || name.first == "/" else { return nil }
        return "\(open) \(name)\(words.count > 1 ? " …" : "") \(close)"
    }
}
