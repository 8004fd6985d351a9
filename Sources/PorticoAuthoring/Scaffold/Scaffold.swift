import Foundation
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// `portico init` and `portico new`: starting files that build as they are.
public enum Scaffold {
    public static let assetKinds = AssetKind.allCases.map(\.rawValue)

    public static func isValidID(_ id: String) -> Bool { Identifier.isValid(id) }

    /// Writes a new project into `folder`, which must not exist or be empty. Returns the paths written.
    @discardableResult
    public static func initProject(at folder: URL, today: Day = .today) throws -> [String] {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            throw PorticoError.refused("'\(folder.path)' is not empty; portico init needs a new or empty folder")
        }
        var files: [String: Data] = [
            ".gitignore": Data(StarterContent.gitignore.utf8),
            "content/program.yml": Data(StarterContent.program.utf8),
            "content/partners/example-partner.yml": Data(StarterContent.partner(today: today).utf8),
            "content/assets/our-pitch.md": Data(StarterContent.asset(today: today).utf8),
        ]
        for (path, file) in Theme.builtIn.files {
            files["templates/" + path] = file.data
        }
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return files.keys.sorted()
    }

    /// Writes `partners/<id>.yml`, refusing to overwrite. Returns the path below the content folder.
    public static func newPartner(id: String, content: URL, today: Day = .today) throws -> String {
        let defaults = ProgramDefaults(content: content)
        let text = StarterContent.newPartner(tier: defaults.tier, manager: defaults.manager, today: today)
        return try create("partners/\(id).yml", text: text, in: content)
    }

    /// Writes `assets/<id>.md`, refusing to overwrite. Returns the path below the content folder.
    public static func newAsset(id: String, kind: String, content: URL, today: Day = .today) throws -> String {
        let defaults = ProgramDefaults(content: content)
        let text = StarterContent.newAsset(kind: kind, owner: defaults.manager, today: today)
        return try create("assets/\(id).md", text: text, in: content)
    }

    package static func create(_ path: String, text: String, in content: URL) throws -> String {
        let url = content.appendingPathComponent(path)
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) {
            throw PorticoError.refused("\(content.relativePath)/\(path) already exists; not overwriting it")
        }
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return path
    }
}

/// The first tier and team member of an existing program.yml, so a new file refers to real ids.
package struct ProgramDefaults {
    package var tier = "your-tier-id"
    package var manager = "your-team-id"

    package init(content: URL) {
        let loader = ContentLoader(contentURL: content, displayPath: content.relativePath)
        let loaded = loader.load(into: DiagnosticLog())
        if let program = loaded.program {
            tier = program.tiers.last?.id ?? tier
            manager = program.team.first?.id ?? manager
        }
    }
}
