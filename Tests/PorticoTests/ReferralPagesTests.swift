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

/// Builds Tests/Fixtures/base and checks the referral and deal-registration pages: the form
/// each partner gets, the owner and response time it names, and where submissions go.
@Suite struct ReferralPagesTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(run.status == 0)
    }

    func page(_ path: String) throws -> String { try scratch.read("site/" + path) }

    func controls(_ path: String, form: String = "referral-form") throws -> [String] {
        FormControl.controls(in: try page(path), formID: form).map(\.description)
    }

    @Test func partnerFormHasTheOverriddenFieldsTypesRequiredFlagsAndHiddenCredit() throws {
        // acme overrides `required` to add timeline; the program's optional fields follow.
        #expect(
            try controls("partners/acme/refer/index.html") == [
                "company:text!", "contact_name:text!", "contact_email:email!", "problem:textarea!", "timeline:text!",
                "website:url", "sites:number", "consent:checkbox", "referrer_name:text!", "referrer_email:email!",
                "form:hidden=referral", "partner:hidden=acme", "referral_code:hidden=ACME-7",
            ])
    }

    @Test func partnerWithoutOverridesGetsTheProgramFieldsAndADefaultCode() throws {
        #expect(
            try controls("partners/bridge/refer/index.html") == [
                "company:text!", "contact_name:text!", "contact_email:email!", "problem:textarea!", "website:url",
                "sites:number", "consent:checkbox", "referrer_name:text!", "referrer_email:email!",
                "form:hidden=referral", "partner:hidden=bridge", "referral_code:hidden=BRIDGE",
            ])
    }

    @Test func publicFormAsksWhichPartnerIsReferringAndForTheirCode() throws {
        #expect(
            try controls("refer/index.html") == [
                "company:text!", "contact_name:text!", "contact_email:email!", "problem:textarea!", "website:url",
                "sites:number", "consent:checkbox", "referrer_name:text!", "referrer_email:email!", "partner:text!",
                "referral_code:text", "form:hidden=referral",
            ])
    }

    @Test func registrationFormsUseTheRegistrationFields() throws {
        #expect(
            try controls("partners/acme/refer/register/index.html", form: "registration-form") == [
                "company:text!", "contact_email:email!", "expected_close:date!", "notes:textarea",
                "referrer_name:text!", "referrer_email:email!", "form:hidden=registration", "partner:hidden=acme",
                "referral_code:hidden=ACME-7",
            ])
        #expect(
            try controls("refer/register/index.html", form: "registration-form") == [
                "company:text!", "contact_email:email!", "expected_close:date!", "notes:textarea",
                "referrer_name:text!", "referrer_email:email!", "partner:text!", "referral_code:text",
                "form:hidden=registration",
            ])
        let html = try page("partners/acme/refer/register/index.html")
        #expect(html.contains("protected in your name for <strong>90 days</strong>"))
        #expect(html.contains("The earlier accepted registration wins."))
    }

    @Test func everyControlHasALabelNamingIt() throws {
        for path in ["refer/index.html", "partners/acme/refer/index.html"] {
            let html = try page(path)
            for control in FormControl.controls(in: html, formID: "referral-form") where control.type != "hidden" {
                #expect(html.contains("<label for=\"referral-\(control.name)\">"), "\(path): \(control.name)")
                #expect(html.contains("id=\"referral-\(control.name)\" name=\"\(control.name)\""), "\(path)")
            }
        }
    }

    @Test func partnerPageNamesItsManagerAsOwnerWithItsOwnResponseTime() throws {
        let html = try page("partners/acme/refer/index.html")
        #expect(
            html.contains(
                "<strong>What happens next:</strong> Dana Ruiz (Partner manager) picks this up, replies within "
                    + "8 hours and holds a first call with the client within 5 days."))
        #expect(html.contains("data-mailto=\"mailto:partners@fixture.example?cc=dana@fixture.example\""))
        #expect(html.contains("data-subject=\"Referral from Acme Consulting:\""))
        #expect(html.contains("<strong class=\"code\">ACME-7</strong>"))
        // The checklist and the rest of the terms come from the program.
        #expect(html.contains("<label for=\"qualifies-2\">Matches more than 2,000 invoices a month</label>"))
        #expect(html.contains("<tr><th scope=\"row\">Qualified</th><td>A 200 EUR voucher</td></tr>"))
        #expect(html.contains("The first partner to register a qualified client gets the credit."))
        #expect(html.contains("You hear the outcome of every referral within two weeks."))
    }

    @Test func publicPageNamesTheProgramsOwnerAndCopiesNobody() throws {
        let html = try page("refer/index.html")
        #expect(
            html.contains(
                "<strong>What happens next:</strong> Omar Haddad (Solutions engineer) picks this up, replies within "
                    + "24 hours and holds a first call with the client within 5 days."))
        #expect(html.contains("data-mailto=\"mailto:partners@fixture.example\""))
        #expect(html.contains("data-subject=\"Referral:\""))
        #expect(html.contains("<script src=\"../static/refer.js\" defer></script>"))
    }

    @Test func navigationHomeAndPartnerPagesLeadToTheReferPages() throws {
        let home = try page("index.html")
        // data-portico-nav: once a key has opened a page, static/unlock.js leads them to the
        // reader's own refer page (check-private-portal tries it in Chromium).
        #expect(home.contains("<a href=\"refer/index.html\" data-portico-nav=\"refer\">Refer</a>"))
        #expect(home.contains("<a href=\"refer/index.html\" data-portico-nav=\"refer\">how to refer</a>"))
        let partner = try page("partners/acme/index.html")
        let button = "<a class=\"button\" href=\"../../partners/acme/refer/index.html\">Refer an opportunity</a>"
        #expect(partner.contains(button))
        #expect(partner.contains("<a href=\"../../partners/acme/refer/register/index.html\">Register a deal</a>"))
        #expect(partner.contains("Your referral code is <strong class=\"code\">ACME-7</strong>"))
        let refer = try page("partners/acme/refer/index.html")
        #expect(
            refer.contains(
                "<a href=\"../../../refer/index.html\" data-portico-nav=\"refer\" aria-current=\"page\">Refer</a>"))
        #expect(refer.contains("<a href=\"../../../partners/acme/index.html\">Back to your partner page</a>"))
    }

    @Test func withoutJavaScriptTheFallbackLinkOpensAnEmailToFillIn() throws {
        let html = try page("partners/acme/refer/index.html")
        let start = try #require(html.range(of: "<a id=\"mailto-fallback\" href=\""))
        let href = FormControl.unescape(String(html[start.upperBound...].prefix { $0 != "\"" }))
        let decoded = try MailtoDecoder.decode(href)
        #expect(decoded.to == "partners@fixture.example")
        #expect(decoded.fields["cc"] == "dana@fixture.example")
        #expect(decoded.fields["subject"] == "Referral from Acme Consulting: ")
        #expect(
            decoded.fields["body"]
                == [
                    "Company: ", "Contact name: ", "Contact email: ", "Problem to solve: ", "Timeline: ",
                    "Company website: ", "Number of sites: ", "The contact agreed to be introduced: ", "Your name: ",
                    "Your email: ", "Partner: Acme Consulting", "Referral code: ACME-7",
                ].joined(separator: "\r\n"))
    }
}

