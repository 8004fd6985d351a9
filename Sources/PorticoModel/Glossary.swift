import PorticoSupport

/// `content/glossary.yml`: the program's words, defined once. The start pages show them, and the
/// first use of each in an asset links to its definition.
public struct GlossaryTerm: Sendable {
    public var term: String
    /// Other spellings that count as a use (plurals, abbreviations).
    public var aliases: [String]
    public var definition: MarkdownSource
    public var source: SourceLocation

    /// The anchor of the term on the start pages: `term-dock-appointment`.
    public var anchor: String {
        "term-"
            + term.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
    }

    package init(term: String, aliases: [String], definition: MarkdownSource, source: SourceLocation) {
        self.term = term
        self.aliases = aliases
        self.definition = definition
        self.source = source
    }
}
