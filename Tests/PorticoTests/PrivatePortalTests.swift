import Foundation
import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoScorecard
import PorticoServe
import PorticoSite
import PorticoSupport
import Testing

/// Encrypted builds: nothing private is left in the clear, the secret is handled with care, and
/// access follows the contact list.
@Suite struct PrivatePortalTests {
    /// Everything in the example that must not be readable without a key, derived from the
    /// content itself so the list grows with the example.
    static func privateStrings(of content: Content) -> [String] {
        let fallback = content.program.defaultVisibility
        var strings: [String] = []
        for partner in content.partners {
            strings += [partner.name, partner.referralCode]
            for contact in partner.contacts { strings += [contact.name] + (contact.email.map { [$0] } ?? []) }
        }
        for asset in content.assets where asset.readers(default: content.program.defaultVisibility) != .public {
            strings.append(asset.title)
            // A sentence of the body: a plain line of prose long enough to be distinctive.
            if let line = ((try? asset.body.source().get())?.text ?? "").split(separator: "\n").first(where: {
                $0.count > 40 && $0.first?.isLetter == true && !$0.contains("[") && !$0.contains("*")
            }) {
                strings.append(String(line))
            }
        }
        for brief in content.briefs where brief.visibility != .public {
            strings += [brief.title, brief.summary]
        }
        for story in content.stories where story.visibility != .public {
            strings += [story.title, story.outcome, story.customer]
        }
        for campaign in content.campaigns where campaign.readers(default: fallback) != .public {
            strings += [campaign.name, campaign.summary]
        }
        // The CRM's exports: every company, and every amount large enough to be distinctive.
        for opportunity in content.opportunities {
            strings.append(opportunity.company)
            if let amount = opportunity.amount, amount >= 10_000 { strings.append(ScorecardReport.amount(amount)) }
        }
        // What the team chose to publish (a public case study names its partner) is not a leak.
        let published =
            content.stories.filter { $0.visibility == .public }.map { $0.title + $0.outcome + $0.body.text }
            + content.briefs.filter { $0.visibility == .public }.map { $0.title + $0.summary + $0.body.text }
        return strings.filter { secret in !published.contains { $0.contains(secret) } }
    }

    static func loadContent(_ folder: URL) throws -> Content {
        let log = DiagnosticLog()
        let loaded = ContentLoader(contentURL: folder, displayPath: "content").load(into: log)
        return try #require(ContentValidator(today: Day("2026-11-25")!).validate(loaded, into: log))
    }

    @Test func theBuiltExampleLeaksNoNameEmailCodeTitleSentenceOrPartnerPath() throws {
        let scratch = try Scratch()
        try Scratch.merge(PorticoRun.packageRoot.appendingPathComponent("content"), into: scratch.path("content"))
        let run = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
        #expect(run.status == 0)
        let content = try Self.loadContent(scratch.path("content"))
        let secrets = Self.privateStrings(of: content)
        #expect(secrets.count > 200, "the example has partners, contacts, private assets and deals to hide")
        let site = try scratch.snapshot("site")
        #expect(site.count > 40)
        let teamAssets = content.assets.filter { $0.readers(default: content.program.defaultVisibility) == .team }
            .map(\.id)
        #expect(teamAssets.count >= 1, "the example has a team-only asset")
        var leaks: [String] = []
        for (path, data) in site {
            for id in content.partners.map(\.id) where path.split(separator: "/").contains(Substring(id)) {
                leaks.append("\(path): partner id '\(id)' in the path")
            }
            // A team-only asset's id would tell the host what the team keeps to itself.
            for id in teamAssets where path.split(separator: "/").contains(Substring(id)) {
                leaks.append("\(path): team asset id '\(id)' in the path")
            }
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets where text.contains(secret) || text.contains(XMLText.escape(secret)) {
                leaks.append("\(path): '\(secret)'")
            }
        }
        #expect(leaks.isEmpty, "\(leaks.sorted().prefix(20))")
        // A private asset's files are sealed with its group's key, and open with it.
        let found = try MasterSecret.find(
            file: scratch.path("portico-secret.key"), displayPath: "portico-secret.key", environment: [:])
        let secret = try #require(found)
        let plan = AccessPlan(secret: secret, content: content, epochs: AccessEpochs())
        var sealedFiles = 0
        for asset in content.assets where asset.readers(default: content.program.defaultVisibility) != .public {
            for file in asset.files {
                let published = try #require(site["assets/\(asset.id)/\(file.path)"])
                let source = try Data(contentsOf: file.url)
                #expect(published != source && published.range(of: source.prefix(64)) == nil, "\(file.path)")
                let group = try #require(asset.readers(default: content.program.defaultVisibility).group)
                let key = try #require(plan.contentKeys[group])
                #expect(try AccessCrypto.open(key: key, sealed: published) == source)
                sealedFiles += 1
            }
        }
        #expect(sealedFiles >= 2, "the example's private folder asset has a chart and a worksheet")
        // Public pages stay readable: the positioning and a public one-pager are in the clear.
        #expect(try scratch.read("site/index.html").contains("Berthwise books the loading docks"))
        #expect(try scratch.read("site/assets/berthwise-in-one-page/index.html").contains("<h1"))
    }

