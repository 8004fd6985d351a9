import Foundation
import PorticoSite
import Testing

/// Builds Tests/Fixtures/base with the real binary and checks what each kind of page shows.
@Suite struct PortalPagesTests {
    let scratch: Scratch
    let run: PorticoRun

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
        run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
    }

    func page(_ path: String) throws -> String { try scratch.read("site/" + path) }

    @Test func buildSucceedsQuietlyWithASummaryLine() throws {
        #expect(run.status == 0)
        #expect(run.stderr == PorticoRun.clearTextAlert)
        let summary = try #require(run.stdout.split(separator: "\n").last)
        #expect(summary.hasPrefix("Built 25 pages into site/ (0 warnings) in "))
    }

    @Test func writesEveryPageAndNoPageForRetiredPartners() throws {
        let files = try scratch.snapshot("site").keys.filter { !$0.hasPrefix("static/") }.sorted()
        #expect(
            files == [
                ".portico-site", "404.html", "assets/fixture-in-one-page/index.html", "assets/index.html",
                "assets/roi-calculator/index.html", "assets/security-objections/index.html", "health/index.html",
                "index.html", "partners/acme/index.html",
                "partners/acme/refer/index.html", "partners/acme/refer/register/index.html",
                "partners/acme/start/index.html", "partners/bridge/index.html", "partners/bridge/refer/index.html",
                "partners/bridge/refer/register/index.html", "partners/bridge/start/index.html",
                "partners/index.html", "partners/sunset/index.html", "partners/sunset/refer/index.html",
                "partners/sunset/refer/register/index.html", "partners/sunset/start/index.html",
                "refer/index.html", "refer/register/index.html", "robots.txt", "search/index.html",
                "search/manifest.json", "search/partners.json",
                "search/public.json", "sign-in/index.html", "sitemap.xml",
                "start/index.html", "team/dana.vcf", "team/omar.vcf",
            ])
        #expect(scratch.exists("site/static/portico.css"))
    }

    @Test func homeShowsPositioningBoundariesTiersAndActivePartners() throws {
        let html = try page("index.html")
        #expect(html.hasPrefix("<!doctype html>") || html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Fixture Partner Portal"))
        #expect(html.contains("Fixture Co reconciles <strong>invoices</strong> for mid-sized firms."))
        #expect(html.contains("Invoice matching"))
        #expect(html.contains("Process design"))
        #expect(html.contains("The partner introduces; we demo."))
        #expect(html.contains("Three referrals a quarter."))
        #expect(html.contains("Joint planning"))
        // The home page is public: it leads to the partner directory but names no partner.
        #expect(html.contains("<a class=\"button\" href=\"partners/index.html\">Partner directory</a>"))
        #expect(!html.contains("Acme"))
        // The directory lists active partners only.
        let directory = try page("partners/index.html")
        #expect(directory.contains("<a href=\"../partners/acme/index.html\">Acme Consulting</a>"))
        #expect(!directory.contains("partners/bridge/index.html"))
        #expect(!directory.contains("partners/sunset/index.html"))
        #expect(html.contains("href=\"assets/index.html\""))
        #expect(html.contains("href=\"static/portico.css\""))
    }

    @Test func libraryGroupsAssetsByKindWithOwnerAndReviewState() throws {
        let html = try page("assets/index.html")
        let objections = try #require(html.range(of: "Objection handling"))
        let guides = try #require(html.range(of: "Guides"))
        #expect(objections.lowerBound < guides.lowerBound)
        #expect(html.contains("href=\"../assets/security-objections/index.html\""))
        #expect(html.contains("Answers to the security questions clients ask first."))
        #expect(html.contains("Dana Ruiz"))
        #expect(html.contains("Omar Haddad"))
        #expect(html.contains("Updated <time datetime=\"2026-10-01\">2026-10-01</time>"))
        #expect(!html.contains("Review due"))
        #expect(html.contains("href=\"../static/portico.css\""))
    }

    @Test func assetPageHasBodyOutlineOwnerAndReviewDate() throws {
        let html = try page("assets/roi-calculator/index.html")
        #expect(html.contains("<h1"))
        #expect(html.contains("ROI calculator"))
        #expect(html.contains("<h2 id=\"how-to-use-it\">How to use it</h2>"))
        #expect(html.contains("href=\"#how-to-use-it\""))
        #expect(html.contains("href=\"#worked-example\""))
        #expect(html.contains("<table>"))
        #expect(html.contains("mailto:omar@fixture.example"))
        #expect(html.contains("Omar Haddad"))
        #expect(html.contains("<dt>Updated</dt>\n        <dd><time datetime=\"2026-10-01\">2026-10-01</time></dd>"))
        #expect(!html.contains("Review due"))
        #expect(html.contains("href=\"../../static/portico.css\""))
    }

    /// Review upkeep is the team's: the build warns and the health page lists what is due, while
    /// the pages partners read show only when the asset was updated.
    @Test func reviewDueIsWarnedAndListedForTheTeamOnly() throws {
        let later = try PorticoRun.run(
            ["build", "--date", "2027-02-01", "--output", "later", "--no-encrypt"], in: scratch.url)
        #expect(later.status == 0)
        #expect(
            later.stderr.contains(
                "content/assets/security-objections.md:6:11: warning: review due: 'security-objections' was last "
                    + "reviewed 2026-09-14 and was due for review on 2027-01-12"))
        let due = try scratch.read("later/assets/security-objections/index.html")
        #expect(due.contains("<dt>Updated</dt>\n        <dd><time datetime=\"2026-09-14\">2026-09-14</time></dd>"))
        for page in ["assets/security-objections/index.html", "assets/index.html", "index.html", "start/index.html"] {
            let html = try scratch.read("later/" + page)
            #expect(
                !html.contains("Review due") && !html.contains("2027-01-12") && !html.contains("health/"), "\(page)")
        }
        let health = try scratch.read("later/health/index.html")
        #expect(health.contains("security-objections") && health.contains("2027-01-12"))
    }

    @Test func partnerPageShowsManagerContactsTierAndFeaturedAssetsFirst() throws {
        let html = try page("partners/acme/index.html")
        #expect(html.contains("Acme Consulting"))
        #expect(html.contains("Finance teams at <strong>retailers</strong>."))
        #expect(html.contains("Dana Ruiz"))
        #expect(html.contains("mailto:dana@fixture.example"))
        #expect(html.contains("tel:+1 555 0100") || html.contains("tel:+15550100"))
        #expect(html.contains("Lee Park"))
        #expect(html.contains("mailto:kim@acme.example"))
        #expect(html.contains("Gold"))
        #expect(html.contains("Named manager"))
        let featured = try #require(html.range(of: "../../assets/roi-calculator/index.html"))
        let other = try #require(html.range(of: "../../assets/security-objections/index.html"))
        #expect(featured.lowerBound < other.lowerBound)
        #expect(html.contains("https://acme.example"))
    }

    @Test func integrationPartnerSeesOnlyAssetsForIntegrationPartners() throws {
        let html = try page("partners/bridge/index.html")
        #expect(html.contains("Bridge Ledger"))
        #expect(html.contains("security-objections/index.html"))
        // roi-calculator is for referral partners only.
        #expect(!html.contains("roi-calculator"))
        #expect(html.contains("Omar Haddad"))
    }

    @Test func sunsettingPartnerGetsAPlainPageWithoutPromotions() throws {
        let html = try page("partners/sunset/index.html")
        #expect(html.contains("Sunset Advisors"))
        #expect(html.contains("Ira Cole"))
        #expect(html.contains("Dana Ruiz"))
        #expect(!html.contains("Named manager"))
        #expect(!html.lowercased().contains("featured"))
        #expect(html.contains("security-objections/index.html"))
    }

    @Test func sitemapListsPublicPagesWithAbsoluteURLs() throws {
        let xml = try page("sitemap.xml")
        #expect(
            xml == """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>https://partners.fixture.example/</loc></url>
                  <url><loc>https://partners.fixture.example/refer/</loc></url>
                  <url><loc>https://partners.fixture.example/refer/register/</loc></url>
                  <url><loc>https://partners.fixture.example/sign-in/</loc></url>
                  <url><loc>https://partners.fixture.example/start/</loc></url>
                </urlset>

                """)
        #expect(
            try page("robots.txt")
                == "User-agent: *\nAllow: /\nSitemap: https://partners.fixture.example/sitemap.xml\n")
    }

    @Test func notFoundPageCarriesItsOwnStylesAndAbsoluteLinks() throws {
        let html = try page("404.html")
        #expect(html.contains("<style>"))
        #expect(!html.contains("static/portico.css"))
        #expect(html.contains("href=\"https://partners.fixture.example/index.html\""))
        // A visitor who mistyped an address is sent to public pages only, never to the library,
        // which only a personal link opens.
        #expect(html.contains("href=\"https://partners.fixture.example/search/index.html\">Search the portal</a>"))
        #expect(html.contains("href=\"https://partners.fixture.example/sign-in/index.html\""))
        let main = try #require(html.components(separatedBy: "<main").last?.components(separatedBy: "</main>").first)
        #expect(!main.contains("assets/index.html"))
    }

    /// A brief titled after its month is listed without the month twice; others get the month.
    @Test func briefsAreListedWithTheirMonthOnce() {
        #expect(
            BriefListingContext.listedTitle(monthLabel: "December 2026", title: "December: clearer claims")
                == "December: clearer claims")
        #expect(
            BriefListingContext.listedTitle(monthLabel: "December 2026", title: "Clearer claims")
                == "December 2026: Clearer claims")
    }

    @Test func noLinkIsAbsoluteOrLocal() throws {
        for (path, data) in try scratch.snapshot("site") where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for attribute in ["href=\"", "src=\""] {
                var rest = html[...]
                while let range = rest.range(of: attribute) {
                    let value = rest[range.upperBound...].prefix { $0 != "\"" }
                    #expect(!value.hasPrefix("/"), "\(path): \(value)")
                    #expect(!value.contains(scratch.url.path), "\(path): \(value)")
                    #expect(!value.hasPrefix("file:"), "\(path): \(value)")
                    rest = rest[range.upperBound...]
                }
            }
        }
    }
}
