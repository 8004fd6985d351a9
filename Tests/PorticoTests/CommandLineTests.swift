import Foundation
import Testing

/// What the command line says when it is used wrongly: one form of error, and the command meant.
@Suite struct CommandLineTests {
    @Test(arguments: [
        (
            ["biuld"],
            "error: 'biuld' is not a portico command (did you mean 'build'?)\nUsage: portico <subcommand>\n"
                + "  See 'portico --help' for more information.\n"
        ),
        (
            ["rport", "--quarter", "2026-Q3"],
            "error: 'rport' is not a portico command (did you mean 'report'?)\nUsage: portico <subcommand>\n"
                + "  See 'portico --help' for more information.\n"
        ),
        (
            ["build", "--bogus"],
            "error: Unknown option '--bogus'\nUsage: portico build <options>\n"
                + "  See 'portico build --help' for more information.\n"
        ),
        (
            ["new", "parnter", "acme"],
            "error: 'parnter' is not a 'portico new' command (did you mean 'partner'?)\n"
                + "Usage: portico new <subcommand>\n  See 'portico new --help' for more information.\n"
        ),
        (
            ["new", "poster", "acme"],
            "error: 'poster' is not a 'portico new' command: the commands are partner, asset, brief, contact\n"
                + "Usage: portico new <subcommand>\n  See 'portico new --help' for more information.\n"
        ),
        (
            ["new", "asset", "pricing", "--kind", "onepager"],
            "error: --kind must be one of one-pager, objection, snapshot, guide, not 'onepager' "
                + "(did you mean 'one-pager'?)\n"
                + "Usage: portico new asset <id> [--kind <kind>] [--content <content>] [--date <YYYY-MM-DD>]\n"
                + "  See 'portico new asset --help' for more information.\n"
        ),
        (
            ["new", "brief", "december", "--date", "2026-12-03"],
            "error: a brief is named by its month, written YYYY-MM, not 'december' (did you mean '2026-12'?)\n"
                + Self.newBriefUsage
        ),
        // The nearest December to March 2026 is the one just gone.
        (
            ["new", "brief", "Dec", "--date", "2026-03-10"],
            "error: a brief is named by its month, written YYYY-MM, not 'Dec' (did you mean '2025-12'?)\n"
                + Self.newBriefUsage
        ),
        (
            ["new", "brief", "2027/1", "--date", "2026-12-03"],
            "error: a brief is named by its month, written YYYY-MM, not '2027/1' (did you mean '2027-01'?)\n"
                + Self.newBriefUsage
        ),
        (
            ["new", "brief", "next", "--date", "2026-12-03"],
            "error: a brief is named by its month, written YYYY-MM (2026-12 for this month), not 'next'\n"
                + Self.newBriefUsage
        ),
        (
            ["links", "--date", "2026-11-31"],
            "error: --date must be a date written YYYY-MM-DD, not '2026-11-31'\n"
                + "Usage: portico links [--content <content>] [--date <YYYY-MM-DD>] [--partner <id>] [--json] "
                + "[--secret-file <file>] [--quiet]\n  See 'portico links --help' for more information.\n"
        ),
    ])
    func aMistypedCommandOrOptionIsAnErrorInLowerCaseWithTheCommandMeant(arguments: [String], stderr: String) throws {
        let scratch = try Scratch()
        let run = try PorticoRun.run(arguments, in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == stderr)
        #expect(run.stdout.isEmpty)
    }

    static let newBriefUsage =
        "Usage: portico new brief <YYYY-MM> [--content <content>] [--date <YYYY-MM-DD>]\n"
        + "  See 'portico new brief --help' for more information.\n"

    /// Each `new` command's help is its own: its options only, and its example on one line of an
    /// 80-column terminal, which ArgumentParser would otherwise wrap mid-command.
    @Test(arguments: [
        ("partner", "portico new partner acme-consulting", ["--kind", "--email", "--role", "<YYYY-MM>"]),
        ("asset", "portico new asset security-objections --kind objection", ["--email", "--role", "<YYYY-MM>"]),
        ("brief", "portico new brief 2026-12", ["--kind", "--email", "<id>"]),
        (
            "contact", "portico new contact acme --name \"Lee Ng\" --email lee@acme.example --role CTO",
            ["--kind", "--date", "<YYYY-MM>"]
        ),
    ])
    func eachNewCommandHasItsOwnHelp(command: String, example: String, otherOptions: [String]) throws {
        let scratch = try Scratch()
        let help = try PorticoRun.run(["new", command, "--help"], in: scratch.url, environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("\nExample:\n  \(example)\n"))
        #expect(help.stdout.contains("\nUSAGE: portico new \(command) "))
        for option in otherOptions {
            #expect(!help.stdout.contains(option), "new \(command) --help shows \(option)")
        }
        // ArgumentParser wraps all but the usage line.
        #expect(help.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 || $0.hasPrefix("USAGE: ") })
    }

    @Test func newPartnersHelpIsExactlyItsOwn() throws {
        let scratch = try Scratch()
        let help = try PorticoRun.run(["new", "partner", "--help"], in: scratch.url, environment: ["COLUMNS": "80"])
        #expect(
            help.stdout == """
                OVERVIEW: Write partners/ID.yml, with every field filled in; never overwrites.

                The tier and manager are the program's; the name, audience, website and
                contacts are placeholders, which 'portico check' points at until they are
                replaced. Contacts with a placeholder address get no access link.

                Example:
                  portico new partner acme-consulting

                USAGE: portico new partner <id> [--content <content>] [--date <YYYY-MM-DD>]

                ARGUMENTS:
                  <id>                    The partner's id: lowercase letters, digits and '-'.
                                          It becomes the file name.

                OPTIONS:
                  --content <content>     The content folder. (default: content)
                  --date <YYYY-MM-DD>     Today's date for review states and dated messages, to
                                          make output reproducible (default: today).
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }
}
