import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// One Markdown document found in the folder being imported.
package struct SourceDocument: Sendable {
    /// The path below the imported folder, with '/' between names.
    package var path: String
    /// The text, decoded as UTF-8 with `\n` line ends and no byte-order mark.
    package var text: String
    /// The day the file was last modified, for a document whose front matter has no date.
    package var modified: Day

    /// The folder part of `path` ("" at the top).
    package var folder: String { ImportPath.folder(of: path) }
}

/// A file that could not be imported, and why.
package struct ImportProblem: Error, Sendable, Equatable {
    package var path: String
    package var message: String
}

/// The folder being imported: its Markdown documents and every other file a document may link to.
package struct ImportSource: Sendable {
    package static let markdownExtensions: Set<String> = ["md", "markdown", "mdx"]
    /// Folders generators and package managers fill with output or other people's files.
    package static let skippedFolders: Set<String> = [
        "node_modules", "_site", "public", "build", "dist", "vendor", "bower_components",
    ]

    package var root: URL
    /// The folder's own name, which names a top-level index or README.
    package var name: String
    package var documents: [SourceDocument]
    /// Every other file, by path below the root.
    package var files: Set<String>
    package var problems: [ImportProblem]

    /// Walks `root`, skipping hidden names, the folders in `skippedFolders` and `excluded`
    /// (the content folder, when it lies inside the imported folder). Linked folders are not
    /// followed, so a link cannot loop; a linked file is read only when it stays inside `root`.
    package static func read(root: URL, excluded: [URL]) -> ImportSource {
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        let excludedPaths = Set(excluded.map { $0.resolvingSymlinksInPath().standardizedFileURL.path })
        var source = ImportSource(
            root: root, name: URL(fileURLWithPath: rootPath).lastPathComponent, documents: [], files: [],
            problems: [])
        let manager = FileManager.default
        var pending = [""]
        while let folder = pending.popLast() {
            let folderURL = folder.isEmpty ? root : root.appendingPathComponent(folder)
            guard let names = try? manager.contentsOfDirectory(atPath: folderURL.path) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = folder.isEmpty ? name : folder + "/" + name
                let url = folderURL.appendingPathComponent(name)
                let type = (try? manager.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
                let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if type != .typeSymbolicLink, !skippedFolders.contains(name), !excludedPaths.contains(resolved) {
                        pending.append(path)
                    }
                    continue
                }
                if type == .typeSymbolicLink, !resolved.hasPrefix(rootPath + "/") { continue }
                if markdownExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    switch readDocument(url, path: path) {
                    case .success(let document): source.documents.append(document)
                    case .failure(let problem): source.problems.append(problem)
                    }
                } else {
                    source.files.insert(path)
                }
            }
        }
        source.documents.sort { $0.path < $1.path }
        return source
    }

    private static func readDocument(_ url: URL, path: String) -> Result<SourceDocument, ImportProblem> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(ImportProblem(path: path, message: "cannot read this file"))
        }
        switch SourceText.decode(data, displayPath: path) {
        case .failure(let diagnostic):
            let line = diagnostic.location.map { ":\($0.line):\($0.column)" } ?? ""
            return .failure(ImportProblem(path: path + line, message: diagnostic.message))
        case .success(let decoded):
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let modified = (attributes?[.modificationDate] as? Date).map(Day.init(localDate:)) ?? .today
            return .success(SourceDocument(path: path, text: decoded.text, modified: modified))
        }
    }
}

extension Day {
    /// The calendar day `date` falls on in the local time zone, as a file manager shows it.
    package init(localDate date: Date) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: date)
        self = Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(dayNumber: 719_468)
    }
}
