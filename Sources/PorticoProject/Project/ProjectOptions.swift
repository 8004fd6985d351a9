import Foundation
import PorticoSupport

/// What every command that reads a project is told: where its content and theme are, and what
/// day it is for review dates. The command line declares these options once (`--content`,
/// `--templates`, `--date`) and each command that reads a project offers them.
public struct ProjectOptions: Sendable {
    public var contentURL: URL
    /// The content folder as the user wrote it; diagnostics start their paths with it.
    public var contentDisplayPath: String
    /// A folder whose files override the built-in theme's; nil for the built-in theme alone.
    public var templatesURL: URL?
    public var templatesDisplayPath: String
    /// "Today" for review states.
    public var date: Day
    /// A bad row of a CRM export is a warning and the row is left out, rather than an error (`--lenient`).
    public var lenient = false

    public init(content: String = "content", templates: String? = nil, date: Day) {
        contentURL = URL(fileURLWithPath: content)
        contentDisplayPath = Self.trimmingSlash(content)
        templatesURL = templates.map { URL(fileURLWithPath: $0) }
        templatesDisplayPath = templates.map(Self.trimmingSlash) ?? ""
        self.date = date
    }

    /// Refuses a content or templates folder that is not there, before any work.
    public func checkFolders() throws(PorticoError) {
        guard Self.isFolder(contentURL) else {
            throw .usage("content folder '\(contentDisplayPath)' does not exist")
        }
        if let templatesURL, !Self.isFolder(templatesURL) {
            throw .usage("templates folder '\(templatesDisplayPath)' does not exist")
        }
    }

    package static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func trimmingSlash(_ path: String) -> String {
        path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
    }
}
