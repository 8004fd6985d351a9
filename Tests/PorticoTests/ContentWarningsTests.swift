import Foundation
import Testing

/// The commands other than `build` and `check` count the content's warnings in one line, which
/// `--quiet` leaves out; `check --quiet` prints only errors and the summary; errors are always
/// printed in full. On Tests/Fixtures/bad/placeholders, which has nine warnings on 2026-11-25.
@Suite struct ContentWarningsTests {
    static let count = "9 content warnings (run 'portico check' to see them)\n"
    static let date = ["--date", "2026-11-25"]

    let scratch: Scratch

    init() throws {
        scratch = try BadContentTests.prepare("placeholders")
        #expect(try PorticoRun.run(["keys", "init"], in: scratch.url).status == 0)
    }

    @Test func linksCountTheWarningsAndQuietLeavesTheLineOut() throws {
        let links = try PorticoRun.run(["links"] + Self.date, in: scratch.url)
        #expect(links.status == 0)
        #expect(links.stderr == Self.count)
        #expect(links.stdout.contains("Lee Park <lee@acme.example> (acme)\n"))
        let quiet = try PorticoRun.run(["links", "--quiet"] + Self.date, in: scratch.url)
        #expect(quiet.status == 0 && quiet.stderr == "" && quiet.stdout == links.stdout)
        // The line names the content folder the warnings are in.
        try FileManager.default.moveItem(at: scratch.path("content"), to: scratch.path("program"))
        let elsewhere = try PorticoRun.run(["links", "--content", "program"] + Self.date, in: scratch.url)
        #expect(elsewhere.stderr == "9 content warnings (run 'portico check --content program' to see them)\n")
    }

    @Test func linksTakeTheDateThatDecidesTheWarnings() throws {
        let base = try Scratch()
        try base.copyFixture("base")
        #expect(try PorticoRun.run(["keys", "init"], in: base.url).status == 0)
        #expect(try PorticoRun.run(["links"] + Self.date, in: base.url).stderr == "")
        // By 2030 every asset is due for review, and partners have waited too long.
        let later = try PorticoRun.run(["links", "--date", "2030-01-01"], in: base.url)
        #expect(later.status == 0)
        #expect(later.stderr == "5 content warnings (run 'portico check' to see them)\n")
    }

    @Test func checkPrintsEveryWarningUnlessQuiet() throws {
        let check = try PorticoRun.run(["check"] + Self.date, in: scratch.url)
        #expect(check.status == 0)
        #expect(check.stderr.components(separatedBy: ": warning: ").count == 10)
        #expect(check.stdout == "Checked 30 pages (9 warnings)\n")
        let quiet = try PorticoRun.run(["check", "--quiet"] + Self.date, in: scratch.url)
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "")
        #expect(quiet.stdout == "Checked 30 pages (9 warnings)\n")
    }

    @Test func errorsArePrintedInFullQuietOrNot() throws {
        let file = "content/partners/globex.yml"
        try scratch.write(
            try scratch.read(file).replacingOccurrences(of: "tier: silver", with: "tier: silvr"), to: file)
        let error =
            "content/partners/globex.yml:3:7: error: unknown tier 'silvr' in tier (did you mean 'silver'?)\n"
            + "  hint: tiers are the ids listed under 'tiers' in program.yml\n"
        let check = try PorticoRun.run(["check", "--quiet"] + Self.date, in: scratch.url)
        #expect(check.status == 1)
        #expect(check.stderr == error)
        #expect(check.stdout == "Check failed (1 error, 9 warnings)\n")
        let links = try PorticoRun.run(["links"] + Self.date, in: scratch.url)
        #expect(links.status == 1)
        #expect(links.stderr == error + Self.count)
        let quiet = try PorticoRun.run(["links", "--quiet"] + Self.date, in: scratch.url)
        #expect(quiet.status == 1 && quiet.stderr == error)
    }

    @Test func welcomeAndReportCountTheWarningsToo() throws {
        // welcome checks the contact's link against the built site.
        #expect(try PorticoRun.run(["build"] + Self.date, in: scratch.url).status == 0)
        let welcome = try PorticoRun.run(["welcome", "acme", "lee@acme.example"] + Self.date, in: scratch.url)
        #expect(welcome.status == 0)
        #expect(welcome.stderr == Self.count)
        #expect(welcome.stdout == "Wrote mail/welcome/acme/lee@acme.example.eml\n")
        let quiet = try PorticoRun.run(
            ["welcome", "acme", "kim@acme.example", "--quiet"] + Self.date, in: scratch.url)
        #expect(quiet.status == 0 && quiet.stderr == "")
        let report = try PorticoRun.run(["report", "--format", "csv"] + Self.date, in: scratch.url)
        #expect(report.status == 0)
        #expect(report.stderr == Self.count)
        #expect(try PorticoRun.run(["report", "--quiet"] + Self.date, in: scratch.url).stderr == "")
    }

    @Test func aPlaceholderAddressIsNotWelcomed() throws {
        let run = try PorticoRun.run(["welcome", "globex", "first.contact@example.com"] + Self.date, in: scratch.url)
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: first.contact@example.com is a placeholder address, which gets no access link; write the "
                + "contact's own address in content/partners/globex.yml, then build and welcome them\n")
        #expect(!scratch.exists("mail/welcome/globex"))
    }

    @Test func linksForARetiredOrUnknownPartnerSayWhy() throws {
        let retired = try PorticoRun.run(["links", "--partner", "gone", "--quiet"] + Self.date, in: scratch.url)
        #expect(retired.status == 1)
        #expect(
            retired.stderr
                == "error: partner 'gone' is retired (content/partners/gone.yml:4:9): its contacts have no access link\n"
        )
        #expect(retired.stdout == "")
        let unknown = try PorticoRun.run(["links", "--partner", "acm", "--quiet"] + Self.date, in: scratch.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no partner 'acm' in content/partners (did you mean 'acme'?)\n")
        let placeholders = try PorticoRun.run(["links", "--partner", "globex", "--json"] + Self.date, in: scratch.url)
        #expect(placeholders.status == 1)
        #expect(
            placeholders.stderr
                == Self.count
                + "error: partner 'globex' has no contact with an access link: their addresses are placeholders, "
                + "such as 'first.contact@example.com' (content/partners/globex.yml:13:12); write their own\n")
    }
}
