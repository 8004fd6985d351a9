import Foundation
import Testing

/// `portico welcome` writes a link only a site built with the contact's key opens: it refuses
/// while the site is older than the contact; on Tests/Fixtures/base.
@Suite struct WelcomeSiteTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(try PorticoRun.run(["keys", "init"], in: scratch.url).status == 0)
    }

    func run(_ arguments: [String]) throws -> PorticoRun {
        try PorticoRun.run(arguments, in: scratch.url)
    }

    func welcome(_ partner: String, _ email: String, _ extra: [String] = []) throws -> PorticoRun {
        try run(["welcome", partner, email, "--date", "2026-11-25"] + extra)
    }

    @Test func aContactAddedAfterTheBuildIsWelcomedOnlyAfterTheNextBuild() throws {
        #expect(try run(["build", "--date", "2026-11-25"]).status == 0)
        // Unchanged, a contact the site was built with is welcomed as before.
        let known = try welcome("bridge", "ana@bridge.example")
        #expect(known.status == 0)
        #expect(known.stdout == "Wrote mail/welcome/bridge/ana@bridge.example.eml\n")

        let added = try run(
            ["new", "contact", "bridge", "--name", "Zoë O'Neil", "--email", "zoe@bridge.example", "--role", "Lead"])
        #expect(added.status == 0)
        let early = try welcome("bridge", "Zoe@Bridge.example")
        #expect(early.status == 1)
        #expect(early.stdout == "")
        #expect(
            early.stderr
                == "error: site/ has no key for zoe@bridge.example: it was built before they were added or their "
                + "link was renewed, so their link would not open; run 'portico build', publish site/, then "
                + "'portico welcome bridge zoe@bridge.example' again\n")
        #expect(!scratch.exists("mail/welcome/bridge/zoe@bridge.example.eml"))

        #expect(try run(["build", "--date", "2026-11-25"]).status == 0)
        let after = try welcome("bridge", "zoe@bridge.example")
        #expect(after.status == 0)
        #expect(after.stdout == "Wrote mail/welcome/bridge/zoe@bridge.example.eml\n")
    }

    @Test func aRenewedLinkOrAMissingSiteIsRefusedToo() throws {
        #expect(try run(["build", "--date", "2026-11-25"]).status == 0)
        #expect(try run(["keys", "rotate", "--contact", "lee@acme.example"]).status == 0)
        let renewed = try welcome("acme", "lee@acme.example")
        #expect(renewed.status == 1)
        #expect(renewed.stderr.hasPrefix("error: site/ has no key for lee@acme.example: it was built before"))

        let elsewhere = try welcome("acme", "kim@acme.example", ["--output", "public"])
        #expect(elsewhere.status == 1)
        #expect(
            elsewhere.stderr
                == "error: there is no built site in public/ to check kim@acme.example's link against (--output "
                + "names it); run 'portico build --output public', publish public/, then "
                + "'portico welcome acme kim@acme.example' again\n")
        // A portal in the clear has no keys: any build's links open.
        #expect(try welcome("acme", "lee@acme.example", ["--no-encrypt", "--output", "public"]).status == 0)
    }
}
