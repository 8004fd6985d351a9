import Foundation

/// A `portico serve` running in the background for one test, stopped when the test ends.
final class ServeProcess {
    let process = Process()
    private let output = Captured()
    private let errors = Captured()
    /// The address it printed, such as `http://127.0.0.1:41234/portal/`.
    private(set) var url = ""
    private(set) var port = 0

    /// Starts `portico serve --port 0 arguments...` in `directory` and waits for its address.
    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = PorticoRun.binary
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory.path
        environment[MasterSecretEnvironment.name] = nil
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output.pipe
        process.standardError = errors.pipe
        try process.run()
        output.start()
        errors.start()
        guard let line = waitForOutput(containing: "Serving ", timeout: 120),
            let range = line.range(of: #"http://127\.0\.0\.1:(\d+)/\S*"#, options: .regularExpression)
        else {
            stop()
            throw LoopbackError(description: "serve printed no address: \(stdout) \(stderr)")
        }
        url = String(line[range])
        let afterHost = url.dropFirst("http://127.0.0.1:".count)
        port = Int(afterHost.prefix { $0.isNumber }) ?? 0
    }

    deinit { stop() }

    var stdout: String { output.text }
    var stderr: String { errors.text }

    /// The first line of standard output containing `text`, once it was printed.
    func waitForOutput(containing text: String, timeout: TimeInterval = 60) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = stdout.split(separator: "\n").first(where: { $0.contains(text) }) {
                return String(line)
            }
            if !process.isRunning { return nil }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    /// Sends SIGTERM, then SIGKILL if it has not ended within 10 s; returns its exit status.
    @discardableResult
    func stop() -> Int32? {
        guard process.isRunning else { return process.terminationStatusIfExited }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    /// What one of its pipes carried so far, read on a background thread.
    final class Captured: @unchecked Sendable {
        let pipe = Pipe()
        private let lock = NSLock()
        private var data = Data()

        func start() {
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { return }
                    lock.lock()
                    data.append(chunk)
                    lock.unlock()
                }
            }
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

extension Process {
    var terminationStatusIfExited: Int32? { isRunning ? nil : terminationStatus }
}
