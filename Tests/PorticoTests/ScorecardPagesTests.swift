import Foundation
import Testing

/// The pages made from the CRM's exports: the scorecard on the team's health page, each
/// partner's results page, and "Your referrals" in its copy of a brief.
@Suite struct ScorecardPagesTests {
    static let deals = """
        Created,Partner,Company,Stage,Amount,Closed,Status
        2026-10-02,acme,Northwind Foods,Closed Won,12500,2026-10-20,active
        2026-10-05,acme,Keystone Retail,Closed Lost,800,2026-10-30,
        2026-10-07,acme,Harbor <Supply> & Co,Qualified,,,
        2026-10-09,bridge,Quillfeather Ltd,Proposal,3000,,
        2026-10-11,,Maple Wholesale,Closed Won,1250,2026-11-01,

        """

    /// The base and briefs fixtures with the deals above, a plan for Bridge and an earn rule for Gold.
    static func built(encrypted: Bool = false) throws -> (Scratch, PorticoRun) {
        let scratch = try PipelineTests.project(["deals.csv": deals])
        try scratch.copyFixture("briefs")
        try PipelineTests.goldIsEarned(in: scratch)
        let bridge = try scratch.read("content/partners/bridge.yml")
        try scratch.write(bridge + "plan:\n  2026-Q4: {qualified: 2, won: 1}\n", to: "content/partners/bridge.yml")
        let run = try PorticoRun.run(
            ["build", "--date", "2026-11-25"] + (encrypted ? [] : ["--no-encrypt"]), in: scratch.url)
        return (scratch, run)
    }

