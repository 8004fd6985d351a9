import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Where assets come from: `assets/<id>.md` files, and `assets/<id>/index.md` folders whose
/// other files (images, PDFs, decks) are published beside the asset's page.
extension ContentFolder {
    package static let assetExtensions = ["md", "markdown"]
    /// Downloads above this size are slow on a phone and heavy for a static host.
    package static let largeFileBytes = 25_000_000

    /// Every asset source, sorted by name; other entries of `assets/` are reported.
    package func assetSources(issues: IssueList) -> [File] {
        let folder = url.appendingPathComponent("assets")
        var files = self.files(in: "assets", extensions: Self.assetExtensions, what: "an asset", issues: issues) {
            name in
            let index = Self.assetExtensions.map { "index." + $0 }.first {
                FileManager.default.fileExists(atPath: folder.appendingPathComponent(name + "/" + $0).path)
            }
            guard let index else { return nil }
            let relative = "assets/\(name)/\(index)"
            return File(
                url: folder.appendingPathComponent(name + "/" + index), relativePath: relative,
                displayPath: display(relative), stem: name)
        }
        files.sort { $0.stem < $1.stem }
        return files
    }

    /// The files of a folder asset, at any depth, without its `index.md` and hidden files.
    package func assetFiles(of source: File, issues: IssueList) -> [AssetFile] {
        let folderPath = source.relativePath.split(separator: "/").dropLast().joined(separator: "/")
        guard folderPath != "assets" else { return [] }
        let files = files(below: folderPath, issues: issues).filter { $0.path != source.url.lastPathComponent }
        for file in files where file.size > Self.largeFileBytes {
            issues.add(
                .warning(
                    "large-file",
                    "'\(file.path)' is \(FileSize.describe(file.size)), over the "
                        + "\(FileSize.describe(Self.largeFileBytes)) a download should stay under",
                    at: SourceLocation(file: file.displayPath),
                    hint: "compress it, split it, or link to where it is hosted instead"))
        }
        return files
    }

    /// Every file below `subfolder` at any depth, hidden ones left out, by path within it.
    package func files(below subfolder: String, issues: IssueList) -> [AssetFile] {
        let folder = url.appendingPathComponent(subfolder)
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isDirectoryKey, .fileSizeKey],
                options: [.skipsHiddenFiles])
        else { return [] }
        var found: [AssetFile] = []
        for case let fileURL as URL in enumerator {
            let relative = String(fileURL.path.dropFirst(folder.path.count + 1))
            guard isInside(fileURL) else {
                issues.add(
                    .error(
                        "outside-content", "'\(subfolder)/\(relative)' is a link to a file outside the content folder",
                        at: SourceLocation(file: display(subfolder + "/" + relative)),
                        hint: "copy the file into the content folder instead of linking to it"))
                continue
            }
            let values = try? fileURL.resourceValues(forKeys: [.isDirectoryKey, .fileSizeKey])
            guard values?.isDirectory != true else { continue }
            found.append(
                AssetFile(
                    path: relative, url: fileURL, size: values?.fileSize ?? 0,
                    displayPath: display(subfolder + "/" + relative)))
        }
        return found.sorted { $0.path < $1.path }
    }
}
