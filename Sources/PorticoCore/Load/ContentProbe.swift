import Foundation

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
        let issues = IssueList()
        let log = DiagnosticLog()
        switch SourceText.decode(data, displayPath: path) {
        case .failure(let diagnostic):
            return [diagnostic]
        case .success(let source):
            var yaml = source.text
            var firstLine = 1
            var body: MarkdownSource?
            if kind == .asset {
                switch FrontMatter.split(source) {
                case .failure(let diagnostic):
                    return [diagnostic]
                case .success(let parts):
                    yaml = parts.yaml
                    firstLine = parts.yamlFirstLine
                    body = MarkdownSource(
                        text: parts.body, start: SourceLocation(file: path, line: parts.bodyFirstLine))
                }
            }
            switch YAMLDocument.parse(yaml, path: path, firstLine: firstLine) {
            case .failure(let diagnostic):
                return [diagnostic]
            case .success(let node):
                let known: [String] =
                    switch kind {
                    case .program: ProgramLoader.fields
                    case .partner: PartnerLoader.fields
                    case .asset: AssetLoader.fields
                    }
                if let fields = FieldReader(
                    node, what: "the file", known: known, file: path, lineOffset: firstLine - 1, yaml: yaml,
                    issues: issues,
                    fallback: SourceLocation(file: path, line: firstLine))
                {
                    switch kind {
                    case .program: _ = ProgramLoader.read(fields)
                    case .partner: _ = PartnerLoader.read(fields, id: "probe")
                    case .asset: _ = body.flatMap { AssetLoader.read(fields, id: "probe", body: $0) }
                    }
                }
                if let body {
                    _ = MarkdownRenderer().render(body, log: log)
                }
            }
        }
        return issues.items + log.all
    }
}
