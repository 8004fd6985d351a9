import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Receives rendered files. Implementations must accept calls from several threads at once.
public protocol OutputWriter: Sendable {
    /// Called once before any write with every path that will be written.
    func prepare(for paths: [String]) throws
    func write(_ data: Data, to path: String) throws
    func copy(_ source: URL, to path: String) throws
}

/// Writes files below a folder.
public struct FolderWriter: OutputWriter {
    package let folder: URL
    /// The mail folder's files carry working access links: 0700 folders and 0600 files.
    package let isPrivate: Bool

    public init(folder: URL, isPrivate: Bool = false) {
        self.folder = folder
        self.isPrivate = isPrivate
    }

    /// Creates every subfolder once, up front, parents before children, with one `mkdir` each:
    /// FileManager's intermediate-folder creation looks at every level of every path again.
    public func prepare(for paths: [String]) throws {
        var folders: Set<String> = []
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted {
                parts = parts.dropLast()
            }
        }
        for relative in folders.sorted() {
            let target = folder.path + "/" + relative
            guard mkdir(target, isPrivate ? PrivateFiles.folderMode : 0o755) == 0 || errno == EEXIST else {
                throw POSIXWriteError(path: relative, code: errno)
            }
        }
    }

    /// Writes with plain POSIX calls: Foundation's `Data.write(to:)` syncs every file to disk,
    /// which costs more than rendering. The swap of the whole folder is what makes a build take
    /// effect, so a build interrupted before it leaves the previous site as it was; what a build
    /// does not promise is that a site just swapped in has reached the disk (docs/publishing.md).
    public func write(_ data: Data, to path: String) throws {
        // A path string, not URL.appendingPathComponent, which asks the file system whether the
        // path is a folder.
        let file = folder.path + "/" + path
        if let code = PrivateFiles.writeFile(data, path: file, mode: isPrivate ? PrivateFiles.fileMode : 0o644) {
            throw POSIXWriteError(path: path, code: code)
        }
    }

    public func copy(_ source: URL, to path: String) throws {
        let target = folder.appendingPathComponent(path)
        try FileManager.default.copyItem(at: source, to: target)
        if isPrivate { chmod(target.path, PrivateFiles.fileMode) }
    }
}

/// `portico check`: renders everything, writes nothing.
public struct DiscardingWriter: OutputWriter {
    public init() {}
    public func prepare(for paths: [String]) throws {}
    public func write(_ data: Data, to path: String) throws {}
    public func copy(_ source: URL, to path: String) throws {}
}

/// A file the build could not write, with the system's reason.
package struct POSIXWriteError: Error, CustomStringConvertible {
    package var path: String
    package var code: Int32
    package var description: String { "\(path): \(String(cString: strerror(code)))" }
}
