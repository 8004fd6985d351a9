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

/// `portico new contact` and `portico welcome`, on Tests/Fixtures/base.
@Suite struct ContactCommandsTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
    }

    /// Acme's fixture file with comments above, between and after its contacts, at the end of
    /// lines, and quoting of several kinds.
    static let commentedAcme = """
        # Acme: our first referral partner.
        name: Acme Consulting
        kind: referral
        tier: gold
        status: active
        since: 2026-09-01
        manager: dana
        website: https://acme.example
        audience: |
          Finance teams at **retailers**.
        # Who we talk to at Acme.
        contacts:
          - name: Lee Park   # the champion
            role: 'Alliance lead'
            email: lee@acme.example
            since: 2025-03-01

          # Kim joined in the autumn.
          - name: "Kim Ode"
            role: Sales lead
            email: kim@acme.example
        # End of the contacts.

        featured: [roi-calculator]   # shown first
        referral_code: ACME-7
        referral:
          required: [company, contact_name, contact_email, problem, timeline]
          handoff:
            response_hours: 8

        """

    func newContact(_ partner: String, _ name: String, _ email: String, _ extra: [String] = []) throws -> PorticoRun {
        try PorticoRun.run(
            ["new", "contact", partner, "--name", name, "--email", email, "--role", "Head of growth"] + extra,
            in: scratch.url)
    }

    @Test func newContactKeepsEveryLineAndCommentAndTheEditedFileBuilds() throws {
        try scratch.write(Self.commentedAcme, to: "content/partners/acme.yml")
        let added = try newContact("acme", "Zoë O'Neil: CTO", "zoe@acme.example", ["--since", "2026-11-02"])
        #expect(added.status == 0)
        #expect(added.stderr == "")
        #expect(
            added.stdout
                == "Added Zoë O'Neil: CTO to content/partners/acme.yml; build and send them their link: "
                + "portico welcome acme zoe@acme.example\n")
        #expect(
            try scratch.read("content/partners/acme.yml")
                == Self.commentedAcme.replacingOccurrences(
                    of: "    email: kim@acme.example\n",
                    with: """
                            email: kim@acme.example
                          - name: "Zoë O'Neil: CTO"
                            role: Head of growth
                            email: zoe@acme.example
                            since: 2026-11-02

                        """))
        let build = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(build.status == 0)
        let page = try scratch.read("site/partners/acme/index.html")
        #expect(page.contains("Zoë O&#39;Neil: CTO") || page.contains("Zoë O'Neil: CTO"))
        #expect(page.contains("zoe@acme.example"))
    }

    @Test func anAddressAlreadyInUseAnywhereIsRefusedAndNothingChanges() throws {
        let before = try scratch.snapshot("content")
        let sameCase = try newContact("bridge", "Ana Again", "Ana@Bridge.Example")
        #expect(sameCase.status == 1)
        #expect(sameCase.stdout == "")
        #expect(
            sameCase.stderr
                == "error: ana@bridge.example is already a contact of 'bridge' (content/partners/bridge.yml:12)\n")
        let otherPartner = try newContact("acme", "Tom", "TOM@bridge.example")
        #expect(otherPartner.status == 1)
        #expect(
            otherPartner.stderr
                == "error: tom@bridge.example is already a contact of 'bridge' (content/partners/bridge.yml:15)\n")
        // A retired partner's contacts count too: their address may come back.
        let retired = try newContact("acme", "Max", "max@gone.example")
        #expect(
            retired.stderr == "error: max@gone.example is already a contact of 'gone' (content/partners/gone.yml:11)\n")
        let team = try newContact("acme", "Dana", "dana@FIXTURE.example")
        #expect(team.status == 1)
        #expect(
            team.stderr
                == "error: dana@fixture.example is already the address of team member 'dana' (content/program.yml:23)\n"
        )
        #expect(try scratch.snapshot("content") == before)
    }

    @Test func unknownPartnersBadAddressesAndMissingOptionsAreRefused() throws {
        let before = try scratch.snapshot("content")
        let unknown = try newContact("brige", "Ana", "new@bridge.example")
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr
                == "error: unknown partner 'brige' (did you mean 'bridge'?); the partners are acme, bridge, gone, sunset\n"
        )
        let bad = try newContact("bridge", "Ana", "ana at bridge")
        #expect(bad.status == 2)
        #expect(
            bad.stderr == "error: 'ana at bridge' is not an email address: write one address such as name@example.com\n"
        )
        let missing = try PorticoRun.run(["new", "contact", "bridge", "--name", "Ana"], in: scratch.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error: new contact needs --email\n"))
        let notForPartner = try PorticoRun.run(["new", "partner", "delta", "--email", "x@y.example"], in: scratch.url)
        #expect(notForPartner.status == 2)
        #expect(notForPartner.stderr.hasPrefix("error: Unknown option '--email'\n"))
        #expect(try scratch.snapshot("content") == before)
    }

    @Test func windowsLineEndingsAreKept() throws {
        let original = Data(
            "name: Bridge Ledger\r\nkind: integration\r\ntier: silver\r\nstatus: onboarding\r\nsince: 2026-10-01\r\nmanager: omar\r\naudience: |\r\n  Accountants.\r\ncontacts:\r\n  - name: Ana Silva\r\n    role: Product partnerships\r\n    email: ana@bridge.example\r\n"
                .utf8)
        try scratch.write(original, to: "content/partners/bridge.yml")
        let added = try newContact("bridge", "Nia Ode", "nia@bridge.example")
        #expect(added.status == 0)
        let edited = try Data(contentsOf: scratch.path("content/partners/bridge.yml"))
        #expect(
            edited
                == original
                + Data("  - name: Nia Ode\r\n    role: Head of growth\r\n    email: nia@bridge.example\r\n".utf8))
        #expect(try PorticoRun.run(["check", "--date", "2026-11-25"], in: scratch.url).status == 0)
    }

    @Test func aListPorticoCannotReadSafelyIsLeftAsItWas() throws {
        // A comment-like line inside the last contact's block scalar: inserting before it would
        // change Lee's role, so nothing is written.
        let text = """
            name: Acme Consulting
            kind: referral
            tier: gold
            status: active
            since: 2026-09-01
            manager: dana
            audience: |
              Finance.
            contacts:
            - name: Lee Park
              role: |
                Alliance lead
                # not a comment

            """
        try scratch.write(text, to: "content/partners/acme.yml")
        let refused = try newContact("acme", "Kim", "kim2@acme.example")
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "error: cannot add the contact to content/partners/acme.yml safely: Portico cannot tell where its "
                + "'contacts' list ends; add them by hand\n")
        #expect(try scratch.read("content/partners/acme.yml") == text)
    }

    // MARK: The text edit

    static let head = "name: Acme\nkind: referral\n"
    static let zoe = ContactEditor.NewContact(
        name: "Zoë O'Neil: CTO", role: "R&D, [lead] #1", email: "zoe@acme.example", since: Day("2026-11-02"))

    @Test func emptyMissingAndNullListsBecomeBlockLists() throws {
        #expect(
            try ContactEditor.inserting(Self.zoe, into: Self.head + "contacts: []   # nobody yet\nfeatured: []\n")
                == Self.head + "contacts:   # nobody yet\n  - name: \"Zoë O'Neil: CTO\"\n    role: \"R&D, [lead] #1\"\n"
                + "    email: zoe@acme.example\n    since: 2026-11-02\nfeatured: []\n")
        #expect(
            try ContactEditor.inserting(Self.zoe, into: Self.head + "contacts:\nfeatured: []\n")
                == Self.head + "contacts:\n  - name: \"Zoë O'Neil: CTO\"\n    role: \"R&D, [lead] #1\"\n"
                + "    email: zoe@acme.example\n    since: 2026-11-02\nfeatured: []\n")
        // No `contacts` key: a list at the end, after a last line that had no line break.
        #expect(
            try ContactEditor.inserting(Self.zoe, into: Self.head + "# the end")
                == Self.head + "# the end\ncontacts:\n  - name: \"Zoë O'Neil: CTO\"\n    role: \"R&D, [lead] #1\"\n"
                + "    email: zoe@acme.example\n    since: 2026-11-02\n")
    }

    @Test func theNewItemCopiesTheLastItemsLayoutAndFieldOrder() throws {
        let zeroIndent =
            Self.head + "contacts:\n-   email: lee@acme.example\n    name: Lee\n    role: Lead\nfeatured: []\n"
        #expect(
            try ContactEditor.inserting(Self.zoe, into: zeroIndent)
                == Self.head + "contacts:\n-   email: lee@acme.example\n    name: Lee\n    role: Lead\n"
                + "-   email: zoe@acme.example\n    name: \"Zoë O'Neil: CTO\"\n    role: \"R&D, [lead] #1\"\n"
                + "    since: 2026-11-02\nfeatured: []\n")
        let flowItems = Self.head + "contacts:\n  - {name: Lee, role: Lead}\n"
        #expect(
            try ContactEditor.inserting(Self.zoe, into: flowItems)
                == flowItems
                + "  - {name: \"Zoë O'Neil: CTO\", role: \"R&D, [lead] #1\", email: zoe@acme.example, since: 2026-11-02}\n"
        )
    }

    @Test func aFlowListGetsOneMoreFlowMapping() throws {
        let flow = Self.head + "contacts: [{name: Lee, role: 'Lead, EMEA', email: lee@acme.example}]  # [sic]\n"
        #expect(
            try ContactEditor.inserting(Self.zoe, into: flow)
                == Self.head + "contacts: [{name: Lee, role: 'Lead, EMEA', email: lee@acme.example}, "
                + "{name: \"Zoë O'Neil: CTO\", role: \"R&D, [lead] #1\", email: zoe@acme.example, since: 2026-11-02}]"
                + "  # [sic]\n")
        let multiline = Self.head + "contacts: [\n  {name: Lee, role: Lead},  # first\n]\n"
        #expect(
            try ContactEditor.inserting(Self.zoe, into: multiline)
                == Self.head + "contacts: [\n  {name: Lee, role: Lead}, {name: \"Zoë O'Neil: CTO\", "
                + "role: \"R&D, [lead] #1\", email: zoe@acme.example, since: 2026-11-02},  # first\n]\n")
        #expect(throws: PorticoError.self) {
            try ContactEditor.inserting(Self.zoe, into: Self.head + "contacts: Lee Park\n")
        }
    }

    @Test func valuesAreQuotedExactlyWhenYAMLNeedsIt() throws {
        let cases: [(String, String)] = [
            ("Zoë O'Neil", "Zoë O'Neil"),
            ("Zoë O'Neil: CTO", "\"Zoë O'Neil: CTO\""),
            ("yes", "\"yes\""),
            ("2026-01-01", "\"2026-01-01\""),
            ("12", "\"12\""),
            ("- dash", "\"- dash\""),
            ("a \"quote\" \\ back", "a \"quote\" \\ back"),
            ("'quoted'", "\"'quoted'\""),
            ("tab\there", "\"tab\\there\""),
            ("Head of #growth", "\"Head of #growth\""),
            ("C#, F#", "C#, F#"),
        ]
        for (value, written) in cases {
            #expect(YAMLScalar.text(value, flow: false) == written)
            // Read back by YAML, the new contact's name is the value itself.
            let contact = ContactEditor.NewContact(name: value, role: "Lead", email: "x@acme.example")
            let original = Self.head + "contacts: []\n"
            #expect(
                ContactEditor.keepsEverythingElse(
                    original, try ContactEditor.inserting(contact, into: original), adding: contact))
        }
        #expect(YAMLScalar.text("R&D, EMEA", flow: true) == "\"R&D, EMEA\"")
    }

    // MARK: Welcome

    /// Runs Python's `email` package over a message and returns what it read.
    struct ParsedMail: Decodable {
        var contentType: String
        var from: String
        var to: String
        var subject: String
        var messageID: String
        var headers: [String]
        /// The first 12 hexadecimal digits of the SHA-256 of the To address.
        var toDigest: String
        var parts: [Part]

        struct Part: Decodable {
            var contentType: String
            var charset: String
            var body: String
        }
    }

    static func parse(_ file: URL) throws -> ParsedMail {
        let script = """
            import email, email.policy, hashlib, json, sys
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
            parts = [{'contentType': p.get_content_type(), 'charset': p.get_content_charset(),
                      'body': p.get_content().replace(chr(13) + chr(10), chr(10))} for p in m.iter_parts()]
            print(json.dumps({'contentType': m.get_content_type(), 'from': str(m['From']), 'to': str(m['To']),
                'subject': str(m['Subject']), 'messageID': str(m['Message-ID']), 'headers': list(m.keys()),
                'toDigest': hashlib.sha256(m['To'].addresses[0].addr_spec.encode()).hexdigest()[:12],
                'parts': parts}))
            """
        return try JSONDecoder().decode(ParsedMail.self, from: Python.output(of: script, on: file))
    }

    /// Every address in `text` that starts with the portal's base URL.
    static func portalLinks(in text: String) -> [String] {
        let pattern = try? NSRegularExpression(pattern: #"https://partners\.fixture\.example/[^\s"<>)]*"#)
        return (pattern?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? []).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    @Test func welcomeWritesAMessageWhoseEveryLinkCarriesTheContactsOwnKey() throws {
        #expect(try PorticoRun.run(["keys", "init"], in: scratch.url).status == 0)
        #expect(try newContact("bridge", "Zoë O'Neil", "zoe@bridge.example").status == 0)
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        let welcome = try PorticoRun.run(
            ["welcome", "bridge", "Zoe@Bridge.example", "--date", "2026-11-25"], in: scratch.url)
        #expect(welcome.status == 0)
        #expect(welcome.stderr == "")
        #expect(welcome.stdout == "Wrote mail/welcome/bridge/zoe@bridge.example.eml\n")
        let file = scratch.path("mail/welcome/bridge/zoe@bridge.example.eml")
        let mail = try Self.parse(file)
        #expect(mail.contentType == "multipart/alternative")
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(mail.parts.map(\.charset) == ["utf-8", "utf-8"])
        #expect(mail.from == "Omar Haddad <omar@fixture.example>")
        #expect(mail.to == "Zoë O'Neil <zoe@bridge.example>")
        #expect(mail.subject == "Welcome to Fixture Partner Portal")
        #expect(!mail.headers.contains("List-Unsubscribe"))
        #expect(mail.messageID == "<welcome.bridge.\(mail.toDigest)@partners.fixture.example>")

        let json = try PorticoRun.run(["links", "--json", "--partner", "bridge"], in: scratch.url)
        struct Link: Decodable {
            var email: String
            var url: String
        }
        let links = try JSONDecoder().decode([Link].self, from: Data(json.stdout.utf8))
        let own = try #require(links.first { $0.email == "zoe@bridge.example" }?.url)
        let keyStart = try #require(own.range(of: "#k=")).lowerBound
        let key = String(own[keyStart...])
        for part in mail.parts {
            let found = Self.portalLinks(in: part.body)
            #expect(found.count >= 9)
            for link in found {
                #expect(link.hasSuffix(key), "\(link) in \(part.contentType)")
            }
            #expect(part.body.components(separatedBy: "#k=").count - 1 == found.count)
            #expect(part.body.contains(own))
        }
        // The seven steps, in order, in both parts.
        let steps = [
            "The one-minute pitch and its boundaries", "The positioning one-pager", "The objection notes",
            "One implementation snapshot", "How the integration works, and how to get support", "Who is who",
            "The latest brief",
        ]
        for part in mail.parts {
            let places = steps.compactMap { part.body.range(of: $0)?.lowerBound }
            #expect(places.count == 7 && places == places.sorted(), "\(part.contentType)")
        }
        let text = mail.parts[0].body
        #expect(text.contains("1. The one-minute pitch and its boundaries\n"))
        #expect(text.contains("7. The latest brief\n"))
        #expect(
            text.contains("Me, whenever something is unclear or a client is ready: Omar Haddad, omar@fixture.example."))
        #expect(text.contains("/partners/") && text.contains("/start/\(key)"))
        // Written again, the message is the same, byte for byte.
        let first = try Data(contentsOf: file)
        #expect(
            try PorticoRun.run(["welcome", "bridge", "zoe@bridge.example", "--date", "2026-11-25"], in: scratch.url)
                .status == 0)
        #expect(try Data(contentsOf: file) == first)
        // The next build may replace the mail folder the welcome wrote into, and carries the
        // welcome over when it writes the briefs' emails there.
        try scratch.copyFixture("briefs")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        #expect(scratch.exists("mail/2026-11/acme/lee@acme.example.eml"))
        #expect(try Data(contentsOf: file) == first)
    }

    @Test func welcomeRefusesWhatItCannotWrite() throws {
        let noSecret = try PorticoRun.run(["welcome", "acme", "lee@acme.example"], in: scratch.url)
        #expect(noSecret.status == 2)
        #expect(noSecret.stderr.hasPrefix("error: no secret yet: run 'portico keys init'"))
        let stranger = try PorticoRun.run(["welcome", "acme", "zoe@acme.example", "--no-encrypt"], in: scratch.url)
        #expect(stranger.status == 1)
        #expect(
            stranger.stderr
                == "error: zoe@acme.example is not a contact of 'acme' (its contacts are lee@acme.example, "
                + "kim@acme.example); add them first with 'portico new contact acme --name NAME --email "
                + "zoe@acme.example --role ROLE'\n")
        let unknown = try PorticoRun.run(["welcome", "acm", "lee@acme.example", "--no-encrypt"], in: scratch.url)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: unknown partner 'acm' (did you mean 'acme'?)"))
        let program = try scratch.read("content/program.yml")
        try scratch.write(
            program.replacingOccurrences(of: "base_url: https://partners.fixture.example/\n", with: ""),
            to: "content/program.yml")
        let noBase = try PorticoRun.run(["welcome", "acme", "lee@acme.example", "--no-encrypt"], in: scratch.url)
        #expect(noBase.status == 1)
        #expect(noBase.stderr.hasPrefix("error: a welcome email needs base_url in program.yml"))
        #expect(!scratch.exists("mail"))
    }

    @Test func withoutEncryptionTheLinksCarryNoKey() throws {
        let welcome = try PorticoRun.run(
            ["welcome", "acme", "lee@acme.example", "--no-encrypt", "--mail", "out", "--date", "2026-11-25"],
            in: scratch.url)
        #expect(welcome.stdout == "Wrote out/welcome/acme/lee@acme.example.eml\n")
        let mail = try Self.parse(scratch.path("out/welcome/acme/lee@acme.example.eml"))
        #expect(mail.from == "Dana Ruiz <dana@fixture.example>")
        for part in mail.parts {
            #expect(!part.body.contains("#k="))
            #expect(part.body.contains("https://partners.fixture.example/partners/acme/refer/"))
        }
        #expect(mail.parts[0].body.contains("2. The positioning one-pager\n"))
        #expect(mail.parts[0].body.contains("5. How to refer\n"))
    }
}
