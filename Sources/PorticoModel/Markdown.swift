import PorticoSupport

/// Markdown text from a content file, with where it starts so diagnostics found while
/// rendering it point at the right line of the file.
public struct MarkdownSource: Sendable, Hashable {
    public var text: String
    /// Where the text's first line starts; every line starts at this column (YAML indents a
    /// block of Markdown, an asset body is not indented).
    public var start: SourceLocation

    public init(text: String, start: SourceLocation) {
        self.text = text
        self.start = start
    }
}
