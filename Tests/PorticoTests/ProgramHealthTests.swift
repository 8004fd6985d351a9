import Foundation
import Testing

/// `portico check --summary` and the team's health page.
@Suite struct ProgramHealthTests {
    @Test func summaryPrintsOnePartnerPerLine() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("briefs")
        let run = try PorticoRun.run(["check", "--date", "2026-11-25", "--summary"], in: scratch.url)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                partner  status      contacts  manager      last brief  first win   stale assets
                acme     active      2         Dana Ruiz    2026-11     2026-09-20  0
                bridge   onboarding  2         Omar Haddad  2026-11     2026-11-03  0
                gone     retired     1         none         none        none        0
                sunset   sunsetting  2         Dana Ruiz    2026-11     none        0

                Checked 36 pages (2 warnings)

                """)
    }

    @Test func theHealthPageListsEveryTurnoverWarningForTheTeamOnly() throws {
        let scratch = try BadContentTests.prepare("turnover-warnings")
        let clear = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(clear.status == 0)
        let html = try scratch.read("site/health/index.html")
        #expect(html.contains("<h2 id=\"findings-heading\">What to fix (6)</h2>"))
        for finding in [
            "campaign &#39;gold-push&#39; still targets &#39;sunset&#39;, which is sunsetting",
            "no positioning one-pager is written for referral partners",
            "partner &#39;acme&#39; has had no joint win in the 634 days since 2025-03-01",
            "partner &#39;bridge&#39; has been onboarding for 177 days, since 2026-06-01",
            "contact &#39;Tom Reyes&#39; of partner &#39;bridge&#39; has no email",
        ] {
            #expect(html.contains("<strong>\(finding)</strong></p>"), "\(finding)")
        }
        // Grouped by who owns what each names, linking to it.
        #expect(
            html.contains(
                "<h3>Omar Haddad (3)</h3>\n    <ul class=\"findings\">\n      <li class=\"card\">\n"
                    + "        <p><a href=\"../partners/bridge/index.html\">Bridge Ledger</a>: "
                    + "<strong>contact &#39;Tom Reyes&#39; of partner &#39;bridge&#39; has no email</strong></p>"))
        #expect(html.contains("<h3>No owner on the team (1)</h3>"))
        #expect(html.contains("<code>content/partners/bridge.yml:4:9</code>"))
        #expect(html.contains("<th scope=\"row\">Bridge Ledger</th>"))
        // The contact without an address has no mailto link, and no access link.
        #expect(try scratch.read("site/partners/bridge/index.html").contains("No email address on file"))
        let sealed = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
        #expect(sealed.status == 0)
        let shell = try scratch.read("site/health/index.html")
        #expect(shell.contains("<title>Private page"))
        #expect(!shell.contains("onboarding for 177 days"))
        let links = try PorticoRun.run(["links", "--json"], in: scratch.url)
        #expect(links.stdout.contains("ana@bridge.example") && !links.stdout.contains("Tom Reyes"))

    }
}