    @Test func theHealthPageShowsTheScorecardSortableWithItsChartsAndTheBaseline() throws {
        let (scratch, run) = try Self.built()
        #expect(run.status == 0, "\(run.stderr)")
        let html = try scratch.read("site/health/index.html")
        #expect(html.contains("<h2 id=\"scorecard-heading\">Scorecard, Q4 2026</h2>"))
        #expect(html.contains("<script src=\"../static/sortable.js\" defer></script>"))
        #expect(html.contains("<table class=\"health-table scorecard-table\" data-sortable>"))
        #expect(
            html.contains(
                """
                <a href="../partners/acme/index.html">Acme Consulting</a><br><span class="badge badge-due">Slipping to Silver</span></th>
                          <td data-value="3">3</td>
                          <td data-value="2">2</td>
                          <td data-value="0.667">67%</td>
                          <td data-value="1">1</td>
                          <td data-value="0.5">50%</td>
                          <td data-value="18">18</td>
                          <td data-value="1">1/1</td>
                          <td data-value="12500">12,500</td>
                """))
        // Gold's rule (3 qualified, 1 won) is not met; Silver, the lowest tier, has no rule and is where Acme's numbers put it.
        #expect(html.contains("<td>Gold</td>\n          <td><strong>Silver (down)</strong></td>"))
        // A partner with no referrals: every rate n/a, sorted below 0%.
        #expect(html.contains("<td data-value=\"-1\">n/a</td>"))
        #expect(
            !html.contains("NaN")
                && !html.contains(">0%</td>\n          <td data-value=\"0\">0</td>\n          <td data-value=\"-1\""))
        // The baseline: what no partner referred.
        #expect(
            html.contains(
                "Other channels<br><span class=\"meta\">the baseline</span></th>\n          <td data-value=\"1\">1</td>"
            ))
        // One funnel, one plane, and a trend for each current partner and the other channels.
        #expect(html.components(separatedBy: "<svg class=\"chart ").count - 1 == 6)
        #expect(
            html.contains(
                "<title id=\"chart-funnel-title\">Partner referrals from Q1 2026 to Q4 2026, stage by stage</title>"))
        #expect(
            html.contains("<desc id=\"chart-funnel-desc\">Referred: 4; Qualified: 3; Won: 1; Live customers: 1.</desc>")
        )
        #expect(html.contains("<th scope=\"row\">Qualified</th>\n              <td>3</td><td>75%</td>"))
        // What the numbers say is wrong, under the manager of the partner it is about.
        #expect(html.contains("Sunset Advisors: no referrals in the last four quarters"))
    }

    @Test func aPartnersResultsPageListsOnlyItsOwnReferralsEscaped() throws {
        let (scratch, run) = try Self.built()
        #expect(run.status == 0, "\(run.stderr)")
        let acme = try scratch.read("site/partners/acme/results/index.html")
        #expect(acme.contains("<th scope=\"row\">Harbor &lt;Supply&gt; &amp; Co</th>"))
        #expect(acme.contains("<th scope=\"row\">Northwind Foods</th>"))
        #expect(acme.contains("<td data-label=\"Outcome\"><span class=\"badge outcome\">Won</span></td>"))
        let bridge = try scratch.read("site/partners/bridge/results/index.html")
        #expect(bridge.contains("<th scope=\"row\">Quillfeather Ltd</th>"))
        for other in ["Northwind Foods", "Keystone Retail", "Harbor &lt;Supply", "Maple Wholesale", "12,500"] {
            #expect(!bridge.contains(other), "\(other)")
        }
        // Its quarter against the plan, and what the tier above needs.
        #expect(
            bridge.contains("<th scope=\"row\">Qualified referrals</th>\n          <td>2</td>\n          <td>1</td>"))
        #expect(
            bridge.contains(
                "<dt>Gold needs</dt>\n      <dd>2 more qualified referrals and 1 more won deal over the last four quarters</dd>"
            ))
        #expect(
            try scratch.read("site/partners/acme/index.html").contains(
                "<a href=\"../../partners/acme/results/index.html\">Your referrals and what became of them</a>"))
        #expect(
            scratch.exists("site/partners/sunset/results/index.html") && !scratch.exists("site/partners/gone/results"))
    }

    @Test func aPartnerWithThousandsOfReferralsSeesTheLatest500AndACountOfTheRest() throws {
        let rows = (0..<503).map { index in
            let day = 1 + index % 28
            let month = 7 + index / 168
            return
                "2026-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day),acme,Company \(index),Qualified,,,"
        }
        let scratch = try PipelineTests.project(
            ["deals.csv": "Created,Partner,Company,Stage,Amount,Closed,Status\n" + rows.joined(separator: "\n") + "\n"])
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let page = try scratch.read("site/partners/acme/results/index.html")
        #expect(page.components(separatedBy: "<tr class=\"outcome-open\">").count - 1 == 500)
        #expect(
            page.contains(
                "<p class=\"meta\">And 3 earlier referrals: your partner manager can send you the full list.</p>"))
        // The oldest are the ones left out.
        #expect(
            page.contains("<th scope=\"row\">Company 502</th>") && !page.contains("<th scope=\"row\">Company 0</th>"))
    }

    @Test func aPartnersBriefSaysWhatMovedInItsPipelineLastMonth() throws {
        let (scratch, run) = try Self.built()
        #expect(run.status == 0, "\(run.stderr)")
        let page = try scratch.read("site/partners/acme/briefs/2026-11/index.html")
        #expect(
            page.contains(
                "<p>In October 2026 you referred 3 opportunities, 2 of them have qualified so far. Won: Northwind Foods. "
                    + "Lost: Keystone Retail. 1 referral is still open. "
                    + "<a href=\"../../../../partners/acme/results/index.html\">See each referral and your quarter</a>.</p>"
            ))
        // Nothing had been referred by October's brief.
        #expect(!(try scratch.read("site/partners/acme/briefs/2026-10/index.html")).contains("Your referrals"))
        let mail = try scratch.read("mail/2026-11/bridge/ana@bridge.example.eml")
            .replacingOccurrences(of: "\r\n", with: "\n")
        #expect(
            mail.contains(
                "Your referrals\n--------------\n\nIn October 2026 you referred 1 opportunity, and it has qualified.\n1 referral is still open.\n"
            ))
    }

    @Test func anEncryptedBuildShowsNoCompanyOrAmountInTheClear() throws {
        let (scratch, run) = try Self.built(encrypted: true)
        #expect(run.status == 0, "\(run.stderr)")
        let site = try scratch.snapshot("site")
        for (path, data) in site {
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["Northwind Foods", "Keystone Retail", "Supply", "Quillfeather", "Maple Wholesale", "12,500"]
            {
                #expect(!text.contains(secret), "\(path): \(secret)")
            }
        }
    }
}
