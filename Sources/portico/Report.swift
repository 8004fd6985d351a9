import ArgumentParser
import Foundation
import PorticoModel
import PorticoProject
import PorticoScorecard
import PorticoSupport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the partner scorecard of a quarter, from the CRM's exports in pipeline/.",
        discussion: """
            For each partner: referrals, qualified and the qualification rate, wins and the win rate, \
            median days to close, active customers, revenue won, the plan, the tier held and the one \
            the last four quarters earn, co-marketing, the first joint win; and other channels as the \
            baseline. A rate with nothing to divide by is n/a. Exits 1 on bad data, as the build does.

            Examples:
              portico report
              portico report --quarter 2026-Q3 --format markdown
              portico report --partner cargo-compass --format json
            """)

    @OptionGroup var content: ContentOption
    @OptionGroup var date: DateOption

    @Option(help: ArgumentHelp("The quarter (default: the one holding --date).", valueName: "YYYY-QN"))
    var quarter: String?

    @Option(help: ArgumentHelp("Only this partner.", valueName: "id"))
    var partner: String?

    @Option(help: "table, csv, json or markdown.")
    var format: ScorecardReport.Format = .table

    @Flag(help: "Leave out a CRM export's bad rows with a warning, rather than failing.")
    var lenient = false

    @OptionGroup var quiet: QuietOption

    func validate() throws {
        if let quarter, Quarter(quarter) == nil {
            throw ValidationError("--quarter must be written YYYY-QN, such as 2026-Q3, not '\(quarter)'")
        }
    }

    func run() throws {
        var options = ProjectOptions(content: content.content, date: date.day)
        options.lenient = lenient
        try options.checkFolders()
        let log = DiagnosticLog()
        let project = Project.load(options, into: log)
        // The content's other warnings (reviews due, single contacts) belong to `check`, and are
        // only counted; a report shows in full what concerns its numbers.
        let shown = log.all.filter { $0.severity == .error || $0.code.hasPrefix("pipeline-") }
        for diagnostic in shown.sorted() {
            FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
        }
        quiet.printWarningCount(log.all.count - shown.count, content: self.content.content)
        guard let project, !log.hasErrors else {
            throw PorticoError.refused("the report needs the content and its exports to read without errors")
        }
        let content = project.content
        for file in content.pipelineFiles {
            FileHandle.standardError.write(Data((file.description + "\n").utf8))
        }
        if let partner, !content.partners.contains(where: { $0.id == partner }) {
            throw PorticoError.usage(
                "no partner '\(partner)' in \(options.contentDisplayPath)/partners"
                    + Suggestion.didYouMean(partner, in: content.partners.map(\.id)))
        }
        let scorecard = ProgramScorecard(content: content, today: date.day, quarter: quarter.flatMap(Quarter.init))
        let report = ScorecardReport(scorecard: scorecard, tiers: content.program.tiers, partnerID: partner)
        print(try report.render(format), terminator: "")
    }
}

extension ScorecardReport.Format: ExpressibleByArgument {}
