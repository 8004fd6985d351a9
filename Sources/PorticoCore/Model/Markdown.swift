/// Markdown text from a content file, with where it starts so diagnostics found while
/// rendering it point at the right line of the file.
public struct MarkdownSource: Sendable, Hashable {
    public var text: String
    /// The location of the text's first line.
    public var start: SourceLocation

    public init(text: String, start: SourceLocation) {
        self.text = text
        self.start = start
    }
}
