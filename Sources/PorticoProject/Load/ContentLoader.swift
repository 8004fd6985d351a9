import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// What the load stage produced: every file that could be read, even when others failed.
public struct LoadedContent: Sendable {
    public var program: Program?
    public var partners: [Partner]
    public var assets: [Asset]
    /// Ids of every asset file, including those that failed to load: a reference to one of
    /// those is not reported again, since the file's own errors already were.
    public var assetFileIDs: Set<String>
    /// `static/`: files shared by many assets, such as logos, published under `static/`.
    public var staticFiles: [AssetFile]
    public var briefs: [Brief] = []
    public var stories: [Story] = []
    public var campaigns: [Campaign] = []
    public var glossary: [GlossaryTerm] = []
    /// Ids of every story file, including those that failed to load.
    public var storyFileIDs: Set<String> = []
    public var opportunities: [Opportunity] = []
    public var pipelineFiles: [PipelineFileSummary] = []
}

/// The load stage: reads `program.yml`, `partners/*.yml`, `assets/*.md`, `briefs/*.md`,
/// `stories/*.md` and `campaigns.yml`, decoding each with the place of every value.
public struct ContentLoader: Sendable {
    package let folder: ContentFolder
    package let bodies: AssetBody.Keeping
    /// A bad row of a CRM export is a warning and the row is left out (`--lenient`), not an error.
    package var lenientPipeline = false

    public init(contentURL: URL, displayPath: String, bodies: AssetBody.Keeping = .held) {
        folder = ContentFolder(url: contentURL, displayPath: displayPath)
        self.bodies = bodies
    }

    /// The ids of the content's partners (their file names), without reading the files: enough
    /// for a command that only checks a partner it is given exists (`send --partner`).
    package func partnerIDs() -> [String] {
        folder.files(in: "partners", extensions: ["yml", "yaml"], what: "a partner", issues: IssueList()).map(\.stem)
    }

    public func load(into log: DiagnosticLog) -> LoadedContent {
        let program = loadProgram(log)
        let listing = IssueList()
        let partnerFiles = folder.files(
            in: "partners", extensions: ["yml", "yaml"], what: "a partner", issues: listing)
        let assetFiles = folder.assetSources(issues: listing)
        let staticFiles = folder.files(below: "static", issues: listing)
        let briefFiles = folder.files(in: "briefs", extensions: ["md"], what: "a brief", issues: listing)
        let storyFiles = folder.files(in: "stories", extensions: ["md"], what: "a story", issues: listing)
        log.report(contentsOf: listing.items)

        let partners = uniqueIDs(partnerFiles, what: "partner", log: log).parallelMap { file in
            loadPartner(file)
        }
        let uniqueAssetFiles = uniqueIDs(assetFiles, what: "asset", log: log)
        let assets = uniqueAssetFiles.parallelMap { file in
            loadAsset(file)
        }
        let briefs = briefFiles.parallelMap { file in
            decode(file) { ContentFileDecoder.brief($0, stem: file.stem, sourcePath: file.relativePath, issues: $1) }
        }
        let uniqueStoryFiles = uniqueIDs(storyFiles, what: "story", log: log)
        let stories = uniqueStoryFiles.parallelMap { file in
            decode(file) { ContentFileDecoder.story($0, id: file.stem, sourcePath: file.relativePath, issues: $1) }
        }
        for (_, issues) in partners { log.report(contentsOf: issues) }
        for (_, issues) in assets { log.report(contentsOf: issues) }
        for (_, issues) in briefs { log.report(contentsOf: issues) }
        for (_, issues) in stories { log.report(contentsOf: issues) }
        var loaded = LoadedContent(
            program: program, partners: partners.compactMap(\.0), assets: assets.compactMap(\.0),
            assetFileIDs: Set(uniqueAssetFiles.map(\.stem)), staticFiles: staticFiles)
        loaded.briefs = briefs.compactMap(\.0)
        loaded.stories = stories.compactMap(\.0)
        loaded.storyFileIDs = Set(uniqueStoryFiles.map(\.stem))
        loaded.campaigns =
            loadOptional("campaigns.yml", log: log) { ContentFileDecoder.campaigns($0, issues: $1) } ?? []
        loaded.glossary = loadOptional("glossary.yml", log: log) { ContentFileDecoder.glossary($0, issues: $1) } ?? []
        // Rows name partners by id, name or code: read once the partners are.
        if let program {
            let issues = IssueList()
            let pipeline = PipelineReader(
                folder: folder, exports: program.pipeline, partners: loaded.partners, lenient: lenientPipeline
            ).read(into: issues)
            log.report(contentsOf: issues.items)
            loaded.opportunities = pipeline.opportunities
            loaded.pipelineFiles = pipeline.files
        }
        return loaded
    }

    /// `campaigns.yml` and `glossary.yml` are optional: a program without them has none.
    private func loadOptional<Value>(
        _ relative: String, log: DiagnosticLog, _ decode: (SourceText, IssueList) -> Value?
    ) -> Value? {
        let url = folder.url.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let file = ContentFolder.File(
            url: url, relativePath: relative, displayPath: folder.display(relative),
            stem: String(relative.prefix { $0 != "." }))
        let (value, issues) = self.decode(file, decode)
        log.report(contentsOf: issues)
        return value
    }

