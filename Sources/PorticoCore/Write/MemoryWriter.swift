import Foundation

/// Keeps rendered files in memory, for `portico serve`, which answers from memory rather than
/// from a folder it would have to swap under a reader.
final class MemoryWriter: OutputWriter, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: Data] = [:]

    func prepare(for paths: [String]) throws {}

    func write(_ data: Data, to path: String) throws {
        lock.lock()
        files[path] = data
        lock.unlock()
    }

    func copy(_ source: URL, to path: String) throws {
        try write(Data(contentsOf: source), to: path)
    }

    var written: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return files
    }
}
