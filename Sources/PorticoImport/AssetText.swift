import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The fields an imported asset's front matter gets.
package struct AssetFields: Sendable, Equatable {
    package var title: String
    package var kind: String
    package var summary: String
    package var owner: String
    package var reviewed: Day
    package var tags: [String]
    package var draft: Bool
}

/// Writes an asset file: front matter in the order `portico new asset` uses, then the body.
package enum AssetText {
    package static func make(_ fields: AssetFields, body: String) -> String {
        var lines = [
            "---",
            "title: \(scalar(fields.title))",
            "kind: \(fields.kind)",
            "summary: \(scalar(fields.summary))",
            "owner: \(fields.owner)",
            "reviewed: \(fields.reviewed)",
        ]
        if !fields.tags.isEmpty {
            lines.append("tags: [\(fields.tags.map(scalar).joined(separator: ", "))]")
        }
        if fields.draft { lines.append("draft: true") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + body
    }

    /// `text` as a YAML scalar that reads back as exactly that string: plain when YAML reads it
    /// back unchanged, double-quoted otherwise (the rules `portico new contact` uses too).
    package static func scalar(_ text: String) -> String {
        YAMLScalar.text(text, flow: false)
    }
}
