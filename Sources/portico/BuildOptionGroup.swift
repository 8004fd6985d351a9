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

/// The options `build`, `check` and `serve` share.
struct BuildOptionGroup: ParsableArguments {
    @OptionGroup var project: ProjectOptionGroup

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Print how long each stage took.")
    var timings = false

    @Flag(help: "Print the diagnostics and the summary as JSON on standard output, for editors and CI.")
    var json = false

    @OptionGroup var encryption: EncryptOption
    @OptionGroup var secret: SecretOption

    @Flag(help: "Fail rather than make a new secret when there is none (for CI deploys).")
    var requireSecret = false

    @Flag(help: "Leave out a CRM export's bad rows with a warning, rather than failing.")
    var lenient = false

    /// The options a build or check runs with.
    func buildOptions(output: String, writesOutput: Bool) -> BuildOptions {
        var projectOptions = project.options
        projectOptions.lenient = lenient
        var options = BuildOptions(project: projectOptions, output: output, strict: strict, writesOutput: writesOutput)
        options.encrypt = encryption.encrypt
        options.keys = secret.source
        options.requireSecret = requireSecret
        return options
    }
}

/// Prints a build's diagnostics and summary, and turns failure into exit status 1.
enum Reporter {
    /// `quiet` leaves the warnings out of the text; the summary still counts them.
    static func finish(_ report: BuildReport, summary: String, options: BuildOptionGroup, quiet: Bool = false) throws {
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
        for diagnostic in report.diagnostics where !quiet || diagnostic.severity == .error {
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
