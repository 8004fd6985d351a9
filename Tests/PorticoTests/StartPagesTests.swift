import Foundation
import Testing

/// The start pages, the team's vCards, the glossary links and the join form, on
/// Tests/Fixtures/base with Tests/Fixtures/briefs and a glossary.
@Suite struct StartPagesTests {
    let scratch: Scratch
    let run: PorticoRun

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("briefs")
        try scratch.write(
            """
            terms:
              - term: Data store
                also: [stored]
                definition: Where a client's invoices are kept.
              - term: Region
                definition: The country or area a client's data never leaves.

            """, to: "content/glossary.yml")
        try scratch.write(
            """
            ---
            title: Security objections
            kind: objection
            summary: Answers to the security questions clients ask first.
            owner: dana
            reviewed: 2026-09-14
            review_every: 120
            ---
            ## Where is the data stored?

            In the client's region, encrypted at rest. The region is chosen at signup; [region](https://fixture.example) notes.

            """, to: "content/assets/security-objections.md")
        run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
    }

    func page(_ path: String) throws -> String { try scratch.read("site/" + path) }

    func stepTitles(_ path: String) throws -> [String] {
        try page(path).components(separatedBy: "<span class=\"start-step-number\">").dropFirst().map {
            String($0.drop { $0 != " " }.dropFirst().prefix { $0 != "<" }).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func eachKindOfPartnerGetsSevenStepsInOrder() throws {
        #expect(run.status == 0)
        let common = [
            "The one-minute pitch and its boundaries", "The positioning one-pager", "The objection notes",
            "One implementation snapshot",
        ]
        #expect(
            try stepTitles("partners/acme/start/index.html")
                == common + ["How to refer", "Who is who", "The latest brief"])
        #expect(
            try stepTitles("partners/bridge/start/index.html")
                == common + ["How the integration works, and how to get support", "Who is who", "The latest brief"])
        let acme = try page("partners/acme/start/index.html")
        #expect(
            acme.contains(
                "<a href=\"../../../partners/acme/refer/index.html\">The refer page</a> <span class=\"muted\">2 min read</span>"
            ))
        #expect(
            acme.contains(
                "<a href=\"../../../partners/acme/briefs/2026-11/index.html\">November &amp; more &lt;for partners&gt;</a>"
            ))
        #expect(
            acme.contains(
                "<a href=\"../../../assets/fixture-in-one-page/index.html\">Fixture Co in one page</a> <span class=\"muted\">1 min read</span>"
            ))
        // Who is who: the manager with a vCard, the colleagues, our team.
        #expect(acme.contains("<a href=\"../../../team/dana.vcf\" download>Add Dana Ruiz to your contacts</a>"))
        #expect(
            acme.contains("<h3 class=\"person-name\">Lee Park</h3>")
                && acme.contains("<h3 class=\"person-name\">Kim Ode</h3>"))
        #expect(acme.contains("<a href=\"../../../team/omar.vcf\" download>Add to contacts (vCard)</a>"))
        // A checklist only with JavaScript: every "Done" box starts hidden.
        #expect(acme.components(separatedBy: "<p class=\"start-done\" hidden><input type=\"checkbox\"").count == 8)
        #expect(try page("start/index.html").contains("<a href=\"../refer/index.html\">The refer page</a>"))
    }

    @Test func theTeamsCardsAreVCards() throws {
        #expect(
            try page("team/dana.vcf")
                == "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:4f6353ce-6eaf-8140-60d8-8afd23f9df17\r\nFN:Dana Ruiz\r\n"
                + "N:Ruiz;Dana;;;\r\nORG:Fixture Co\r\nTITLE:Partner manager\r\nEMAIL;TYPE=work:dana@fixture.example\r\n"
                + "TEL;VALUE=uri;TYPE=work,voice:tel:+15550100\r\nEND:VCARD\r\n")
    }

    @Test func theFirstUseOfATermLinksToTheGlossaryOutsideHeadingsAndLinks() throws {
        let html = try page("assets/security-objections/index.html")
        // Not in the heading ("stored"), once for "region", not in the link that says "region".
        #expect(html.contains("<h2 id=\"where-is-the-data-stored\">Where is the data stored?</h2>"))
        #expect(
            html.contains(
                "<p>In the client's <a href=\"../../start/index.html#term-region\" title=\"Glossary: Region\">region</a>, "
                    + "encrypted at rest. The region is chosen at signup; <a href=\"https://fixture.example\">region</a> notes.</p>"
            ))
        let start = try page("start/index.html")
        #expect(start.contains("<dt id=\"term-data-store\">Data store</dt>"))
        #expect(start.contains("<dt id=\"term-region\">Region</dt>"))
    }

    @Test func aNewContactAsksForTheirLinkOnTheSignInPage() throws {
        let html = try page("sign-in/index.html")
        #expect(html.contains("<h2 id=\"join-heading\">I am new at a partner</h2>"))
        #expect(html.contains("data-mailto=\"mailto:partners@fixture.example\" data-subject=\"New partner contact:\""))
        for (name, type) in [("name", "text"), ("role", "text"), ("email", "email"), ("company", "text")] {
            #expect(html.contains("id=\"join-\(name)\" name=\"\(name)\" type=\"\(type)\""), "\(name)")
        }
        #expect(html.contains("<input type=\"hidden\" name=\"form\" value=\"join\">"))
    }
}
