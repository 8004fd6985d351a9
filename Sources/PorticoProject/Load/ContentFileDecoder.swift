import PorticoMarkdown
import PorticoModel
import PorticoSupport
import Yams

/// Turns the decoded text of one content file into a model value, collecting its problems.
/// The loader hands it files read from the content folder; the fuzz probe hands it bytes held
/// in memory, so both exercise the same code.
package enum ContentFileDecoder {
    package static func program(_ source: SourceText, issues: IssueList) -> Program? {
        decodeYAML(
            source.text, path: source.displayPath, firstLine: 1, what: "program.yml",
            known: ProgramLoader.fields, issues: issues, ProgramLoader.read)
    }

    package static func partner(_ source: SourceText, id: String, issues: IssueList) -> Partner? {
        decodeYAML(
            source.text, path: source.displayPath, firstLine: 1, what: "a partner",
            known: PartnerLoader.fields, issues: issues
        ) { PartnerLoader.read($0, id: id) }
    }

    /// The asset, and its Markdown body whenever the front matter closes, even if its fields
    /// have errors. `inFile`, the file's path, leaves the asset's body there to be read again.
    package static func asset(
        _ source: SourceText, id: String, sourcePath: String, files: [AssetFile] = [], inFile path: String? = nil,
        issues: IssueList
    ) -> (asset: Asset?, body: MarkdownSource?) {
        let (asset, body) = markdownFile(source, what: "asset", known: AssetLoader.fields, issues: issues) {
            AssetLoader.read($0, id: id, sourcePath: sourcePath, body: AssetBody($1, leftIn: path), files: files)
        }
        return (asset, body)
    }

    package static func brief(_ source: SourceText, stem: String, sourcePath: String, issues: IssueList) -> Brief? {
        markdownFile(source, what: "brief", known: BriefLoader.fields, issues: issues) {
            BriefLoader.read($0, stem: stem, sourcePath: sourcePath, body: $1)
        }.value
    }

    package static func story(_ source: SourceText, id: String, sourcePath: String, issues: IssueList) -> Story? {
        markdownFile(source, what: "story", known: StoryLoader.fields, issues: issues) {
            StoryLoader.read($0, id: id, sourcePath: sourcePath, body: $1)
        }.value
    }

    package static func glossary(_ source: SourceText, issues: IssueList) -> [GlossaryTerm]? {
        decodeYAML(
            source.text, path: source.displayPath, firstLine: 1, what: "glossary.yml",
            known: GlossaryLoader.fields, issues: issues, GlossaryLoader.read)
    }

    package static func campaigns(_ source: SourceText, issues: IssueList) -> [Campaign]? {
        decodeYAML(
            source.text, path: source.displayPath, firstLine: 1, what: "campaigns.yml",
            known: CampaignLoader.fields, issues: issues, CampaignLoader.read)
    }

    /// A Markdown file with front matter: its fields go to `read` with the body.
    private static func markdownFile<Value>(
        _ source: SourceText, what: String, known: [String], issues: IssueList,
        _ read: (FieldReader, MarkdownSource) -> Value?
    ) -> (value: Value?, body: MarkdownSource?) {
        let parts: FrontMatter
        switch FrontMatter.split(source, what: what) {
        case .failure(let diagnostic):
            issues.add(diagnostic)
            return (nil, nil)
        case .success(let split):
            parts = split
        }
        let body = MarkdownSource(
            text: parts.body, start: SourceLocation(file: source.displayPath, line: parts.bodyFirstLine))
        let value = decodeYAML(
            parts.yaml, path: source.displayPath, firstLine: parts.yamlFirstLine, what: "the front matter",
            known: known, issues: issues
        ) { read($0, body) }
        return (value, body)
    }

    /// Parses YAML that starts at `firstLine` of its file and hands its top mapping to `read`.
    private static func decodeYAML<Value>(
        _ yaml: String, path: String, firstLine: Int, what: String, known: [String], issues: IssueList,
        _ read: (FieldReader) -> Value?
    ) -> Value? {
        let node: Node?
        switch YAMLDocument.parse(yaml, path: path, firstLine: firstLine) {
        case .failure(let diagnostic):
            issues.add(diagnostic)
            return nil
        case .success(let parsed):
            node = parsed
        }
        guard
            let fields = FieldReader(
                node, what: what, known: known, file: path, lineOffset: firstLine - 1, yaml: yaml,
                issues: issues, fallback: SourceLocation(file: path, line: firstLine))
        else { return nil }
        return read(fields)
    }
}