    /// Reads `file` and decodes it with `decode`, returning its problems beside the value.
    private func decode<Value>(
        _ file: ContentFolder.File, _ decode: (SourceText, IssueList) -> Value?
    ) -> (Value?, [Diagnostic]) {
        let issues = IssueList()
        guard folder.isInside(file.url) else {
            issues.add(
                .error(
                    "outside-content", "'\(file.relativePath)' links to a file outside the content folder",
                    at: SourceLocation(file: file.displayPath)))
            return (nil, issues.items)
        }
        let value = read(file, issues: issues) { decode($0, issues) }
        return (value, issues.items)
    }

    private func loadProgram(_ log: DiagnosticLog) -> Program? {
        let relative = "program.yml"
        let location = SourceLocation(file: folder.display(relative))
        let url = folder.url.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            log.report(
                .error(
                    "missing-file", "the content folder has no program.yml", at: location,
                    hint: "run 'portico init' for a starting point"))
            return nil
        }
        let file = ContentFolder.File(
            url: url, relativePath: relative, displayPath: location.file, stem: "program")
        let issues = IssueList()
        defer { log.report(contentsOf: issues.items) }
        guard folder.isInside(url) else {
            issues.add(
                .error("outside-content", "program.yml links to a file outside the content folder", at: location))
            return nil
        }
        return read(file, issues: issues) { ContentFileDecoder.program($0, issues: issues) }
    }

    /// One partner file read again on its own, as the full load reads it, for `portico serve`;
    /// nil when `relativePath` is not a plain `partners/<id>.yml` (or `.yaml`) file.
    package func loadPartner(relativePath: String) -> (Partner?, [Diagnostic])? {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "partners" else { return nil }
        let name = String(parts[1]) as NSString
        guard ["yml", "yaml"].contains(name.pathExtension), !name.hasPrefix("."),
            let file = plainFile(relativePath, stem: name.deletingPathExtension)
        else { return nil }
        return loadPartner(file)
    }

    /// The file at `relativePath` when it is a regular file inside the content folder.
    private func plainFile(_ relativePath: String, stem: String) -> ContentFolder.File? {
        let url = folder.url.appendingPathComponent(relativePath)
        var status = stat()
        guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, folder.isInside(url) else {
            return nil
        }
        return ContentFolder.File(
            url: url, relativePath: relativePath, displayPath: folder.display(relativePath), stem: stem)
    }

    private func loadPartner(_ file: ContentFolder.File) -> (Partner?, [Diagnostic]) {
        let issues = IssueList()
        let partner = read(file, issues: issues) { ContentFileDecoder.partner($0, id: file.stem, issues: issues) }
        return (partner, issues.items)
    }

    /// One asset source read again on its own, as the full load reads it, for `portico serve`;
    /// nil when `relativePath` (such as `assets/faq.md` or `assets/deck/index.md`) is not a plain
    /// file where an asset source can be, which only a full load can judge.
    package func loadAsset(relativePath: String) -> (Asset?, [Diagnostic])? {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let extensions = ContentFolder.assetExtensions
        let stem: String
        switch parts.count {
        case 2 where parts[0] == "assets":
            let name = parts[1] as NSString
            guard extensions.contains(name.pathExtension) else { return nil }
            stem = name.deletingPathExtension
        case 3 where parts[0] == "assets" && extensions.map({ "index." + $0 }).contains(parts[2]):
            stem = parts[1]
        default:
            return nil
        }
        guard !stem.hasPrefix("."), let file = plainFile(relativePath, stem: stem) else { return nil }
        return loadAsset(file)
    }

    private func loadAsset(_ file: ContentFolder.File) -> (Asset?, [Diagnostic]) {
        let issues = IssueList()
        let files = folder.assetFiles(of: file, issues: issues)
        let asset = read(file, issues: issues) {
            ContentFileDecoder.asset(
                $0, id: file.stem, sourcePath: file.relativePath, files: files,
                inFile: bodies == .inFile ? file.url.path : nil, issues: issues
            ).asset
        }
        return (asset, issues.items)
    }

    /// Reads and decodes `file`, then hands its text to `decode`.
    private func read<Value>(
        _ file: ContentFolder.File, issues: IssueList, _ decode: (SourceText) -> Value?
    ) -> Value? {
        switch folder.read(file) {
        case .failure(let diagnostic):
            issues.add(diagnostic)
            return nil
        case .success(let source):
            return decode(source)
        }
    }

    /// Drops files whose id is invalid or already taken, reporting each.
    private func uniqueIDs(_ files: [ContentFolder.File], what: String, log: DiagnosticLog) -> [ContentFolder.File] {
        var seen: [String: ContentFolder.File] = [:]
        var kept: [ContentFolder.File] = []
        for file in files {
            let location = SourceLocation(file: file.displayPath)
            guard Identifier.isValid(file.stem) else {
                log.report(
                    .error(
                        "bad-id", "'\(file.stem)' is not a valid \(what) id", at: location,
                        hint: "rename the file: \(Identifier.rule)"))
                continue
            }
            if let first = seen[file.stem] {
                log.report(
                    .error(
                        "duplicate-id", "duplicate \(what) id '\(file.stem)' (also \(first.displayPath))",
                        at: location, hint: "keep one file per \(what)"))
                continue
            }
            seen[file.stem] = file
            kept.append(file)
        }
        return kept
    }
}
