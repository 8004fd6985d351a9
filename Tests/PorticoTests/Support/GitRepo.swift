import Foundation
import Testing

/// A git repository made in a test's scratch folder, with commits on known days, so imported
/// assets get a `reviewed` date from their last commit.
enum GitRepo {
    static func run(_ arguments: [String], in folder: URL, date: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments =
            ["-c", "user.name=Test", "-c", "user.email=test@fixture.example", "-c", "commit.gpgsign=false"]
            + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.path
        environment["GIT_DIR"] = nil
        environment["GIT_WORK_TREE"] = nil
        if let date {
            environment["GIT_AUTHOR_DATE"] = date
            environment["GIT_COMMITTER_DATE"] = date
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }

    /// `git init` in `folder` and one commit of `paths` (everything by default) on `date`
    /// (`2026-10-15T12:00:00Z`).
    static func commit(_ paths: [String] = ["."], in folder: URL, date: String, initialize: Bool = false) throws {
        if initialize { try run(["init", "-q"], in: folder) }
        try run(["add", "--"] + paths, in: folder)
        try run(["commit", "-q", "-m", "fixture"], in: folder, date: date)
    }
}