    /// Decrypted, a partner's pages (here built in the clear) name only its own deals: no company of
    /// another partner or of another channel, in any of its pages, the search indexes or the feeds.
    @Test func aPartnersPagesNameNoOtherPartnersDeals() throws {
        let scratch = try Scratch()
        try Scratch.merge(PorticoRun.packageRoot.appendingPathComponent("content"), into: scratch.path("content"))
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(run.status == 0)
        let content = try Self.loadContent(scratch.path("content"))
        #expect(content.opportunities.count > 100)
        let site = try scratch.snapshot("site")
        var leaks: [String] = []
        var ownCompaniesShown = 0
        for (path, data) in site where !path.hasPrefix("health/") {
            let text = String(decoding: data, as: UTF8.self)
            let reader =
                path.hasPrefix("partners/") ? path.split(separator: "/").dropFirst().first.map(String.init) : nil
            for opportunity in content.opportunities where text.contains(XMLText.escape(opportunity.company)) {
                if let reader, opportunity.partnerID == reader {
                    ownCompaniesShown += 1
                } else if !content.opportunities.contains(where: {
                    $0.company == opportunity.company && $0.partnerID == reader && reader != nil
                }) {
                    leaks.append("\(path): \(opportunity.company)")
                }
            }
        }
        #expect(leaks.isEmpty, "\(Set(leaks).sorted().prefix(20))")
        #expect(ownCompaniesShown > 100, "each partner's results page lists its own deals")
    }

    @Test func theFirstBuildMakesAPrivateSecretAndAReadableOneIsRefused() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let strict = try PorticoRun.run(["build", "--date", "2026-11-25", "--require-secret"], in: scratch.url)
        #expect(strict.status == 2)
        #expect(strict.stderr.hasPrefix("error: no secret: set PORTICO_SECRET or write portico-secret.key"))
        #expect(!scratch.exists("portico-secret.key") && !scratch.exists("site"))

