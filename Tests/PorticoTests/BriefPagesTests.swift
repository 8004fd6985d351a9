import Foundation
import Testing

/// Builds Tests/Fixtures/base with Tests/Fixtures/briefs laid over it: a public October brief, a
/// November brief for partners whose campaigns and story are filled in, a draft, two stories and
/// five campaigns for different kinds, tiers and readers.
@Suite struct BriefPagesTests {
    let scratch: Scratch
    let run: PorticoRun

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("briefs")
        run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
    }

    func page(_ path: String) throws -> String { try scratch.read("site/" + path) }

    /// The campaign names a page lists, in order.
    func campaigns(_ path: String) throws -> [String] {
        try page(path).components(separatedBy: "<h3 class=\"campaign-title\">").dropFirst().map { card in
            let title = card.prefix { $0 != "\n" }.replacingOccurrences(
                of: "<[^>]+>", with: "", options: .regularExpression)
            return String(title)
        }
    }

    @Test func buildsEveryBriefPageButTheDraftAndNothingForRetiredPartners() throws {
        #expect(run.status == 0)
        #expect(
            run.stderr
                == PorticoRun.clearTextAlert
                + "content/briefs/2026-12.md:2:1: warning: brief 2026-12 has no success story\n"
                + "  hint: set 'story' to a story id, or write a '## Success story' section\n"
                + "content/campaigns.yml:10:5: warning: campaign 'referral-bonus' still targets 'sunset', which is "
                + "sunsetting\n"
                + "  hint: a partnership that is ending is shown no campaigns; narrow 'for' if it should not count them\n"
        )
        for path in [
            "briefs/index.html", "briefs/2026-10/index.html", "briefs/2026-11/index.html", "briefs/feed.xml",
            "calendar.ics", "stories/acme-win/index.html", "stories/bridge-live/index.html",
            "partners/acme/briefs/2026-11/index.html", "partners/bridge/briefs/2026-10/index.html",
            "partners/sunset/briefs/2026-11/index.html", "partners/acme/calendar.ics", "partners/bridge/calendar.ics",
        ] {
            #expect(scratch.exists("site/" + path), "\(path)")
        }
        for path in ["briefs/2026-12", "partners/gone", "partners/sunset/calendar.ics"] {
            #expect(!scratch.exists("site/" + path), "\(path)")
        }
        let archive = try page("briefs/index.html")
        #expect(
            archive.range(of: "November &amp; more")!.lowerBound
                < archive.range(of: "October at Fixture Co")!.lowerBound)
    }

    @Test func eachPartnerSeesTheCampaignsForItsKindAndTierAndNoTeamOnes() throws {
        #expect(
            try campaigns("partners/acme/briefs/2026-11/index.html") == [
                "Year-end referral bonus", "Gold partner webinar",
            ])
        #expect(try campaigns("partners/bridge/briefs/2026-11/index.html") == ["Connector sprint"])
        // A partnership that is winding down is not offered campaigns, nor asked for referrals.
        #expect(try campaigns("partners/sunset/briefs/2026-11/index.html") == [])
        #expect(!(try page("partners/sunset/briefs/2026-11/index.html")).contains("refer-line"))
        // The brief for all partners lists every campaign partners may see in its window.
        #expect(
            try campaigns("briefs/2026-11/index.html")
                == ["Year-end referral bonus", "Gold partner webinar", "Connector sprint"])
        // A public brief shows only public campaigns.
        #expect(try campaigns("briefs/2026-10/index.html") == ["Gold partner webinar"])
        for path in ["briefs/2026-11/index.html", "partners/acme/briefs/2026-11/index.html", "calendar.ics"] {
            #expect(!(try page(path)).contains("Team offsite"), "\(path)")
            #expect(!(try page(path)).contains("Spring push"), "\(path)")
        }
    }

    @Test func aPartnersCopyGreetsItNamesItsManagerAndAsksOnceQuietly() throws {
        let html = try page("partners/acme/briefs/2026-11/index.html")
        #expect(
            html.contains(
                "<p class=\"brief-greeting\">Hello Acme Consulting: this is your copy of the November 2026 brief, "
                    + "from Dana Ruiz, your partner manager.</p>"))
        #expect(html.contains("<h1>November &amp; more &lt;for partners&gt;</h1>"))
        #expect(html.components(separatedBy: "class=\"refer-line\"").count == 2)
        #expect(html.contains("<a href=\"../../../../partners/acme/refer/index.html\">your referral page</a>"))
        // Its own joint win, and the brief's story.
        #expect(html.contains("<h2 id=\"joint-wins\">Your joint wins</h2>"))
        #expect(html.contains("Acme and Fixture Co close Northwind&#39;s books in three days"))
        #expect(html.contains("<h2 id=\"success-story\">Success story</h2>"))
        #expect(html.contains("Bridge&#39;s connector goes live at Harbor"))
        let bridge = try page("partners/bridge/briefs/2026-11/index.html")
        #expect(!bridge.contains("Northwind"))
        // Bridge's own win is the brief's story: it is not listed a second time among its wins.
        #expect(bridge.components(separatedBy: "Bridge&#39;s connector goes live at Harbor").count == 2)
        #expect(!bridge.contains("joint-wins"))
        // October's copy, the first brief, lists what the library changed in the two months
        // before it: security-objections (reviewed 2026-09-14), not roi-calculator (2026-10-01).
        let october = try page("partners/acme/briefs/2026-10/index.html")
        let changes = try #require(october.components(separatedBy: "<h2 id=\"library-changes\">").last)
        #expect(changes.hasPrefix("New and updated in the library</h2>"))
        #expect(changes.contains("../../../../assets/security-objections/index.html"))
        #expect(!changes.contains("roi-calculator"))
    }

    @Test func theFeedAndTheCalendarCarryThePublicBriefsAndCampaigns() throws {
        let feed = try page("briefs/feed.xml")
        #expect(feed.contains("<id>tag:partners.fixture.example,2026:briefs/2026-10</id>"))
        #expect(
            feed.contains(
                "<link rel=\"alternate\" type=\"text/html\" href=\"https://partners.fixture.example/briefs/2026-10/\"/>"
            ))
        #expect(!feed.contains("2026-11"))
        let calendar = try page("calendar.ics")
        #expect(calendar.contains("UID:campaign-gold-webinar@partners.fixture.example\r\n"))
        #expect(calendar.contains("DTSTART;VALUE=DATE:20261110\r\nDTEND;VALUE=DATE:20261121\r\n"))
        #expect(calendar.contains("DTSTAMP:20261125T000000Z\r\n"))
        #expect(!calendar.contains("Year-end referral bonus"))
        #expect(try page("partners/acme/calendar.ics").contains("SUMMARY:Year-end referral bonus\r\n"))
    }

    @Test func everyContactOfEveryPartnerButRetiredOnesGetsOneMessagePerBrief() throws {
        let messages = try scratch.snapshot("mail").keys.filter { $0.hasSuffix(".eml") }.sorted()
        var expected: [String] = []
        for month in ["2026-10", "2026-11"] {
            expected += [
                "\(month)/acme/kim@acme.example.eml", "\(month)/acme/lee@acme.example.eml",
                "\(month)/bridge/ana@bridge.example.eml", "\(month)/bridge/tom@bridge.example.eml",
                "\(month)/sunset/ira@sunset.example.eml", "\(month)/sunset/joy@sunset.example.eml",
            ]
        }
        #expect(messages == expected)
        let message = try scratch.read("mail/2026-11/acme/lee@acme.example.eml")
        let headers = message.components(separatedBy: "\r\n\r\n")[0]
        #expect(headers.hasPrefix("From: Dana Ruiz <dana@fixture.example>\r\nTo: Lee Park <lee@acme.example>\r\n"))
        #expect(headers.contains("Date: Sun, 01 Nov 2026 09:00:00 +0000\r\n"))
        #expect(headers.contains("Message-ID: <brief-2026-11.acme."))
        #expect(
            headers.contains(
                "List-Unsubscribe: <mailto:dana@fixture.example?subject=Unsubscribe%20lee%40acme.example%20from%20the%20Fixture%20Partner%20Portal%20briefs>"
            ))
        #expect(!message.contains("<script"))
    }
}
