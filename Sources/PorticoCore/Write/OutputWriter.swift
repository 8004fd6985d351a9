import Foundation

/// Receives rendered files. Implementations must accept calls from several threads at once.
public protocol OutputWriter: Sendable {
    func write(_ data: Data, to path: String) throws
}

/// Writes files below a folder, creating subfolders as needed.
public struct FolderWriter: OutputWriter {
    let folder: URL

    public func write(_ data: Data, to path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
}

/// `portico check`: renders everything, writes nothing.
public struct DiscardingWriter: OutputWriter {
    public init() {}
    public func write(_ data: Data, to path: String) throws {}
}
