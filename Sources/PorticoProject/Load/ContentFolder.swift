import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Finds the files of a content folder, refusing files that resolve outside it.
package struct ContentFolder: Sendable {
    package let url: URL
    /// How the folder is written in diagnostics (as the user gave it).
    package let displayPath: String
    private let resolvedRoot: String

    package init(url: URL, displayPath: String) {
        self.url = url
        self.displayPath = displayPath
        self.resolvedRoot = url.resolvingSymlinksInPath().standardizedFileURL.path
    }

    package func display(_ relative: String) -> String {
        displayPath.isEmpty || displayPath == "." ? relative : displayPath + "/" + relative
    }

    package struct File: Sendable {
        package var url: URL
        package var relativePath: String
        package var displayPath: String
        /// The file name without its extension.
        package var stem: String
    }

    /// The files directly inside `subfolder` with one of `extensions`, sorted by name. A folder
    /// counts when `folderEntry` makes a file of it. Other entries are reported, except hidden files.
    package func files(
        in subfolder: String, extensions: [String], what: String, issues: IssueList,
        folderEntry: (String) -> File? = { _ in nil }
    ) -> [File] {
        let folder = url.appendingPathComponent(subfolder)
        let folderPath = folder.path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folderPath) else { return [] }
        // One lstat an entry tells both that it is no link and whether it is a folder, once the
        // folder itself is known to hold no link: three stats an entry were most of listing a
        // large library.
        let folderHasNoLink = Self.hasNoLink(below: url.path, to: folderPath)
        var found: [File] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let relative = subfolder + "/" + name
            let fileURL = folder.appendingPathComponent(name)
            let location = SourceLocation(file: display(relative))
            var status = stat()
            let plain =
                folderHasNoLink && lstat(folderPath + "/" + name, &status) == 0 && status.st_mode & S_IFMT != S_IFLNK
            guard plain || isInside(fileURL) else {
                issues.add(
                    .error(
                        "outside-content", "'\(relative)' is a link to a file outside the content folder",
                        at: location, hint: "copy the file into the content folder instead of linking to it"))
                continue
            }
            var isDirectory = ObjCBool(status.st_mode & S_IFMT == S_IFDIR)
            if !plain { _ = FileManager.default.fileExists(atPath: fileURL.path, isDirectory: &isDirectory) }
            if isDirectory.boolValue, let entry = folderEntry(name) {
                found.append(entry)
                continue
            }
            if isDirectory.boolValue, subfolder == "assets" {
                issues.add(
                    .warning(
                        "unexpected-file", "folder '\(name)' has no index.md and is ignored", at: location,
                        hint: "a folder asset holds index.md, with its images and files beside it"))
                continue
            }
            let ext = (name as NSString).pathExtension
            guard !isDirectory.boolValue, extensions.contains(ext) else {
                issues.add(
                    .warning(
                        "unexpected-file", "'\(name)' is not \(what) and is ignored", at: location,
                        hint: "\(what) files end in \(extensions.map { "." + $0 }.joined(separator: " or "))"))
                continue
            }
            found.append(
                File(
                    url: fileURL, relativePath: relative, displayPath: display(relative),
                    stem: (name as NSString).deletingPathExtension))
        }
        return found
    }

    package func isInside(_ fileURL: URL) -> Bool {
        // Most paths hold no link: looking at the levels below the content folder tells, rather
        // than resolving every level of the path from the root of the file system.
        if Self.hasNoLink(below: url.path, to: fileURL.path) { return true }
        let resolved = fileURL.resolvingSymlinksInPath().standardizedFileURL.path
        return resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/")
    }

    /// Whether `path` lies below `root` with no symbolic link at any level from `root` down, and
    /// no `..` to climb out of it.
    package static func hasNoLink(below root: String, to path: String) -> Bool {
        guard path.hasPrefix(root + "/") else { return false }
        let levels = path.dropFirst(root.count + 1).split(separator: "/")
        guard !levels.contains(".."), !levels.contains(".") else { return false }
        var current = root
        for level in levels {
            current += "/" + level
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT != S_IFLNK else { return false }
        }
        return true
    }

    package func read(_ file: File) -> Result<SourceText, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            return .failure(
                .error("unreadable", "cannot read this file", at: SourceLocation(file: file.displayPath)))
        }
        return SourceText.decode(data, displayPath: file.displayPath)
    }
}
