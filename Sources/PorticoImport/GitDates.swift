import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The day each file was last committed, read from git. A fresh clone gives every file the
/// checkout's time, so a file's modification time says nothing about when it was reviewed.
package enum GitDates {
    package static let git = "/usr/bin/git"

    /// Paths below `root` by the day of their last commit; empty when `root` is not in a git
    /// repository or git is missing. One `git log` for the whole folder, newest first, so the
    /// first day seen for a path is its last commit's.
    package static func lastCommitDays(in root: URL) -> [String: Day] {
        guard FileManager.default.isExecutableFile(atPath: git) else { return [:] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = [
            "-C", root.path, "-c", "core.quotePath=false", "log", "--format=%x01%cs", "--name-only",
            "--relative", "--no-renames", "--", ".",
        ]
        var environment = ProcessInfo.processInfo.environment
        // A repository named by the caller's environment is not the imported folder's.
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES"] {
            environment[name] = nil
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return [:] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        return parse(String(decoding: data, as: UTF8.self))
    }

    /// `\u{1}2026-10-15` lines, each followed by the paths that commit changed.
    package static func parse(_ log: String) -> [String: Day] {
        var days: [String: Day] = [:]
        var current: Day?
        for line in log.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == "\u{1}" {
                current = Day(String(line.dropFirst()))
            } else if let current, days[String(line)] == nil {
                days[String(line)] = current
            }
        }
        return days
    }
}
