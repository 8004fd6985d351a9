import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Runs the load stage on one file's bytes held in memory: decoding, front matter, YAML and
/// (for assets) Markdown. The fuzz target drives it; it must return, never crash or hang.
public enum ContentProbe {
    public enum FileKind: CaseIterable, Sendable {
        case program, partner, asset
    }

    public static func diagnose(_ data: Data, as kind: FileKind) -> [Diagnostic] {
        let path: String
        switch kind {
        case .program: path = "content/program.yml"
        case .partner: path = "content/partners/probe.yml"
        case .asset: path = "content/assets/probe.md"
        }
        let source: SourceText
        switch SourceText.decode(data, displayPath: path) {
        case .failure(let diagnostic):
            return [diagnostic]
        case .success(let decoded):
            source = decoded
        }
        let issues = IssueList()
        let log = DiagnosticLog()
        switch kind {
        case .program:
            _ = ContentFileDecoder.program(source, issues: issues)
        case .partner:
            _ = ContentFileDecoder.partner(source, id: "probe", issues: issues)
        case .asset:
            // The body is rendered even when the front matter has errors, to reach cmark-gfm more often.
            if let body = ContentFileDecoder.asset(source, id: "probe", sourcePath: "assets/probe.md", issues: issues)
                .body
            {
                _ = MarkdownRenderer().render(body, log: log)
            }
        }
        return issues.items + log.all
    }
}
