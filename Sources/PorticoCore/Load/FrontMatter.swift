/// Splits a Markdown content file (an asset, a brief, a story) into its YAML front matter and body.
struct FrontMatter {
    var yaml: String
    /// Line of the file on which `yaml` starts.
    var yamlFirstLine: Int
    var body: String
    /// Line of the file on which `body` starts.
    var bodyFirstLine: Int

    static func split(_ source: SourceText, what: String = "asset") -> Result<FrontMatter, Diagnostic> {
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else {
            return .failure(
                .error(
                    "missing-front-matter", "\(what) has no front matter",
                    at: SourceLocation(file: source.displayPath, line: 1, column: 1),
                    hint: "start the file with a '---' line, the \(what)'s fields, and another '---' line"))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || isEnd(lines[$0]) })
        else {
            return .failure(
                .error(
                    "unclosed-front-matter", "front matter opened with '---' is never closed",
                    at: SourceLocation(file: source.displayPath, line: 1, column: 1),
                    hint: "end the front matter with a line holding only '---'"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func isEnd(_ line: Substring) -> Bool {
        line.hasPrefix("...") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
