import Foundation
import Testing

/// Runs the real `portico` binary, as a user would, and captures what it printed.
struct PorticoRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// What `build --no-encrypt` prints on standard error, however clean the content.
    static let clearTextAlert =
        "warning: --no-encrypt: every page, partner pages and contacts included, is written in the clear; "
        + "publish this site only behind access control of your own (docs/publishing.md)\n"

    /// The binary next to the test bundle, as `swift build` leaves it.
    static let binary: URL = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("portico"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("portico"),
            packageRoot.appendingPathComponent(".build/debug/portico"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    /// Runs `portico arguments...` in `directory`.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws
        -> PorticoRun
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.path
        // A secret in the test runner's own environment must not decide a test's keys.
        environment[MasterSecretEnvironment.name] = nil
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs so a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return PorticoRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

enum MasterSecretEnvironment {
    static let name = "PORTICO_SECRET"
}

/// A temporary folder removed when the test ends.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("portico-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Copies a folder from Tests/Fixtures (merging into what is already there).
    func copyFixture(_ name: String, to destination: String = "") throws {
        let source = PorticoRun.fixtures.appendingPathComponent(name)
        try Scratch.merge(source, into: path(destination))
    }

    static func merge(_ source: URL, into destination: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: source.path) {
            let from = source.appendingPathComponent(name)
            let to = destination.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if let link = try? manager.destinationOfSymbolicLink(atPath: from.path) {
                try? manager.removeItem(at: to)
                try manager.createSymbolicLink(atPath: to.path, withDestinationPath: link)
            } else if manager.fileExists(atPath: from.path, isDirectory: &isDirectory), isDirectory.boolValue {
                try merge(from, into: to)
            } else {
                try? manager.removeItem(at: to)
                try manager.copyItem(at: from, to: to)
            }
        }
    }

    func write(_ text: String, to relative: String) throws {
        try write(Data(text.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) throws {
        let url = path(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: path(relative), encoding: .utf8)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative).path)
    }

    /// Every file below `relative`, with its bytes, by relative path.
    func snapshot(_ relative: String) throws -> [String: Data] {
        let root = path(relative)
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[item] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
