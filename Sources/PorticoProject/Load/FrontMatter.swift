import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Splits a Markdown content file (an asset, a brief, a story) into its YAML front matter and body.
package struct FrontMatter {
    package var yaml: String
    /// Line of the file on which `yaml` starts.
    package var yamlFirstLine: Int
    package var body: String
    /// Line of the file on which `body` starts.
    package var bodyFirstLine: Int

    package static func split(_ source: SourceText, what: String = "asset") -> Result<FrontMatter, Diagnostic> {
        let text = source.text
        let firstEnd = lineEnd(in: text, from: text.startIndex)
        guard isFence(text[..<firstEnd]) else {
            return .failure(
                .error(
                    "missing-front-matter", "\(what) has no front matter",
                    at: SourceLocation(file: source.displayPath, line: 1, column: 1),
                    hint: "start the file with a '---' line, the \(what)'s fields, and another '---' line"))
        }
        // Only the front matter is walked line by line; the body is the rest of the text as it is.
        var line = 1
        var lineStart = firstEnd
        while lineStart < text.endIndex {
            lineStart = text.utf8.index(after: lineStart)
            line += 1
            let end = lineEnd(in: text, from: lineStart)
            let current = text[lineStart..<end]
            if isFence(current) || isEnd(current) {
                let yaml =
                    firstEnd < lineStart ? String(text[text.utf8.index(after: firstEnd)..<lineStart].dropLast()) : ""
                let body = end < text.endIndex ? String(text[text.utf8.index(after: end)...]) : ""
                return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: line + 1))
            }
            lineStart = end
        }
        return .failure(
            .error(
                "unclosed-front-matter", "front matter opened with '---' is never closed",
                at: SourceLocation(file: source.displayPath, line: 1, column: 1),
                hint: "end the front matter with a line holding only '---'"))
    }

    /// The index of the `\n` ending the line that starts at `start`, or the end of the text.
    private static func lineEnd(in text: String, from start: String.Index) -> String.Index {
        text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func isEnd(_ line: Substring) -> Bool {
        line.hasPrefix("...") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
