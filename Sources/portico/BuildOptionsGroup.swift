import ArgumentParser
import Foundation
import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoModel
import PorticoProject
import PorticoServe
import PorticoSite
import PorticoSupport

/// The options `build` and `check` share.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "A folder whose files override the built-in theme (default: templates, when it exists).")
    var templates: String?

    @Option(help: ArgumentHelp("Today's date for review states, to make builds reproducible.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print how long each stage took.")
    var timings = false

    @Flag(help: "Print the diagnostics and the summary as JSON on standard output, for editors and CI.")
    var json = false

    @Flag(
        inversion: .prefixedNo,
        help: "Encrypt private pages; --no-encrypt writes every page in the clear, for hosts with access control.")
    var encrypt = true

    @Option(help: ArgumentHelp("The master secret's file, when PORTICO_SECRET is not set.", valueName: "file"))
    var secretFile = MasterSecret.defaultFile

    @Flag(help: "Fail rather than make a new secret when there is none (for CI deploys).")
    var requireSecret = false

    /// The options a build or check runs with.
    func buildOptions(output: String, writesOutput: Bool) -> BuildOptions {
        var options = BuildOptions(
            content: content, templates: templatesFolder, output: output, date: day, strict: strict,
            writesOutput: writesOutput)
        options.encrypt = encrypt
        options.secretURL = URL(fileURLWithPath: secretFile)
        options.secretDisplayPath = secretFile
        options.requireSecret = requireSecret
        return options
    }

    func validate() throws {
        if let date, Day(date) == nil {
            throw ValidationError("--date must be a date written YYYY-MM-DD, not '\(date)'")
        }
    }

    var day: Day {
        date.flatMap(Day.init) ?? .today
    }

    /// The templates folder to use: the one given, or ./templates when it exists.
    var templatesFolder: String? {
        if let templates { return templates }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: "templates", isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? "templates" : nil
    }
}

/// Prints a build's diagnostics and summary, and turns failure into exit status 1.
enum Reporter {
    static func finish(_ report: BuildReport, summary: String, options: ContentOptions) throws {
        if options.json {
            try printJSON(report, summary: summary)
            if !report.succeeded { throw ExitCode.failure }
            return
        }
        let timings = options.timings
        let stderr = FileHandle.standardError
        for alert in report.alerts {
            stderr.write(Data((alert + "\n").utf8))
        }
        for note in report.notes {
            print(note)
        }
        for diagnostic in report.diagnostics {
            stderr.write(Data((diagnostic.formatted + "\n").utf8))
        }
        if timings {
            for (stage, seconds) in report.timings {
                print("  \(stage): \(String(format: "%.3f", seconds)) s")
            }
        }
        print(summary)
        if !report.succeeded { throw ExitCode.failure }
    }

    /// The same diagnostics as the text output, as one JSON document.
    static func printJSON(_ report: BuildReport, summary: String) throws {
        struct Output: Encodable {
            var succeeded: Bool
            var pages: Int
            var errors: Int
            var warnings: Int
            var summary: String
            var diagnostics: [Diagnostic]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let output = Output(
            succeeded: report.succeeded, pages: report.pagesWritten, errors: report.errorCount,
            warnings: report.warningCount, summary: summary, diagnostics: report.diagnostics)
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
    }

    static func counts(_ report: BuildReport) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var parts: [String] = []
        if report.errorCount > 0 { parts.append(plural(report.errorCount, "error")) }
        parts.append(plural(report.warningCount, "warning"))
        return parts.joined(separator: ", ")
    }
}
