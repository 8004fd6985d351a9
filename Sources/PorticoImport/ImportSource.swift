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
    /// The day of the file's last commit, when the imported folder is in a git repository.
    package var committed: Day?

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
    /// Folders generators and package managers fill with output or other people's files. The
    /// hidden ones matter because hidden folders are walked for linked files: a `.venv` alone
    /// can hold tens of thousands.
    package static let skippedFolders: Set<String> = [
        "node_modules", "_site", "public", "build", "dist", "vendor", "bower_components", ".docusaurus", ".cache",
        ".venv", ".tox", ".next", ".nuxt", ".svelte-kit", ".yarn", ".pnpm-store", ".hg", ".svn",
    ]

    package var root: URL
    /// The folder's own name, which names a top-level index or README.
    package var name: String
    package var documents: [SourceDocument]
    /// Every other file, by path below the root, hidden folders included (but not `.git`),
    /// since GitBook keeps its pictures in `.gitbook/assets`.
    package var files: Set<String>
    /// Hidden files, and documents in hidden folders: never imported, so links to them say why.
    package var hidden: Set<String> = []
    package var problems: [ImportProblem]
    /// The generator the folder was kept for, when its configuration file says so.
    package var tool: SourceTool?

    /// Walks `root`, skipping `.git`, the folders in `skippedFolders` and `excluded` (the
    /// content folder, when it lies inside the imported folder). Documents in hidden folders are
    /// not read, but their other files can be linked. Linked folders are not followed, so a
    /// link cannot loop; a linked file is read only when it stays inside `root`.
    package static func read(root: URL, excluded: [URL]) -> ImportSource {
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        let excludedPaths = Set(excluded.map { $0.resolvingSymlinksInPath().standardizedFileURL.path })
        // A top README describes the project, and `src` is no project's name: its parent's is.
        var rootName = URL(fileURLWithPath: rootPath)
        if rootName.lastPathComponent.lowercased() == "src", rootName.pathComponents.count > 2 {
            rootName.deleteLastPathComponent()
        }
        var source = ImportSource(
            root: root, name: rootName.lastPathComponent, documents: [], files: [], problems: [])
        let manager = FileManager.default
        var pending = [(folder: "", hidden: false)]
        while let (folder, inHidden) = pending.popLast() {
            let folderURL = folder.isEmpty ? root : root.appendingPathComponent(folder)
            guard let names = try? manager.contentsOfDirectory(atPath: folderURL.path) else { continue }
            for name in names.sorted() where name != ".git" {
                let path = folder.isEmpty ? name : folder + "/" + name
                let url = folderURL.appendingPathComponent(name)
                let type = (try? manager.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
                let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                let isHidden = name.hasPrefix(".")
                if isDirectory.boolValue {
                    if type != .typeSymbolicLink, !skippedFolders.contains(name), !excludedPaths.contains(resolved) {
                        pending.append((path, inHidden || isHidden))
                    }
                    continue
                }
                if type == .typeSymbolicLink, !resolved.hasPrefix(rootPath + "/") { continue }
                let isDocument = markdownExtensions.contains((name as NSString).pathExtension.lowercased())
                if isHidden || inHidden && isDocument {
                    source.hidden.insert(path)
                } else if isDocument {
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
        source.tool = SourceTool.detect(root: root)
        let committed = GitDates.lastCommitDays(in: root)
        for index in source.documents.indices {
            source.documents[index].committed = committed[source.documents[index].path]
        }
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
            return .success(SourceDocument(path: path, text: decoded.text))
        }
    }
}
