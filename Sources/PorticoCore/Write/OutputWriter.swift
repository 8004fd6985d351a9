import Foundation

/// Receives rendered files. Implementations must accept calls from several threads at once.
public protocol OutputWriter: Sendable {
    /// Called once before any write with every path that will be written.
    func prepare(for paths: [String]) throws
    func write(_ data: Data, to path: String) throws
    func copy(_ source: URL, to path: String) throws
}

/// Writes files below a folder.
public struct FolderWriter: OutputWriter {
    let folder: URL

    /// Creates every subfolder once, up front, rather than checking for it at each file.
    public func prepare(for paths: [String]) throws {
        let folders = Set(
            paths.compactMap { path -> String? in
                guard let slash = path.lastIndex(of: "/") else { return nil }
                return String(path[..<slash])
            })
        for relative in folders.sorted() {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(relative), withIntermediateDirectories: true)
        }
    }

    public func write(_ data: Data, to path: String) throws {
        try data.write(to: folder.appendingPathComponent(path))
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
