/// What a callout is, by the word its author wrote: Docusaurus, MkDocs, GitBook and GitHub each
/// have their own list, and several words share one look. The label shows the author's own word,
/// so `!!! example` reads "Example", styled as a note.
package struct CalloutKind: Equatable, Sendable {
    /// The class suffix, one of `styles`: `callout-warning`.
    package let style: String
    /// The visible word: the kind must be read, not only seen in a colour.
    package let label: String

    package static let styles = ["note", "info", "tip", "success", "important", "warning", "caution", "danger"]

    private static let aliases: [String: String] = [
        "note": "note", "abstract": "note", "summary": "note", "tldr": "note", "example": "note",
        "quote": "note", "cite": "note", "seealso": "note", "info": "info", "todo": "info",
        "question": "info", "help": "info", "faq": "info", "tip": "tip", "hint": "tip",
        "success": "success", "check": "success", "done": "success", "important": "important",
        "warning": "warning", "attention": "warning", "caution": "caution", "danger": "danger",
        "error": "danger", "failure": "danger", "fail": "danger", "missing": "danger", "bug": "danger",
    ]

    /// nil for a word no generator knows, so the text stays as written.
    package init?(_ word: some StringProtocol) {
        let name = word.lowercased()
        guard let style = Self.aliases[name], let first = name.first else { return nil }
        self.style = style
        label = first.uppercased() + name.dropFirst()
    }

    /// The title a reader sees: the kind's word, then the author's title unless it already
    /// starts with that word.
    package func heading(_ title: String?) -> String {
        guard let title, !title.isEmpty else { return label }
        return title.lowercased().hasPrefix(label.lowercased()) ? title : "\(label): \(title)"
    }
}