/// The same pages with a form endpoint, and with no way to refer at all.
@Suite struct ReferralRoutesTests {
    func build(replacing old: String, with new: String) throws -> Scratch {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let program = try scratch.read("content/program.yml")
        try scratch.write(program.replacingOccurrences(of: old, with: new), to: "content/program.yml")
        try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        return scratch
    }

    @Test func withAFormEndpointTheFormPostsThereAndComposesNoEmail() throws {
        let scratch = try build(
            replacing: "  email: partners@fixture.example\n",
            with: "  email: partners@fixture.example\n  form_action: https://forms.fixture.example/in?src=portal&x=1\n")
        let html = try scratch.read("site/partners/acme/refer/index.html")
        #expect(
            FormControl.formTag(in: html, id: "referral-form")
                == "<form id=\"referral-form\" class=\"card referral-form\" method=\"post\" "
                + "action=\"https://forms.fixture.example/in?src=portal&amp;x=1\"")
        #expect(!html.contains("data-mailto"))
        #expect(!html.contains("mailto-fallback"))
        #expect(
            FormControl.controls(in: html, formID: "referral-form").filter { $0.type == "hidden" }.map(\.description)
                == ["form:hidden=referral", "partner:hidden=acme", "referral_code:hidden=ACME-7"])
        #expect(html.contains("Dana Ruiz (Partner manager) picks this up, replies within 8 hours"))
    }

    @Test func withNoRouteThePageSaysWhomToWriteTo() throws {
        let scratch = try build(replacing: "  email: partners@fixture.example\n", with: "")
        let html = try scratch.read("site/partners/acme/refer/index.html")
        // The header's search box is the page's only form.
        #expect(html.components(separatedBy: "<form").count == 2 && html.contains("<form class=\"site-search\""))
        #expect(html.contains("Referrals cannot be sent online yet. Write to Dana Ruiz at"))
    }
}

/// RFC 6068 encoding, checked by an independent decoder (Python's urllib.parse).
@Suite struct MailtoEncodingTests {
    @Test func everyAwkwardCharacterRoundTripsThroughPython() throws {
        let subject = "Referral from Zoë & Søn #1: 50% off? a+b=c"
        let body = "Company: Łukasiewicz & Co\nProblem: 100% #fail?\r\nQuote: \"x\" <y> 'z'\n\nEnd; ~_.-!*()"
        let url = MailtoURL(
            to: ["partners@fixture.example"], cc: ["dana@fixture.example"], subject: subject, body: body
        ).string
        #expect(!url.contains(" "))
        #expect(!url.contains("\n"))
        let decoded = try MailtoDecoder.decode(url)
        #expect(decoded.to == "partners@fixture.example")
        #expect(decoded.fields["cc"] == "dana@fixture.example")
        #expect(decoded.fields["subject"] == subject)
        // RFC 6068: line breaks in a body are CRLF.
        #expect(
            decoded.fields["body"]
                == "Company: Łukasiewicz & Co\r\nProblem: 100% #fail?\r\nQuote: \"x\" <y> 'z'\r\n\r\nEnd; ~_.-!*()")
    }
}

/// Decodes a mailto URL with Python's urllib.parse, so the encoder is not checked by itself.
enum MailtoDecoder {
    struct Decoded {
        var to: String
        var fields: [String: String]
    }

    static func decode(_ url: String) throws -> Decoded {
        let script = """
            import json, sys, urllib.parse
            parts = urllib.parse.urlsplit(sys.argv[1])
            query = urllib.parse.parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
            print(json.dumps({"to": urllib.parse.unquote(parts.path), "scheme": parts.scheme,
                              "fields": {k: v[0] for k, v in query.items()}, "counts": [len(v) for v in query.values()]}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Output: Decodable {
            var to: String
            var scheme: String
            var fields: [String: String]
            var counts: [Int]
        }
        let output = try JSONDecoder().decode(Output.self, from: data)
        #expect(output.scheme == "mailto")
        #expect(output.counts.allSatisfy { $0 == 1 }, "each field appears once")
        return Decoded(to: output.to, fields: output.fields)
    }
}