        let first = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
        #expect(first.status == 0)
        #expect(first.stdout.contains("Made a new secret in portico-secret.key. Keep it and back it up"))
        let secret = try scratch.read("portico-secret.key")
        #expect(secret.hasPrefix("portico-secret-v1:") && secret.count == 18 + 64 + 1)

        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: scratch.path("portico-secret.key").path)
        let refused = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("error: portico-secret.key can be read or changed by other users"))
        #expect(try scratch.read("portico-secret.key") == secret)
    }

    @Test func theEnvironmentSecretWinsAndTheSameSecretGivesTheSameSite() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let hex = String(repeating: "ab", count: 32)
        for output in ["one", "two"] {
            let run = try PorticoRun.run(
                ["build", "--date", "2026-11-25", "--require-secret", "--output", output], in: scratch.url,
                environment: ["PORTICO_SECRET": hex])
            #expect(run.status == 0)
        }
        #expect(!scratch.exists("portico-secret.key"))
        #expect(try scratch.snapshot("one") == scratch.snapshot("two"))
        let segment = AccessCrypto.partnerPathSegment(secret: Data(repeating: 0xAB, count: 32), partnerID: "acme")
        #expect(scratch.exists("one/partners/\(segment)/index.html"))
    }

    @Test func linksFollowTheContactListAndRotation() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        let links = try decodeLinks(scratch)
        // Contacts of partners that are not retired, and the team; the retired partner's contacts have none.
        #expect(
            links.map(\.email) == [
                "ana@bridge.example", "dana@fixture.example", "ira@sunset.example", "joy@sunset.example",
                "kim@acme.example",
                "lee@acme.example", "omar@fixture.example", "tom@bridge.example",
            ])
        let lee = try #require(links.first { $0.email == "lee@acme.example" })
        #expect(lee.partner == "acme" && !lee.team)
        let folder = try #require(lee.url.split(separator: "/").dropLast().last)
        #expect(scratch.exists("site/partners/\(folder)/index.html"))
        let keyFiles = try keyFileNames(scratch)
        #expect(keyFiles.count == links.count)

        // Rotating one person changes only their link and their key file's name.
        let rotated = try PorticoRun.run(["keys", "rotate", "--contact", "Lee@acme.example"], in: scratch.url)
        #expect(rotated.status == 0)
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        let after = try decodeLinks(scratch)
        for (old, new) in zip(links, after) {
            #expect((old.url == new.url) == (old.email != "lee@acme.example"), "\(old.email)")
        }
        let filesAfter = try keyFileNames(scratch)
        #expect(keyFiles.subtracting(filesAfter).count == 1 && filesAfter.subtracting(keyFiles).count == 1)

        // A contact removed from the YAML loses their key file; the other contact keeps theirs.
        let acme = try scratch.read("content/partners/acme.yml")
        try scratch.write(
            acme.replacingOccurrences(
                of: "  - name: Kim Ode\n    role: Sales lead\n    email: kim@acme.example\n", with: ""),
            to: "content/partners/acme.yml")
        let rebuilt = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
        #expect(rebuilt.status == 0)
        let remaining = try decodeLinks(scratch)
        #expect(!remaining.contains { $0.email == "kim@acme.example" })
        let filesLast = try keyFileNames(scratch)
        #expect(filesAfter.subtracting(filesLast).count == 1 && filesLast.isSubset(of: filesAfter))
    }

    @Test func linksNeedASecretAndFilterByPartner() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let none = try PorticoRun.run(["links"], in: scratch.url)
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("error: no secret yet: run 'portico keys init'"))
        #expect(try PorticoRun.run(["keys", "init"], in: scratch.url).status == 0)
        #expect(try PorticoRun.run(["keys", "init"], in: scratch.url).status == 2)
        let acme = try PorticoRun.run(["links", "--partner", "acme"], in: scratch.url)
        #expect(acme.status == 0)
        #expect(
            acme.stdout.contains("Lee Park <lee@acme.example> (acme)\n  https://partners.fixture.example/partners/"))
        #expect(!acme.stdout.contains("ana@bridge.example"))
    }

    /// The key file a link opens: its key, from the fragment, names it (docs/security.md).
    static func keyFile(of link: AccessLink) throws -> String {
        let fragment = try #require(link.url.split(separator: "#k=").last)
        var base64 = fragment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        let key = try #require(Data(base64Encoded: base64))
        return AccessCrypto.keyFileName(personKey: key) + ".json"
    }

    /// A key file carries its reader's card, sealed with their wrap key: who they are and the
    /// navigation that leads to their own pages (static/unlock.js applies it).
    @Test func aKeyFileCarriesItsReadersCard() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        let links = try decodeLinks(scratch)
        func card(_ email: String) throws -> String {
            let link = try #require(links.first { $0.email == email })
            let fragment = try #require(link.url.split(separator: "#k=").last)
            var base64 = fragment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while base64.count % 4 != 0 { base64 += "=" }
            let key = try #require(Data(base64Encoded: base64))
            let file = try scratch.read("site/keys/" + Self.keyFile(of: link))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(file.utf8)) as? [String: Any])
            var sealed = try #require(json["reader"] as? String)
            sealed = sealed.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while sealed.count % 4 != 0 { sealed += "=" }
            let plain = try AccessCrypto.open(
                key: AccessCrypto.wrapKey(personKey: key), sealed: try #require(Data(base64Encoded: sealed)))
            return String(decoding: plain, as: UTF8.self)
        }
        let lee = try #require(links.first { $0.email == "lee@acme.example" })
        let segment = try #require(lee.url.split(separator: "/partners/").last?.split(separator: "/").first)
        let own = "partners/\(segment)/"
        #expect(
            try card("lee@acme.example")
                == "{\"name\":\"Lee Park\",\"partner\":\"Acme Consulting\",\"team\":false,\"nav\":["
                + "{\"id\":\"partner\",\"label\":\"Your partner page\",\"path\":\"\(own)index.html\"},"
                + "{\"id\":\"start\",\"label\":\"Start\",\"path\":\"\(own)start/index.html\"},"
                + "{\"id\":\"program\",\"label\":\"Program\",\"path\":\"index.html\"},"
                + "{\"id\":\"library\",\"label\":\"Library\",\"path\":\"assets/index.html\"},"
                + "{\"id\":\"briefs\",\"label\":\"Briefs\",\"path\":\"briefs/index.html\"},"
                + "{\"id\":\"refer\",\"label\":\"Refer\",\"path\":\"\(own)refer/index.html\"}]}")
        let dana = try card("dana@fixture.example")
        #expect(dana.hasPrefix("{\"name\":\"Dana Ruiz\",\"partner\":\"\",\"team\":true,\"nav\":["))
        #expect(
            dana.hasSuffix(
                "{\"id\":\"refer\",\"label\":\"Refer\",\"path\":\"refer/index.html\"},"
                    + "{\"id\":\"partners\",\"label\":\"Partners\",\"path\":\"partners/index.html\"},"
                    + "{\"id\":\"health\",\"label\":\"Health\",\"path\":\"health/index.html\"}]}"))
    }

    @Test func aRotatedLinkIsDeadAndAnUnknownAddressChangesNothing() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        let leaked = try #require(try decodeLinks(scratch).first { $0.email == "lee@acme.example" })
        let leakedFile = try Self.keyFile(of: leaked)
        #expect(scratch.exists("site/keys/" + leakedFile))

        // A typo is refused with the address meant, and nothing is written.
        let typo = try PorticoRun.run(["keys", "rotate", "--contact", "lee@acme.exampel"], in: scratch.url)
        #expect(typo.status == 1)
        #expect(
            typo.stderr
                == "error: 'lee@acme.exampel' is not the address of a current contact or team member in content "
                + "(did you mean 'lee@acme.example'?); no link was changed\n")
        #expect(!scratch.exists("portico-access.json"))

        // With spaces and capitals, the address is the contact's, and the leaked link stops opening.
        let rotated = try PorticoRun.run(["keys", "rotate", "--contact", " Lee@Acme.example "], in: scratch.url)
        #expect(rotated.status == 0, "\(rotated.stderr)")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        #expect(!scratch.exists("site/keys/" + leakedFile))
        let fresh = try #require(try decodeLinks(scratch).first { $0.email == "lee@acme.example" })
        let freshFile = try Self.keyFile(of: fresh)
        #expect(fresh.url != leaked.url && scratch.exists("site/keys/" + freshFile))
    }

    func decodeLinks(_ scratch: Scratch) throws -> [AccessLink] {
        let run = try PorticoRun.run(["links", "--json"], in: scratch.url)
        #expect(run.status == 0)
        return try JSONDecoder().decode([AccessLink].self, from: Data(run.stdout.utf8))
    }

    func keyFileNames(_ scratch: Scratch) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path("site/keys").path))
    }
}
