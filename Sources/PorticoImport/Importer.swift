import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `portico import DIR`: what to import and where.
public struct ImportOptions: Sendable {
    /// The folder of Markdown documents, as the user wrote it.
    public var source: String
    public var kind: String
    /// A team member id; nil for the first member of the program's team.
    public var owner: String?
    /// The content folder, as the user wrote it.
    public var content: String
    /// The import day: `reviewed` for documents with no commit and no date.
    public var today: Day

    public init(
        source: String, kind: String = "guide", owner: String? = nil, content: String = "content",
        today: Day = .today
    ) {
        self.source = source
        self.kind = kind
        self.owner = owner
        self.content = content
        self.today = today
    }
}

/// Migrates a folder of Markdown documents from another generator into assets: reads it all,
/// plans every asset in memory, then writes, so an import happens entirely or not at all.
public enum Importer {
    public static let kinds = AssetKind.allCases.map(\.rawValue)

    /// Imports and returns the report to print. Throws a `PorticoError`: `usage` for a bad folder,
    /// kind or owner, `refused` when writing failed.
    public static func run(_ options: ImportOptions) throws -> String {
        let content = URL(fileURLWithPath: options.content)
        let contentDisplay = trimmed(options.content)
        let sourceURL = URL(fileURLWithPath: options.source)
        guard kinds.contains(options.kind) else {
            throw PorticoError.usage("unknown kind '\(options.kind)': use one of \(kinds.joined(separator: ", "))")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw PorticoError.usage("'\(options.source)' does not exist or is not a folder")
        }
        let owner = try checkedOwner(options, content: content, contentDisplay: contentDisplay)
        let sourcePath = absolute(sourceURL)
        let contentPath = absolute(content)
        if sourcePath == contentPath || sourcePath.hasPrefix(contentPath + "/") {
            throw PorticoError.usage(
                "'\(options.source)' is inside the content folder; import from a folder outside it")
        }

        let recordDisplay = display(contentDisplay, ImportRecord.fileName)
        let record = try ImportRecord.read(content: content, displayPath: recordDisplay)
        let folderKey = ImportPath.relativeFolder(from: contentPath, to: sourcePath)
        let recorded = record.index(of: folderKey).map { record.imports[$0].documents } ?? [:]
        let assetsFolder = content.appendingPathComponent("assets")
        let existing = existingAssets(in: assetsFolder)

        let source = ImportSource.read(root: sourceURL, excluded: [content])
        let plan = ImportPlan.make(
            source, settings: ImportPlan.Settings(kind: options.kind, owner: owner, today: options.today),
            recorded: recorded,
            takenIDs: existing.taken.union(record.allIDs), existing: existing.locations)

        var report = ImportReport(
            sourceDisplay: trimmed(options.source), assetsDisplay: display(contentDisplay, "assets"), plan: plan)
        guard !plan.assets.isEmpty else { return report.text }
        let written = try ImportWriter.writeAssets(plan.assets, sourceRoot: sourceURL, assetsFolder: assetsFolder)
        report.notWritten = written.notWritten
        let imported = report.written
        if !imported.isEmpty {
            let documents = Dictionary(uniqueKeysWithValues: imported.map { ($0.source, $0.location.id) })
            let data = try record.adding(documents, folder: folderKey).encoded()
            try ImportWriter.writeRecord(
                data, to: content.appendingPathComponent(ImportRecord.fileName), undoing: written)
        }
        return report.text
    }

    private static func checkedOwner(_ options: ImportOptions, content: URL, contentDisplay: String)
        throws(PorticoError)
        -> String
    {
        let team = try ProgramTeam.ids(content: content, displayPath: contentDisplay)
        guard let owner = options.owner else { return team[0] }
        guard team.contains(owner) else {
            throw PorticoError.usage(
                "unknown owner '\(owner)'\(Suggestion.didYouMean(owner, in: team)): "
                    + "the team in \(display(contentDisplay, "program.yml")) is \(team.joined(separator: ", "))")
        }
        return owner
    }

    /// The assets already in the content folder by id, and every name an id must not take.
    private static func existingAssets(in folder: URL) -> (locations: [String: AssetLocation], taken: Set<String>) {
        var locations: [String: AssetLocation] = [:]
        var taken: Set<String> = []
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
            let ext = ImportPath.pathExtension(of: name)
            let id = isDirectory.boolValue ? name : ImportPath.stem(of: name)
            // Lowercased too: on a case-insensitive disk "Pricing.md" and "pricing.md" are one file.
            taken.formUnion([id, id.lowercased()])
            if isDirectory.boolValue {
                if manager.fileExists(atPath: folder.appendingPathComponent(name + "/index.md").path) {
                    locations[id] = AssetLocation(id: id, isFolder: true)
                }
            } else if ext == "md" || ext == "markdown" {
                locations[id] = AssetLocation(id: id, isFolder: false, fileExtension: ext)
            }
        }
        return (locations, taken)
    }

    private static func absolute(_ url: URL) -> String {
        url.resolvingSymlinksInPath().standardizedFileURL.path
    }

    private static func trimmed(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    private static func display(_ folder: String, _ relative: String) -> String {
        folder.isEmpty || folder == "." ? relative : folder + "/" + relative
    }
}
