import Foundation
import Testing

/// Runs a short Python script on one file and returns what it prints: tests use Python's own
/// parsers (email, xml) as an independent reader of what Portico writes.
enum Python {
    static func output(of script: String, on file: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return data
    }
}
