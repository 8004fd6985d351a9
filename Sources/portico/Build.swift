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

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the portal into the output folder.",
        discussion: """
            The previous site is replaced only when the build succeeds.

            Example:
              portico build --date 2026-11-25 --output public
            """)

    @OptionGroup var options: BuildOptionGroup

    @Option(help: "The folder to write the site to.")
    var output = "site"

    @OptionGroup var mail: MailOption

    @Flag(help: "Do not write the briefs' emails.")
    var noMail = false

    func run() throws {
        let start = Date()
        var buildOptions = options.buildOptions(output: output, writesOutput: true)
        buildOptions.mailURL = noMail ? nil : URL(fileURLWithPath: mail.mail)
        buildOptions.mailDisplayPath = mail.mail
        let report = try Pipeline.run(buildOptions)
        let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
        let summary =
            report.succeeded
            ? "Built \(report.pagesWritten) pages into \(output)/ (\(Reporter.counts(report))) in \(seconds) s"
            : "Build failed (\(Reporter.counts(report))); \(output)/ was left as it was"
        try Reporter.finish(report, summary: summary, options: options)
    }
}
