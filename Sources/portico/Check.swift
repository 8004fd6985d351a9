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

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check content and templates as a build would, writing nothing.",
        discussion: """
            Prints every warning; --quiet prints only the errors and the summary, which counts both.

            Examples:
              portico check --strict
              portico check --summary
              portico check --quiet
            """)

    @OptionGroup var options: BuildOptionGroup
    @OptionGroup var quiet: QuietOption

    @Flag(help: "Also print a table of every partner: contacts, manager, last brief, first win, stale assets.")
    var summary = false

    func run() throws {
        let report = try Pipeline.run(options.buildOptions(output: "site", writesOutput: false))
        var text =
            report.succeeded
            ? "Checked \(report.pagesWritten) pages (\(Reporter.counts(report)))"
            : "Check failed (\(Reporter.counts(report)))"
        if summary, !options.json, !report.partnerHealth.isEmpty {
            text = PartnerHealth.table(report.partnerHealth) + "\n" + text
        }
        try Reporter.finish(report, summary: text, options: options, quiet: quiet.quiet)
    }
}
