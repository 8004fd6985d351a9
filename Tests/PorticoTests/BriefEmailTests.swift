import Foundation
import PorticoSupport
import Testing

/// What a brief's email says to its reader and to their mail provider: a greeting by first
/// name, and how to unsubscribe; on Tests/Fixtures/base with Tests/Fixtures/briefs.
@Suite struct BriefEmailTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("briefs")
    }

    func build() throws {
        let build = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(build.status == 0, "\(build.stderr)")
    }

    /// The header lines from List-Unsubscribe to MIME-Version, as written.
    func unsubscribeHeaders(_ relative: String) throws -> String {
        let message = try scratch.read(relative)
        let start = try #require(message.range(of: "List-Unsubscribe: "))
        let end = try #require(message.range(of: "MIME-Version: "))
        return String(message[start.lowerBound..<end.lowerBound])
    }

    func setFormAction(_ address: String) throws {
        let program = try scratch.read("content/program.yml")
        try scratch.write(
            program.replacingOccurrences(of: "referral:\n", with: "referral:\n  form_action: \(address)\n"),
            to: "content/program.yml")
    }

    static let mailto =
        "<mailto:dana@fixture.example?subject=Unsubscribe%20kim%40acme.example%20from%20the%20Fixture%20Partner"
        + "%20Portal%20briefs>"

    @Test func withoutAnHTTPSEndpointTheOnlyWayOutIsTheManagersAddress() throws {
        try build()
        #expect(
            try unsubscribeHeaders("mail/2026-11/acme/kim@acme.example.eml") == "List-Unsubscribe: \(Self.mailto)\r\n")
        // A form endpoint on this machine (plain http) cannot be One-Click's (RFC 8058 wants https).
        try setFormAction("http://127.0.0.1:8025/referrals")
        try build()
        #expect(
            try unsubscribeHeaders("mail/2026-11/acme/kim@acme.example.eml") == "List-Unsubscribe: \(Self.mailto)\r\n")
    }

    @Test func anHTTPSFormEndpointIsTheOneClickUnsubscribeWithWhoInItsQuery() throws {
        try setFormAction("https://forms.fixture.example/referrals?via=portal#top")
        try build()
        #expect(
            try unsubscribeHeaders("mail/2026-11/acme/kim@acme.example.eml")
                == "List-Unsubscribe: \(Self.mailto),\r\n"
                + " <https://forms.fixture.example/referrals?via=portal&form=unsubscribe&partner=acme&email=kim%40acme.example>\r\n"
                + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n")
        // The parts still offer the mailto, which works from any client.
        let mail = try ContactCommandsTests.parse(scratch.path("mail/2026-11/acme/kim@acme.example.eml"))
        #expect(mail.headers.contains("List-Unsubscribe-Post"))
        #expect(mail.parts[0].body.contains("Unsubscribe: mailto:dana@fixture.example?subject=Unsubscribe"))
    }

    @Test func anUnsubscribeAddressCannotEndItsHeaderOrTheListEarly() {
        #expect(
            MailHeader.unsubscribe(mailto: nil, oneClick: "https://f.example/a b,<c>\"d\r\nX-Evil: é")
                == [
                    "List-Unsubscribe: <https://f.example/a%20b%2C%3Cc%3E%22d%20X-Evil:%20%C3%A9>\r\n",
                    "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
                ])
        #expect(MailHeader.unsubscribe(mailto: nil, oneClick: nil).isEmpty)
    }

    @Test func theBriefGreetsEachReaderByTheirFirstNameInBothParts() throws {
        let added = try PorticoRun.run(
            ["new", "contact", "acme", "--name", "Zoë  O'Neil", "--email", "zoe@acme.example", "--role", "CTO"],
            in: scratch.url)
        #expect(added.status == 0)
        try build()
        let kim = try ContactCommandsTests.parse(scratch.path("mail/2026-11/acme/kim@acme.example.eml"))
        #expect(kim.parts[0].body.hasPrefix("Hello Kim,\n\n"))
        #expect(kim.parts[1].body.contains(#"<p style="margin:0 0 14px;">Hello Kim,</p>"#))
        let zoe = try ContactCommandsTests.parse(scratch.path("mail/2026-11/acme/zoe@acme.example.eml"))
        #expect(zoe.to == "Zoë  O'Neil <zoe@acme.example>")
        #expect(zoe.parts[0].body.hasPrefix("Hello Zoë,\n\n"))
        #expect(zoe.parts[1].body.contains(#"<p style="margin:0 0 14px;">Hello Zoë,</p>"#))
    }
}
