import Foundation
import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoServe
import PorticoSite
import PorticoSupport
import Testing

/// Builds Tests/Fixtures/base with Tests/Fixtures/search laid over it: two public assets, one
/// for partners and one for the team, each with a word of its own in its body, and "lighthouse"
/// in one public asset's title and the other's body (docs/search.md).
@Suite struct SearchIndexTests {
    let scratch: Scratch
    let run: PorticoRun

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("search")
        run = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
    }

    func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The document numbers of `term` in `field` of an index, the gaps added up.
    static func postings(_ index: [String: Any], _ field: String, _ term: String) -> [Int] {
        let gaps = (index[field] as? [String: [Int]])?[term] ?? []
        var number = 0
        return gaps.map {
            number += $0
            return number
        }
    }

    static func titles(_ index: [String: Any]) -> [String] {
        (index["docs"] as? [[Any]] ?? []).compactMap { $0[1] as? String }
    }

    func accessPlan() throws -> (AccessPlan, Content) {
        let content = try PrivatePortalTests.loadContent(scratch.path("content"))
        let found = try MasterSecret.find(
            file: scratch.path("portico-secret.key"), displayPath: "portico-secret.key", environment: [:])
        return (AccessPlan(secret: try #require(found), content: content, epochs: AccessEpochs()), content)
    }

    @Test func thePublicIndexHoldsPublicDocumentsOnly() throws {
        #expect(run.status == 0)
        let data = try Data(contentsOf: scratch.path("site/search/public.json"))
        let index = try json(data)
        #expect(index["v"] as? Int == 1)
        let docs = try #require(index["docs"] as? [[Any]])
        #expect(
            docs.map { $0[3] as? String } == [
                "assets/dock-glossary/index.html", "assets/lighthouse-accounts/index.html",
            ])
        #expect(docs[0].count == 5 && docs[0][0] as? String == "guide" && docs[0][4] as? String == "2026-10-01")
        #expect(docs[1].count == 5, "the snapshot due for review says so only on the team's health page")
        let text = String(decoding: data, as: UTF8.self)
        let manifest = try scratch.read("site/search/manifest.json")
        for secret in ["Partner playbook", "zanzibarite", "Pricing floor", "marrowbone", "ROI calculator", "brulee"] {
            #expect(!text.contains(secret) && !manifest.contains(secret), "\(secret)")
        }
    }

    @Test func privateIndexesAreSealedAndOpenWithTheirGroupsKey() throws {
        let (plan, _) = try accessPlan()
        let manifest = try json(try Data(contentsOf: scratch.path("site/search/manifest.json")))
        let entries = try #require(manifest["indexes"] as? [[String: String]])
        #expect(
            entries == [
                ["name": "public", "url": "search/public.json"],
                ["name": "partners", "url": "search/partners.sealed", "group": try #require(plan.tags["partners"])],
                ["name": "team", "url": "search/team.sealed", "group": try #require(plan.tags["team"])],
            ])
        #expect(!scratch.exists("site/search/partners.json") && !scratch.exists("site/search/team.json"))
        for (group, title, word) in [
            ("partners", "Partner playbook", "zanzibarite"), ("team", "Pricing floor", "marrowbone"),
        ] {
            let sealed = try Data(contentsOf: scratch.path("site/search/\(group).sealed"))
            let clear = String(decoding: sealed, as: UTF8.self)
            #expect(!clear.contains(title) && !clear.contains(word) && !clear.contains("\"docs\""))
            let opened = try AccessCrypto.open(key: try #require(plan.contentKeys[group]), sealed: sealed)
            let index = try json(opened)
            // The base fixture's three assets are for partners, as the default visibility is.
            let titles = Self.titles(index)
            #expect(
                titles
                    == (group == "team"
                        ? [title] : ["Fixture Co in one page", title, "ROI calculator", "Security objections"]))
            let number = try #require(titles.firstIndex(of: title))
            #expect(Self.postings(index, "body", word) == [number])
            // Another group's key does not open it.
            let other = try #require(plan.contentKeys[group == "team" ? "partners" : "team"])
            #expect(throws: (any Error).self) { try AccessCrypto.open(key: other, sealed: sealed) }
        }
    }

    @Test func aBodyWordIsIndexedFoldedAndMarkupIsNot() throws {
        let index = try json(try Data(contentsOf: scratch.path("site/search/public.json")))
        #expect(Self.postings(index, "body", "quillwort") == [0])
        #expect(Self.postings(index, "heading", "gangway") == [0])
        // Raw HTML's shown text is text, a script's is not; link addresses are markup, not text,
        // and the link's own words are text.
        let text = try scratch.read("site/search/public.json")
        #expect(Self.postings(index, "body", "rawhtmlword") == [0])
        #expect(!text.contains("scriptword") && !text.contains("hiddenurlword") && !text.contains("example"))
        #expect(Self.postings(index, "body", "booking") == [0])
        let (plan, _) = try accessPlan()
        let sealed = try Data(contentsOf: scratch.path("site/search/partners.sealed"))
        let partners = try json(try AccessCrypto.open(key: try #require(plan.contentKeys["partners"]), sealed: sealed))
        let playbook = try #require(Self.titles(partners).firstIndex(of: "Partner playbook"))
        #expect(
            Self.postings(partners, "body", "creme") == [playbook]
                && Self.postings(partners, "body", "brulee") == [playbook])
    }

    @Test func titleTermsAreKeptApartFromBodyTermsForRanking() throws {
        let index = try json(try Data(contentsOf: scratch.path("site/search/public.json")))
        // "lighthouse" is the title of document 1 and in the text of document 0.
        #expect(Self.postings(index, "title", "lighthouse") == [1])
        #expect(Self.postings(index, "body", "lighthouse") == [0])
        // A term is listed once per document, in its best field: "accounts" is in document 1's
        // title only, though its summary says "customer" and its heading "first".
        #expect(Self.postings(index, "body", "accounts").isEmpty && Self.postings(index, "heading", "first") == [1])
        // Summaries are searched with the body.
        #expect(Self.postings(index, "body", "rhythm") == [1])
    }

    @Test func everyPageHasTheSearchBoxAndTheSearchPageWorksWithoutJavaScript() throws {
        for (page, root) in [
            ("index.html", ""), ("assets/dock-glossary/index.html", "../../"), ("sign-in/index.html", "../"),
        ] {
            let html = try scratch.read("site/" + page)
            #expect(
                html.contains(
                    "<form class=\"site-search\" role=\"search\" action=\"\(root)search/index.html\" method=\"get\">"))
            #expect(html.contains("<input type=\"search\" id=\"site-search-q\" name=\"q\""))
        }
        let search = try scratch.read("site/search/index.html")
        #expect(!search.contains("site-search-q"), "the search page has its own form instead")
        #expect(search.contains("<script src=\"../static/search.js\" defer></script>"))
        #expect(
            search.contains("needs JavaScript. Without it, browse the <a href=\"../assets/index.html\">library</a>"))
        #expect(!(try scratch.read("site/index.html")).contains("search.js"), "only the search page loads it")
        #expect(!(try scratch.read("site/sitemap.xml")).contains("search/"))
    }

    @Test func withNoEncryptEveryIndexIsInTheClear() throws {
        let clear = try PorticoRun.run(
            ["build", "--date", "2026-11-25", "--no-encrypt", "--output", "clear"], in: scratch.url)
        #expect(clear.status == 0)
        #expect(
            try scratch.read("clear/search/manifest.json")
                == "{\"v\":1,\"indexes\":[{\"name\":\"public\",\"url\":\"search/public.json\"},"
                + "{\"name\":\"partners\",\"url\":\"search/partners.json\"},{\"name\":\"team\",\"url\":\"search/team.json\"}]}"
        )
        let team = try json(try Data(contentsOf: scratch.path("clear/search/team.json")))
        #expect(Self.titles(team) == ["Pricing floor"] && Self.postings(team, "body", "marrowbone") == [0])
        #expect(!scratch.exists("clear/search/team.sealed"))
    }

    @Test func termsAreFoldedAndSplitAsTheBrowserDoes() {
        #expect(
            SearchTerms.terms("Crème BRÛLÉE, déjà-vu x 2026! Ærø’s naïve_test Ⅻ2")
                == ["creme", "brulee", "deja", "vu", "2026", "ærø", "naive", "test", "ⅻ2"])
        let text = SearchText.of(
            MarkdownSource(
                text:
                    "# Top **bold**\n\nSome *em*phasis and `code`.\n\n<p>html</p>\n\n<style>p{}</style>\n\n- one\n- two\n",
                start: SourceLocation(file: "x.md")))
        #expect(SearchTerms.terms(text.headings) == ["top", "bold"])
        #expect(SearchTerms.terms(text.body) == ["some", "emphasis", "and", "code", "html", "one", "two"])
    }
}
