import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// What a link in a document being imported names.
package enum LinkTarget: Sendable, Equatable {
    /// A Markdown document below the imported folder, by its path there.
    case document(String)
    /// Any other file below the imported folder, by its path there.
    case file(String)
    /// A heading of the same document (`[[#Heading]]`).
    case sameDocument
    case unresolved(String)
}

/// Finds the document or file a link names, the ways generators let authors write links:
/// paths with or without an extension, pretty URLs with a trailing slash, site paths from the
/// root, Obsidian's bare names and Hugo's `ref` paths.
package struct LinkTargets: Sendable {
    /// Names that make a document the page of its folder, most preferred first.
    package static let indexStems = ["index", "_index", "readme"]

    package let documents: Set<String>
    package let files: Set<String>
    /// Hidden files and documents in hidden folders, which are never imported.
    package let hidden: Set<String>
    /// The generator the folder was kept for, whose link rules apply.
    package let tool: SourceTool?
    /// Documents by the page their `slug` puts them at (see `SourceTool.slugPage`).
    package let slugs: [String: String]
    /// Index documents by the folder they stand for.
    private let folderIndexes: [String: String]
    /// Every folder that holds something, to tell a folder without an index from a missing path.
    private let folders: Set<String>

    package init(
        documents: some Sequence<String>, files: Set<String>, hidden: Set<String> = [], tool: SourceTool? = nil,
        slugs: [String: String] = [:]
    ) {
        self.slugs = slugs
        self.documents = Set(documents)
        self.files = files
        self.hidden = hidden
        self.tool = tool
        var indexes: [String: (rank: Int, path: String)] = [:]
        var folders: Set<String> = [""]
        for path in self.documents.sorted() {
            let folder = ImportPath.folder(of: path)
            if let rank = LinkTargets.indexRank(path), (indexes[folder]?.rank ?? .max) > rank {
                indexes[folder] = (rank, path)
            }
        }
        for path in self.documents.union(files) {
            var folder = ImportPath.folder(of: path)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = ImportPath.folder(of: folder)
            }
        }
        folderIndexes = indexes.mapValues(\.path)
        self.folders = folders
    }

    /// The place of `path` among the index names, or nil when it is not an index document.
    package static func indexRank(_ path: String) -> Int? {
        indexStems.firstIndex(of: ImportPath.stem(of: ImportPath.name(of: path)).lowercased())
    }

    // MARK: Markdown links

    /// A link's path (decoded, without its fragment) from a document in `folder`.
    package func resolve(link path: String, from folder: String) -> LinkTarget {
        if path.hasPrefix("/") { return resolve(rootLink: path) }
        let trailingSlash = path.hasSuffix("/") || path == "." || path.hasSuffix("/.")
        guard let normalized = ImportPath.normalized(ImportPath.join(folder, path)) else {
            return .unresolved("outside the imported folder")
        }
        let found = lookUp(normalized, trailingSlash: trailingSlash)
        guard found.isUnresolved, let tool else { return found }
        // The generator's own fallbacks, such as Docusaurus's docs root and site root.
        for base in tool.relativeBases where base != folder {
            guard let other = ImportPath.normalized(ImportPath.join(base, path)) else { continue }
            let target = lookUp(other, trailingSlash: trailingSlash)
            if !target.isUnresolved { return target }
        }
        return found
    }

    /// A path below the imported folder, tried as written, then as a document without its
    /// extension (or with `.html` for a built page), then as a folder's index.
    package func lookUp(_ path: String, trailingSlash: Bool) -> LinkTarget {
        if !trailingSlash {
            if documents.contains(path) { return .document(path) }
            if files.contains(path) { return .file(path) }
        }
        if let index = folderIndexes[path] { return .document(index) }
        let name = ImportPath.name(of: path)
        let ext = ImportPath.pathExtension(of: name)
        var base = path
        if ext == "html" || ext == "htm" {
            base = ImportPath.join(ImportPath.folder(of: path), ImportPath.stem(of: name))
        }
        if trailingSlash || ext == "html" || ext == "htm" || !ImportSource.markdownExtensions.contains(ext) {
            for candidate in ["md", "mdx", "markdown"].map({ base + "." + $0 }) where documents.contains(candidate) {
                return .document(candidate)
            }
            if base != path, let index = folderIndexes[base] { return .document(index) }
        }
        let names = path.split(separator: "/").map(String.init)
        if hidden.contains(path) || names.contains(".git") {
            return .unresolved(ImportPath.name(of: path).hasPrefix(".") ? "hidden file" : "hidden folder")
        }
        // Folders the walk leaves out: the file may be there, but it is not imported.
        if let skipped = names.dropLast().first(where: ImportSource.skippedFolders.contains) {
            return .unresolved(skipped.hasPrefix(".") ? "hidden folder" : "skipped folder")
        }
        if folders.contains(path) { return .unresolved("a folder with no index or README") }
        return .unresolved(trailingSlash ? "no such folder" : "no such file")
    }

    /// A path from the site root, such as `/docs/operations/standup`: matched by its end to the
    /// one document (or file) whose path ends the same way, since the site's URL layout is
    /// unknown. A document whose path ends with the whole link wins over one that ends with
    /// only its last names, so `/props/intro` means `props/intro.md` rather than `intro.md`.
    package func resolve(sitePath path: String) -> LinkTarget {
        var parts = path.split(separator: "/").map(String.init)
        guard let last = parts.last else { return .unresolved("no document matches this site path") }
        let ext = ImportPath.pathExtension(of: last)
        let isPage = ext.isEmpty || ext == "html" || ext == "htm" || ImportSource.markdownExtensions.contains(ext)
        if isPage, !ext.isEmpty { parts[parts.count - 1] = ImportPath.stem(of: last) }
        // `/guides/README.md` is the folder's page, as `pageKey` writes it.
        if isPage, LinkTargets.indexRank(last) != nil, parts.count > 1 { parts.removeLast() }

        func matches(_ transform: (String) -> String) -> [(target: LinkTarget, whole: Bool)] {
            let wanted = parts.map(transform)
            var found: [(target: LinkTarget, whole: Bool)] = []
            if isPage {
                for document in documents.sorted() {
                    let key = LinkTargets.pageKey(document).map(transform)
                    if !key.isEmpty, LinkTargets.oneEndsTheOther(key, wanted) {
                        found.append((.document(document), key.count >= wanted.count))
                    }
                }
            } else {
                for file in files.sorted() {
                    let key = file.split(separator: "/").map { transform(String($0)) }
                    if LinkTargets.oneEndsTheOther(key, wanted) {
                        found.append((.file(file), key.count >= wanted.count))
                    }
                }
            }
            let whole = found.filter { $0.whole }
            return whole.isEmpty ? found : whole
        }
        var found = matches { $0 }
        // Docusaurus leaves number prefixes such as "02-" out of its URLs.
        if found.isEmpty { found = matches(LinkTargets.withoutNumberPrefix) }
        switch found.count {
        case 1: return found[0].target
        case 0: return .unresolved("no document matches this site path")
        default: return .unresolved("\(found.count) documents match this site path")
        }
    }

    /// The path a document is served at, as components: without its extension, and a
    /// folder's index as the folder.
    package static func pageKey(_ document: String) -> [String] {
        if indexRank(document) != nil {
            return ImportPath.folder(of: document).split(separator: "/").map(String.init)
        }
        let folder = ImportPath.folder(of: document).split(separator: "/").map(String.init)
        return folder + [ImportPath.stem(of: ImportPath.name(of: document))]
    }

    private static func oneEndsTheOther(_ a: [String], _ b: [String]) -> Bool {
        a.count <= b.count ? Array(b.suffix(a.count)) == a : Array(a.suffix(b.count)) == b
    }

    package static func withoutNumberPrefix(_ name: String) -> String {
        let lowered = name.lowercased()
        let digits = lowered.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let separator = lowered.dropFirst(digits.count).first,
            "-_. ".contains(separator), lowered.count > digits.count + 1
        else { return lowered }
        return String(lowered.dropFirst(digits.count + 1))
    }

    // MARK: Obsidian and Hugo

    /// `[[name]]` from a note in `folder`: a path when it has a '/', otherwise a file name
    /// anywhere below the imported folder, as Obsidian finds it (ignoring case, preferring the
    /// note's own folder, then the shortest path).
    package func resolve(wikilink name: String, from folder: String) -> LinkTarget {
        if name.contains("/") {
            for base in [folder, ""] {
                let target = resolve(link: name, from: base)
                if case .unresolved = target { continue }
                return target
            }
            return resolve(sitePath: "/" + name)
        }
        let ext = ImportPath.pathExtension(of: name)
        let isDocumentName = ext.isEmpty || ImportSource.markdownExtensions.contains(ext)
        let wanted = name.lowercased()
        let candidates: [String]
        if isDocumentName {
            candidates = documents.filter { document in
                let fileName = ImportPath.name(of: document).lowercased()
                return fileName == wanted || (ext.isEmpty && ImportPath.stem(of: fileName) == wanted)
            }.sorted()
        } else {
            candidates = files.filter { ImportPath.name(of: $0).lowercased() == wanted }.sorted()
        }
        guard let chosen = LinkTargets.nearest(candidates, to: folder) else {
            return candidates.isEmpty
                ? .unresolved(isDocumentName ? "no note has this name" : "no file has this name")
                : .unresolved("\(candidates.count) files have this name")
        }
        return isDocumentName ? .document(chosen) : .file(chosen)
    }

    private static func nearest(_ candidates: [String], to folder: String) -> String? {
        if candidates.count == 1 { return candidates[0] }
        if let local = candidates.first(where: { ImportPath.folder(of: $0) == folder }) { return local }
        let depths = candidates.map { $0.split(separator: "/").count }
        guard let shallowest = depths.min(), depths.filter({ $0 == shallowest }).count == 1 else { return nil }
        return candidates[depths.firstIndex(of: shallowest) ?? 0]
    }

    /// Hugo's `ref` and `relref`: relative to the page first, then to the content root; a
    /// path starting with '/' from the content root, which may be a folder inside the imported one.
    package func resolve(shortcode path: String, from folder: String) -> LinkTarget {
        // The content root is Hugo's `contentDir` when the folder is a Hugo site.
        let contentRoot = tool?.kind == .hugo ? tool?.docsRoot ?? "" : ""
        if path.hasPrefix("/") {
            let fromRoot = resolve(link: String(path.dropFirst()), from: contentRoot)
            if case .unresolved = fromRoot { return resolve(rootLink: path) }
            return fromRoot
        }
        let fromPage = resolve(link: path, from: folder)
        if case .unresolved = fromPage {
            let fromRoot = resolve(link: path, from: contentRoot)
            if case .unresolved = fromRoot { return resolve(sitePath: "/" + path) }
            return fromRoot
        }
        return fromPage
    }
}
