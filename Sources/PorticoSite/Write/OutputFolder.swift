import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Where a build may write, and the staging folder it writes into first: the site is swapped
/// in only when the whole build succeeded, so a failed build leaves the previous site as it was.
public struct OutputFolder: Sendable {
    public let url: URL
    /// A marker file that says Portico made this folder, so it may replace it.
    package static let markerName = ".portico-site"
    package static let markerText = "This folder is written by `portico build` and replaced on every build.\n"

    /// Checks that replacing `url` cannot destroy anything that is not a Portico site.
    public static func checked(_ url: URL, contentFolder: URL, displayPath: String) throws(PorticoError) -> OutputFolder
    {
        let target = url.standardizedFileURL.resolvingSymlinksInPath().path
        let content = contentFolder.standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        if target == "/" { throw .usage("refusing to write the site to '/'") }
        if target == home { throw .usage("refusing to write the site to the home folder") }
        if target == cwd { throw .usage("refusing to write the site to the current folder; use a subfolder") }
        if target == content || content.hasPrefix(target + "/") || target.hasPrefix(content + "/") {
            throw .usage("refusing to write the site to '\(displayPath)': it holds or is inside the content folder")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .usage("output '\(displayPath)' exists and is a file, not a folder")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
            if !entries.isEmpty, !entries.contains(markerName) {
                throw .usage(
                    "output folder '\(displayPath)' is not empty and was not written by Portico; "
                        + "choose another folder with --output, or empty it first")
            }
        }
        return OutputFolder(url: URL(fileURLWithPath: target))
    }

    /// A new empty folder beside the output, on the same file system so the swap is a rename.
    package func makeStaging(isPrivate: Bool = false) throws -> URL {
        let parent = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(in: parent)
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).portico-staging-\(getpid())")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(
            at: staging, withIntermediateDirectories: false,
            attributes: isPrivate ? [.posixPermissions: Int(PrivateFiles.folderMode)] : nil)
        // The swap renames this folder into place: its mode is the output's.
        let marker = staging.appendingPathComponent(OutputFolder.markerName)
        if isPrivate {
            chmod(staging.path, PrivateFiles.folderMode)
            try PrivateFiles.write(Data(OutputFolder.markerText.utf8), to: marker)
        } else {
            try Data(OutputFolder.markerText.utf8).write(to: marker)
        }
        return staging
    }

    /// The staging and previous folders of builds that died (killed, or the machine stopped)
    /// before they could clean up. A folder whose build is still running is left alone: the
    /// process id in its name is alive.
    package func removeLeftovers(in parent: URL) {
        let prefixes = [".\(url.lastPathComponent).portico-staging-", ".\(url.lastPathComponent).portico-previous-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }),
                let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), !Self.isRunning(pid)
            else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Whether a process with this id exists (it may belong to another user: EPERM says so).
    package static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Replaces the output folder with `staging`.
    package func swap(in staging: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: url.path) else {
            try manager.moveItem(at: staging, to: url)
            return
        }
        let previous = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).portico-previous-\(getpid())")
        try? manager.removeItem(at: previous)
        try manager.moveItem(at: url, to: previous)
        do {
            try manager.moveItem(at: staging, to: url)
        } catch {
            try? manager.moveItem(at: previous, to: url)
            throw error
        }
        try? manager.removeItem(at: previous)
    }
}
