import Foundation

extension BodyInFile {
    /// The body as `split` found it in the file at `path`, noted to be read again later.
    static func noting(_ body: MarkdownSource, path: String) -> BodyInFile {
        BodyInFile(path: path, start: body.start, digest: body.text.hashValue)
    }

    /// Reads the file again exactly as the load stage did, and takes its body if it is the
    /// text the load stage planned with: a page must never show text that its lists, reading
    /// time and links were not worked out from.
    func read() -> Result<MarkdownSource, Diagnostic> {
        let changed = Diagnostic.error(
            "changed-during-build", "the file changed while the site was being built",
            at: SourceLocation(file: start.file), hint: "build again once the file is saved")
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(changed) }
        guard case .success(let text) = SourceText.decode(data, displayPath: start.file),
            case .success(let parts) = FrontMatter.split(text),
            parts.bodyFirstLine == start.line, parts.body.hashValue == digest
        else { return .failure(changed) }
        return .success(MarkdownSource(text: parts.body, start: start))
    }
}
