import ArgumentParser
import Foundation
import PorticoCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check content and templates as a build would, writing nothing.",
        discussion: """
            Example:
              portico check --strict
            """)

    @OptionGroup var options: ContentOptions

    func run() throws {
        let report = try Pipeline.run(options.buildOptions(output: "site", writesOutput: false))
        let summary =
            report.succeeded
            ? "Checked \(report.pagesWritten) pages (\(Reporter.counts(report)))"
            : "Check failed (\(Reporter.counts(report)))"
        try Reporter.finish(report, summary: summary, options: options)
    }
}
