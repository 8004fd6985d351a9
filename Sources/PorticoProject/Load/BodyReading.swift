import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoSupport

extension AssetBody {
    /// The text, read again from its file when it is not held; an error when the file has
    /// changed or gone since the load stage read it.
    public func source() -> Result<MarkdownSource, Diagnostic> {
        switch storage {
        case .held(let source): .success(source)
        case .inFile(let file): file.read()
        }
    }
}

extension MarkdownRenderer {
    /// An asset's headings; none when its body can no longer be read, which its own page reports.
    package func headings(of asset: Asset) -> [Heading] {
        guard case .success(let source) = asset.body.source() else { return [] }
        return headings(of: source, title: asset.title)
    }
}

extension BodyInFile {
    /// Reads the file again exactly as the load stage did, and takes its body if it is the
    /// text the load stage planned with: a page must never show text that its lists, reading
    /// time and links were not worked out from.
    package func read() -> Result<MarkdownSource, Diagnostic> {
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
