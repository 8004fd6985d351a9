import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Writes a planned import into the content folder. Nothing is ever replaced, each asset
/// appears whole (written under a hidden name, then renamed into place) and a failure removes
/// every asset already written, so an import happens entirely or not at all.
package enum ImportWriter {
    /// What `writeAssets` wrote, so `writeRecord` can undo it.
    package struct Written: Sendable {
        package var urls: [URL] = []
        /// Sources of assets left out because their file or folder appeared after the plan was made.
        package var notWritten: [String] = []
    }

    /// Writes `assets` into `assetsFolder`, copying their files from `sourceRoot`.
    package static func writeAssets(_ assets: [PlannedAsset], sourceRoot: URL, assetsFolder: URL) throws(PorticoError)
        -> Written
    {
        let manager = FileManager.default
        var written = Written()
        do {
            try manager.createDirectory(at: assetsFolder, withIntermediateDirectories: true)
        } catch {
            throw PorticoError.refused(
                "cannot create \(assetsFolder.path): \(error.localizedDescription); nothing was imported")
        }
        for asset in assets {
            let target = assetsFolder.appendingPathComponent(
                asset.location.isFolder ? asset.location.id : asset.location.path)
            if exists(target) {
                written.notWritten.append(asset.source)
                continue
            }
            let staging = assetsFolder.appendingPathComponent(".\(target.lastPathComponent).portico-import-\(getpid())")
            do {
                try? manager.removeItem(at: staging)
                if asset.location.isFolder {
                    try manager.createDirectory(at: staging, withIntermediateDirectories: false)
                    try Data(asset.text.utf8).write(to: staging.appendingPathComponent("index.md"))
                    for file in asset.files {
                        let destination = staging.appendingPathComponent(file.inside)
                        try manager.createDirectory(
                            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try manager.copyItem(at: sourceRoot.appendingPathComponent(file.source), to: destination)
                    }
                } else {
                    try Data(asset.text.utf8).write(to: staging)
                }
                // moveItem refuses an existing destination, so a file that appeared this instant survives too.
                try manager.moveItem(at: staging, to: target)
                written.urls.append(target)
            } catch {
                try? manager.removeItem(at: staging)
                if exists(target), !written.urls.contains(target) {
                    written.notWritten.append(asset.source)
                    continue
                }
                throw rollBack(written, "cannot write \(target.path): \(error.localizedDescription)")
            }
        }
        return written
    }

    /// Replaces the import record (atomically: a reader sees the old or the new one), or
    /// removes the assets just written when it cannot.
    package static func writeRecord(_ data: Data, to url: URL, undoing written: Written) throws(PorticoError) {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw rollBack(written, "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    private static func rollBack(_ written: Written, _ reason: String) -> PorticoError {
        for url in written.urls.reversed() { try? FileManager.default.removeItem(at: url) }
        return PorticoError.refused("\(reason); nothing was imported")
    }

    /// True for anything at `url`, a dangling link included.
    private static func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }
}
