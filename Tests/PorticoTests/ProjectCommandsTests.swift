import Foundation
import Testing

/// `portico init`, `portico new`, and the theme a project can override.
@Suite struct ProjectCommandsTests {
    @Test func initCreatesAProjectThatBuildsWithoutWarnings() throws {
        let scratch = try Scratch()
        let created = try PorticoRun.run(["init", "portal"], in: scratch.url)
        #expect(created.status == 0)
        #expect(scratch.exists("portal/content/program.yml"))
        #expect(scratch.exists("portal/templates/layout.mustache"))
        #expect(scratch.exists("portal/templates/static/portico.css"))
        #expect(try scratch.read("portal/.gitignore").contains("site/"))
        #expect(try scratch.read("portal/.gitignore").contains("portico-secret.key"))
        #expect(try scratch.read("portal/.gitignore").contains("\nmail/\n"))
        let built = try PorticoRun.run(["build"], in: scratch.path("portal"))
        #expect(built.status == 0)
        #expect(built.stderr == "")
        // The first build makes the secret the private pages are encrypted with, and says so.
        #expect(built.stdout.hasPrefix("Made a new secret in portico-secret.key."))
        let attributes = try FileManager.default.attributesOfItem(
            atPath: scratch.path("portal/portico-secret.key").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let partnerFolders = try FileManager.default.contentsOfDirectory(
            atPath: scratch.path("portal/site/partners").path
        )
        .filter { $0 != "index.html" }
        #expect(partnerFolders.count == 1 && partnerFolders[0].count == 16 && partnerFolders[0] != "example-partner")
        #expect(scratch.exists("portal/site/assets/our-pitch/index.html"))
        let again = try PorticoRun.run(["build"], in: scratch.path("portal"))
        #expect(!again.stdout.contains("Made a new secret"))
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let scratch = try Scratch()
        try scratch.write("x", to: "taken/file.txt")
        let run = try PorticoRun.run(["init", "taken"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("is not empty"))
    }

    @Test func newPartnerAndAssetAreFilledFromTheProgramAndBuild() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let partner = try PorticoRun.run(["new", "partner", "globex"], in: scratch.url)
        #expect(partner.status == 0)
        #expect(partner.stdout == "Created content/partners/globex.yml\n")
        let text = try scratch.read("content/partners/globex.yml")
        #expect(text.contains("tier: silver"))
        #expect(text.contains("manager: dana"))
        for field in [
            "name", "kind", "tier", "status", "since", "manager", "website", "audience", "contacts", "featured",
        ] {
            #expect(text.contains("\n\(field):") || text.hasPrefix("\(field):"), "\(field)")
        }
        let asset = try PorticoRun.run(["new", "asset", "pricing-faq", "--kind", "objection"], in: scratch.url)
        #expect(asset.status == 0)
        #expect(try scratch.read("content/assets/pricing-faq.md").contains("kind: objection"))
        let built = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(built.status == 0)
        #expect(scratch.exists("site/partners/globex/index.html"))
        #expect(scratch.exists("site/assets/pricing-faq/index.html"))
    }

    /// What only the author can know is written as a placeholder, never as the id or an address
    /// that would get a working link; `check` points at each until it is replaced.
    @Test func newWritesPlaceholdersThatCheckPointsAt() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(try PorticoRun.run(["new", "partner", "globex", "--date", "2026-11-25"], in: scratch.url).status == 0)
        #expect(
            try PorticoRun.run(["new", "asset", "pricing-faq", "--date", "2026-11-25"], in: scratch.url).status == 0)
        let partner = try scratch.read("content/partners/globex.yml")
        #expect(partner.hasPrefix("name: \"TODO: the partner's name\"   # as it should appear on their page\n"))
        #expect(partner.contains("  - name: \"TODO: a contact's full name\"\n"))
        #expect(
            partner.contains("    email: first.contact@example.com   # placeholder: no access link until replaced\n"))
        #expect(!partner.contains("globex\n") && !partner.contains("first@example.com"))
        let asset = try scratch.read("content/assets/pricing-faq.md")
        #expect(asset.hasPrefix("---\ntitle: \"TODO: the asset's title\"\n"))
        #expect(asset.contains("\nsummary: \"TODO: one sentence, shown in lists, on what the asset is for.\"\n"))
        let check = try PorticoRun.run(["check", "--date", "2026-11-25"], in: scratch.url)
        #expect(check.status == 0)
        #expect(check.stdout == "Checked 30 pages (9 warnings)\n")
        let at = check.stderr.split(separator: "\n").filter { !$0.hasPrefix("  hint:") }.map {
            $0.split(separator: " ").first.map(String.init) ?? ""
        }
        #expect(
            at == [
                "content/assets/pricing-faq.md:2:8:", "content/assets/pricing-faq.md:4:10:",
                "content/partners/globex.yml:1:7:", "content/partners/globex.yml:7:10:",
                "content/partners/globex.yml:9:3:", "content/partners/globex.yml:11:11:",
                "content/partners/globex.yml:13:12:", "content/partners/globex.yml:15:11:",
                "content/partners/globex.yml:17:12:",
            ])
        // The placeholder addresses get no link, and the partner's links say why.
        #expect(try PorticoRun.run(["keys", "init"], in: scratch.url).status == 0)
        let links = try PorticoRun.run(["links", "--json"], in: scratch.url)
        #expect(links.status == 0 && !links.stdout.contains("example.com"))
        let globex = try PorticoRun.run(["links", "--partner", "globex", "--date", "2026-11-25"], in: scratch.url)
        #expect(globex.status == 1)
        #expect(
            globex.stderr
                == "9 content warnings (run 'portico check' to see them)\n"
                + "error: partner 'globex' has no contact with an access link: their addresses are placeholders, "
                + "such as 'first.contact@example.com' (content/partners/globex.yml:13:12); write their own\n")
    }

    @Test func newRefusesToOverwriteAndRejectsBadIDs() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let before = try scratch.read("content/partners/acme.yml")
        let again = try PorticoRun.run(["new", "partner", "acme"], in: scratch.url)
        #expect(again.status == 1)
        #expect(again.stderr == "error: content/partners/acme.yml already exists; not overwriting it\n")
        #expect(try scratch.read("content/partners/acme.yml") == before)
        let bad = try PorticoRun.run(["new", "asset", "Bad_Id"], in: scratch.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("'Bad_Id' is not a valid id"))
        let kind = try PorticoRun.run(["new", "asset", "x", "--kind", "poster"], in: scratch.url)
        #expect(kind.status == 2)
        #expect(
            kind.stderr.hasPrefix("error: --kind must be one of one-pager, objection, snapshot, guide, not 'poster'\n"))
    }

    @Test func buildWorksWithoutATemplatesFolderAndOverridesFileByFile() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(!scratch.exists("templates"))
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url).status == 0)
        let builtInHome = try scratch.read("site/index.html")
        try scratch.write(
            "{{<layout}}{{$main}}<p class=\"custom\">Custom {{program.company}}</p>{{/main}}{{/layout}}\n",
            to: "templates/library.mustache")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url).status == 0)
        #expect(try scratch.read("site/assets/index.html").contains("<p class=\"custom\">Custom Fixture Co</p>"))
        #expect(try scratch.read("site/index.html") == builtInHome)
    }

    @Test func theBuiltInThemeIsTheTemplatesFolder() throws {
        let scratch = try Scratch()
        #expect(try PorticoRun.run(["init", "copy"], in: scratch.url).status == 0)
        let embedded = try scratch.snapshot("copy/templates")
        let source = PorticoRun.packageRoot.appendingPathComponent("templates")
        var onDisk: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: source.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = source.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            {
                onDisk[path] = try Data(contentsOf: url)
            }
        }
        #expect(!onDisk.isEmpty)
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run `make theme` after changing templates/")
        #expect(embedded == onDisk, "run `make theme` after changing templates/")
    }
}
