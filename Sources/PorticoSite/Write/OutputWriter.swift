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
            guard mkdir(target, 0o755) == 0 || errno == EEXIST else {
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
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXWriteError(path: path, code: errno) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXWriteError(path: path, code: errno)
                }
                offset += written
            }
        }
    }

    public func copy(_ source: URL, to path: String) throws {
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(path))
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
