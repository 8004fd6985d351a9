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

/// `portico import`: Tests/Fixtures/import/docs (Jekyll, Hugo, Docusaurus, Starlight, Obsidian
/// and plain files) imported into a copy of Tests/Fixtures/base with the real binary.
@Suite struct ImportTests {
    /// The base program with the import fixture beside it as `docs/`, committed to git on
    /// 2026-10-15, so documents without an update date in their front matter get a known `reviewed`.
    static func project() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("import/docs", to: "docs")
        try GitRepo.commit(["docs"], in: scratch.url, date: "2026-10-15T12:00:00Z", initialize: true)
        return scratch
    }

    static let report = """
        Imported 10 documents from docs:
          README.md → content/assets/docs.md
          _posts/2026-03-05-welcome-partners.md → content/assets/posts-2026-03-05-welcome-partners.md
          blog/_index.md → content/assets/blog.md
          blog/pricing-update.md → content/assets/blog-pricing-update.md
          guides/index.mdx → content/assets/guides/index.md
          guides/install.mdx → content/assets/guides-install/index.md
          notes/Deal Desk.md → content/assets/notes-deal-desk/index.md
          operations/02-weekly-standup.md → content/assets/operations-02-weekly-standup.md
          operations/checklist.md → content/assets/operations-checklist.md
          roi-calculator.md → content/assets/roi-calculator-2.md

        Copied 3 files:
          guides/img/overview.png → content/assets/guides/img/overview.png
          files/onboarding-checklist.pdf → content/assets/guides-install/onboarding-checklist.pdf
          notes/diagram.png → content/assets/notes-deal-desk/diagram.png

        Links it could not resolve, left as written:
          _posts/2026-03-05-welcome-partners.md:9: ../faq.md (no such file)
          guides/install.mdx:22: ../legacy/ (no such folder)
          notes/Deal Desk.md:6: [[Pricing history]] (no note has this name)
          operations/02-weekly-standup.md:11: ../../outside.md (outside the imported folder)

        Fields it could not map, left out:
          _posts/2026-03-05-welcome-partners.md: layout
          blog/pricing-update.md: weight
          guides/index.mdx: last_update.author
          roi-calculator.md: aliases

        Summaries taken from the first paragraph:
          README.md
          notes/Deal Desk.md

        Summaries taken from the title (no description and no paragraph):
          operations/checklist.md

        Imported as drafts:
          blog/pricing-update.md

        Sidebar order and labels, which assets have no field for:
          guides/index.mdx → guides: position 1
          guides/install.mdx → guides-install: position 2

        Old URLs (slug), which Portico does not redirect; link to the new page instead:
          guides/index.mdx: /setup → content/assets/guides/index.md

        MDX import and export lines removed:
          guides/index.mdx:10: import Tabs from '@theme/Tabs';
          guides/index.mdx:11: import TabItem from '@theme/TabItem';
          guides/install.mdx:8: import Admonition from '@theme/Admonition';
          guides/install.mdx:9: export const minutes = 30;

        Imported 10 documents (3 as folders with 3 files), rewrote 18 links; 4 links could not be resolved.

        """

    @Test func importsAMixedFolderAndPrintsTheExactReport() throws {
        let scratch = try ImportTests.project()
        let run = try PorticoRun.run(["import", "docs"], in: scratch.url)
        #expect(run.stderr == "")
        #expect(run.status == 0)
        #expect(run.stdout == ImportTests.report)
    }

    @Test func frontMatterIsMappedFromEachGenerator() throws {
        let scratch = try ImportTests.project()
        #expect(try PorticoRun.run(["import", "docs"], in: scratch.url).status == 0)
        // Jekyll: excerpt, categories as tags; `layout` has no place. The last commit (2026-10-15)
        // is newer than the post's publication `date` (2026-03-05), so it is the review date.
        #expect(
            try scratch.read("content/assets/posts-2026-03-05-welcome-partners.md") == """
                ---
                title: Welcome, partners
                kind: guide
                summary: What changed in the partner program this spring.
                owner: dana
                reviewed: 2026-10-15
                tags: [news, partner-updates]
                ---
                Welcome to the new partner handbook. Read the [standup notes](operations-02-weekly-standup.md)
                and the [old FAQ](../faq.md).

                """)
        // Hugo with TOML: description, lastmod, tags, draft; relref and ref shortcodes become paths.
        #expect(
            try scratch.read("content/assets/blog-pricing-update.md") == """
                ---
                title: Pricing update for Q3
                kind: guide
                summary: New list prices and what partners earn on them.
                owner: dana
                reviewed: 2026-09-30
                tags: [pricing, q3-2026]
                draft: true
                ---
                The new prices apply from the first of July. Bring questions to the
                [weekly standup](operations-02-weekly-standup.md); the
                [news section](blog.md) lists every earlier change.

                """)
        // A plain README: the title from its heading, the summary from its first sentence, the
        // date from its last commit; code keeps its links.
        #expect(
            try scratch.read("content/assets/docs.md") == """
                ---
                title: Partner handbook
                kind: guide
                summary: Everything a partner needs, in one place.
                owner: dana
                reviewed: 2026-10-15
                ---
                # Partner handbook

                Everything a partner needs, in one place. Start with the [setup guide](guides/index.md), then
                read how we run the [weekly standup](operations-02-weekly-standup.md#agenda).

                See also the [pricing update](blog-pricing-update.md), the [deal desk](<notes-deal-desk/index.md>)
                and [our website](https://www.fixture.example/).

                    Indented code is left alone: [setup](guides/index.mdx)

                """)
        // A comma-separated tag string, a reference definition rewritten, the title as summary.
        #expect(
            try scratch.read("content/assets/operations-checklist.md") == """
                ---
                title: Monday checklist
                kind: guide
                summary: Monday checklist
                owner: dana
                reviewed: 2026-10-15
                tags: [standup, operations]
                ---
                - [ ] Review open referrals
                - [ ] Update the [standup notes][notes]

                [notes]: operations-02-weekly-standup.md

                """)
    }

    @Test func docusaurusFilesLoseTheirImportsAndLinkAsFolderAssets() throws {
        let scratch = try ImportTests.project()
        #expect(try PorticoRun.run(["import", "docs"], in: scratch.url).status == 0)
        #expect(
            try scratch.read("content/assets/guides/index.md") == """
                ---
                title: Setting up the integration
                kind: guide
                summary: Connect your system to ours in an afternoon.
                owner: dana
                reviewed: 2026-08-14
                ---
                # Setting up the integration

                ![How the systems connect](img/overview.png)

                Follow the [install steps](../guides-install/index.md), then check the [standup agenda](../operations-02-weekly-standup.md).

                """)
        #expect(
            try scratch.read("content/assets/guides-install/index.md") == """
                ---
                title: Install
                kind: guide
                summary: Install the connector and check that it works.
                owner: dana
                reviewed: 2026-08-20
                ---
                Install takes about {minutes} minutes. Go back to the [overview](../guides/index.md) or to the
                [standup](../operations-02-weekly-standup.md).

                Print the [onboarding checklist](onboarding-checklist.pdf) before you start.

                ```md
                Links in code stay as they are: [overview](./index.mdx)
                ```

                Inline code stays too: `[overview](./index.mdx)`.

                The [old install page](../legacy/) is gone.

                """)
    }

    @Test func obsidianWikilinksBecomeMarkdownLinksAndImages() throws {
        let scratch = try ImportTests.project()
        #expect(
            try PorticoRun.run(["import", "docs", "--owner", "omar", "--kind", "objection"], in: scratch.url).status
                == 0)
        #expect(
            try scratch.read("content/assets/notes-deal-desk/index.md") == """
                ---
                title: Deal Desk
                kind: objection
                summary: Pricing exceptions go to the deal desk before the weekly standup.
                owner: omar
                reviewed: 2026-10-15
                ---
                Pricing exceptions go to the deal desk before the [weekly standup](../operations-02-weekly-standup.md). #pricing

                ![diagram.png](diagram.png)

                - Agenda: [02-weekly-standup > Agenda](../operations-02-weekly-standup.md#agenda)
                - Background: [[Pricing history]]
                - In code, `[[02-weekly-standup]]` stays as written.

                """)
    }

    @Test func linkedFilesAreCopiedBesideTheirAssetAndNothingElseIsWritten() throws {
        let scratch = try ImportTests.project()
        let before = try scratch.snapshot("content")
        #expect(try PorticoRun.run(["import", "docs"], in: scratch.url).status == 0)
        let after = try scratch.snapshot("content")
        let added = Set(after.keys).subtracting(before.keys)
        #expect(
            added == [
                ".portico-import.json", "assets/docs.md", "assets/posts-2026-03-05-welcome-partners.md",
                "assets/blog.md", "assets/blog-pricing-update.md", "assets/guides/index.md",
                "assets/guides/img/overview.png", "assets/guides-install/index.md",
                "assets/guides-install/onboarding-checklist.pdf", "assets/notes-deal-desk/index.md",
                "assets/notes-deal-desk/diagram.png", "assets/operations-02-weekly-standup.md",
                "assets/operations-checklist.md", "assets/roi-calculator-2.md",
            ])
        for (copy, original) in [
            ("assets/guides/img/overview.png", "docs/guides/img/overview.png"),
            ("assets/guides-install/onboarding-checklist.pdf", "docs/files/onboarding-checklist.pdf"),
            ("assets/notes-deal-desk/diagram.png", "docs/notes/diagram.png"),
        ] {
            #expect(after[copy] == (try Data(contentsOf: scratch.path(original))), "\(copy)")
        }
        for (path, data) in before {
            #expect(after[path] == data, "\(path) changed")
        }
        #expect(
            try scratch.read("content/.portico-import.json") == """
                {
                  "imports" : [
                    {
                      "documents" : {
                        "README.md" : "docs",
                        "_posts/2026-03-05-welcome-partners.md" : "posts-2026-03-05-welcome-partners",
                        "blog/_index.md" : "blog",
                        "blog/pricing-update.md" : "blog-pricing-update",
                        "guides/index.mdx" : "guides",
                        "guides/install.mdx" : "guides-install",
                        "notes/Deal Desk.md" : "notes-deal-desk",
                        "operations/02-weekly-standup.md" : "operations-02-weekly-standup",
                        "operations/checklist.md" : "operations-checklist",
                        "roi-calculator.md" : "roi-calculator-2"
                      },
                      "folder" : "../docs"
                    }
                  ],
                  "version" : 1
                }

                """)
    }

    @Test func theImportedProgramBuilds() throws {
        let scratch = try ImportTests.project()
        #expect(try PorticoRun.run(["import", "docs"], in: scratch.url).status == 0)
        let built = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
        #expect(built.status == 0)
        #expect(!built.stderr.contains(": error:"), "\(built.stderr)")
        #expect(scratch.exists("site/assets/guides/index.html"))
        #expect(scratch.exists("site/assets/notes-deal-desk/index.html"))
        #expect(scratch.exists("site/assets/operations-02-weekly-standup/index.html"))
    }

    @Test func aSecondRunImportsNothingAndChangesNoByte() throws {
        let scratch = try ImportTests.project()
        #expect(try PorticoRun.run(["import", "docs"], in: scratch.url).status == 0)
        let before = try scratch.snapshot("content")
        let again = try PorticoRun.run(["import", "docs"], in: scratch.url)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("Nothing new to import from docs.\n\nSkipped 10 documents already imported:\n"))
        #expect(again.stdout.contains("  guides/index.mdx (imported as guides)\n"))
        #expect(
            again.stdout.hasSuffix(
                "\n\nImported 0 documents, rewrote 0 links; 0 links could not be resolved; 10 already imported.\n"))
        #expect(try scratch.snapshot("content") == before)
    }

    @Test func aNewDocumentIsImportedAloneAndLinksToEarlierImports() throws {
        let scratch = try ImportTests.project()
        #expect(try PorticoRun.run(["import", "docs"], in: scratch.url).status == 0)
        let before = try scratch.snapshot("content")
        try scratch.write(
            "---\ntitle: Escalations\ndate: 2026-10-20\n---\nWhen the [standup](../operations/02-weekly-standup.md) "
                + "cannot settle it, ask the [[Deal Desk]] or read the [setup guide](../guides/).\n",
            to: "docs/notes/escalations.md")
        let run = try PorticoRun.run(["import", "docs"], in: scratch.url)
        #expect(run.status == 0)
        #expect(
            run.stdout.hasPrefix(
                "Imported 1 document from docs:\n  notes/escalations.md → content/assets/notes-escalations.md\n"))
        #expect(
            run.stdout.hasSuffix(
                "Imported 1 document, rewrote 3 links; 0 links could not be resolved; 10 already imported.\n"))
        #expect(
            try scratch.read("content/assets/notes-escalations.md") == """
                ---
                title: Escalations
                kind: guide
                summary: When the standup cannot settle it, ask the Deal Desk or read the setup guide.
                owner: dana
                reviewed: 2026-10-20
                ---
                When the [standup](operations-02-weekly-standup.md) cannot settle it, ask the [Deal Desk](notes-deal-desk/index.md) or read the [setup guide](guides/index.md).

                """)
        let after = try scratch.snapshot("content")
        #expect(Set(after.keys).subtracting(before.keys) == ["assets/notes-escalations.md"])
        for (path, data) in before where path != ".portico-import.json" {
            #expect(after[path] == data, "\(path) changed")
        }
        #expect(
            try scratch.read("content/.portico-import.json").contains(
                "\"notes/escalations.md\" : \"notes-escalations\""))
    }

    @Test func existingAssetsAreNeverOverwritten() throws {
        let scratch = try ImportTests.project()
        try scratch.write(
            "---\ntitle: Ours\n---\nOur own standup page.\n", to: "content/assets/operations-02-weekly-standup.md")
        try scratch.write("Our own guides.\n", to: "content/assets/guides/index.md")
        let before = try scratch.snapshot("content")
        let run = try PorticoRun.run(["import", "docs"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stdout.contains("  guides/index.mdx → content/assets/guides-2/index.md\n"))
        #expect(
            run.stdout.contains(
                "  operations/02-weekly-standup.md → content/assets/operations-02-weekly-standup-2.md\n"))
        #expect(run.stdout.contains("  roi-calculator.md → content/assets/roi-calculator-2.md\n"))
        let after = try scratch.snapshot("content")
        for (path, data) in before {
            #expect(after[path] == data, "\(path) changed")
        }
        // Links follow the documents to their new ids.
        #expect(
            try scratch.read("content/assets/docs.md").contains(
                "[setup guide](guides-2/index.md), then\nread how we run the [weekly standup](operations-02-weekly-standup-2.md#agenda)"
            ))
    }

    @Test func frontMatterThatCannotBeReadIsReportedAndNotImported() throws {
        let scratch = try ImportTests.project()
        try scratch.write("---\ntitle: Broken\ntags: [one\n---\nBody.\n", to: "docs/broken.md")
        try scratch.write("+++\ntitle = \"Broken TOML\nx = 1\n+++\nBody.\n", to: "docs/blog/broken.md")
        let run = try PorticoRun.run(["import", "docs"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stdout.contains("\n\nNot imported:\n  blog/broken.md:2:"))
        #expect(run.stdout.contains("\n  broken.md:4:1: invalid YAML: "))
        #expect(run.stdout.hasSuffix("; 2 files not imported.\n"))
        #expect(!scratch.exists("content/assets/broken.md"))
        #expect(!scratch.exists("content/assets/blog-broken.md"))
    }

    @Test func anMDXSummaryComesFromTheTextNotFromItsImports() throws {
        let scratch = try ImportTests.project()
        try scratch.write(
            "---\ntitle: Tabs\n---\nimport Tabs from '@theme/Tabs';\n\nPick the tab for your system. Then go on.\n",
            to: "docs/guides/tabs.mdx")
        #expect(try PorticoRun.run(["import", "docs"], in: scratch.url).status == 0)
        #expect(
            try scratch.read("content/assets/guides-tabs.md").contains("\nsummary: Pick the tab for your system.\n"))
        #expect(try !scratch.read("content/assets/guides-tabs.md").contains("import Tabs"))
    }

    @Test func aFailedWriteExitsWith1AndLeavesNoRecord() throws {
        let scratch = try ImportTests.project()
        try FileManager.default.removeItem(at: scratch.path("content/assets"))
        try scratch.write("not a folder", to: "content/assets")
        let run = try PorticoRun.run(["import", "docs"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: cannot create "))
        #expect(run.stderr.hasSuffix("; nothing was imported\n"))
        #expect(run.stdout == "")
        #expect(!scratch.exists("content/.portico-import.json"))
        #expect(try scratch.read("content/assets") == "not a folder")
    }

    @Test(arguments: [
        (["import", "missing"], "error: 'missing' does not exist or is not a folder\n"),
        (
            ["import", "docs", "--owner", "omer"],
            "error: unknown owner 'omer' (did you mean 'omar'?): the team in content/program.yml is dana, omar\n"
        ),
        (
            ["import", "docs", "--content", "nowhere"],
            "error: nowhere/program.yml does not exist; import needs the program's team to choose the assets' owner "
                + "(run 'portico init' for a starting point, or pass --content)\n"
        ),
        (
            ["import", "content/assets"],
            "error: 'content/assets' is inside the content folder; import from a folder outside it\n"
        ),
    ])
    func usageErrorsExitWithStatus2(_ arguments: [String], _ message: String) throws {
        let scratch = try ImportTests.project()
        let before = try scratch.snapshot("content")
        let run = try PorticoRun.run(arguments, in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == message)
        #expect(run.stdout == "")
        #expect(try scratch.snapshot("content") == before)
    }

    @Test func anUnknownKindIsAUsageError() throws {
        let scratch = try ImportTests.project()
        let run = try PorticoRun.run(["import", "docs", "--kind", "poster"], in: scratch.url)
        #expect(run.status == 2)
        #expect(
            run.stderr.hasPrefix("error: --kind must be one of one-pager, objection, snapshot, guide, not 'poster'\n"))
        #expect(!scratch.exists("content/.portico-import.json"))
    }

    @Test func aProgramWithoutATeamIsAUsageError() throws {
        let scratch = try ImportTests.project()
        let program = try scratch.read("content/program.yml")
        let withoutTeam = program.replacingOccurrences(of: "team:\n", with: "staff:\n")
        try scratch.write(withoutTeam, to: "content/program.yml")
        let run = try PorticoRun.run(["import", "docs"], in: scratch.url)
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "error: content/program.yml has no team; add the people who own content under 'team' before importing\n"
        )
    }
}

/// The pieces of the importer that are easiest to pin down on their own.
@Suite struct ImportPartsTests {
    @Test func yamlScalarsReadBackExactlyAsWritten() throws {
        for text in [
            "Welcome, partners", "Q3: pricing", "yes", "No", "2026-01-01", "#1 tip", "It's fine", "\"Quoted\"",
            "a # b", "- dash", "ends with:", "tab\there", "Rocket 🚀", "[draft] notes", "@team", "back\\slash",
            "null", "12", "3.5", "Émile's café",
        ] {
            let written = AssetText.scalar(text)
            let read = SourceFrontMatter.read("---\nk: \(written)\n---\n")
            guard case .success(let frontMatter) = read else {
                Issue.record("\(written) does not parse")
                continue
            }
            #expect(frontMatter.fields["k"] == .text(text), "\(text) written as \(written)")
        }
        #expect(AssetText.scalar("Weekly standup") == "Weekly standup")
        #expect(AssetText.scalar("Q3: pricing") == "\"Q3: pricing\"")
    }

    @Test func idsComeFromThePathWithoutItsExtension() {
        #expect(
            ImportPlan.naturalID("operations/02-weekly-standup.md", folderName: "docs")
                == "operations-02-weekly-standup")
        #expect(ImportPlan.naturalID("guides/setup/index.md", folderName: "docs") == "guides-setup")
        #expect(ImportPlan.naturalID("guides/setup/_index.md", folderName: "docs") == "guides-setup")
        #expect(ImportPlan.naturalID("guides/README.md", folderName: "docs") == "guides")
        #expect(ImportPlan.naturalID("README.md", folderName: "Old Wiki") == "old-wiki")
        #expect(ImportPlan.naturalID("notes/Café Ünïcode.md", folderName: "x") == "notes-cafe-unicode")
        #expect(ImportPlan.naturalID("日本語.md", folderName: "x") == "document")
        #expect(ImportPlan.naturalID(String(repeating: "long-name-", count: 20) + ".md", folderName: "x").count <= 100)
        #expect(ImportPlan.uniqueID("guides", taken: ["guides", "guides-2"]) == "guides-3")
    }

    @Test func summariesAreTheFirstSentenceCutAtAWord() {
        #expect(ImportPlan.firstSentence(of: "Use it, e.g. for pricing. Then more.") == "Use it, e.g. for pricing.")
        #expect(ImportPlan.firstSentence(of: "Ask [[Deal Desk|the desk]] first! Or not.") == "Ask the desk first!")
        #expect(ImportPlan.firstSentence(of: "No full stop at all") == "No full stop at all")
        let long = String(repeating: "word ", count: 60) + "end."
        let summary = ImportPlan.firstSentence(of: long) ?? ""
        #expect(summary.count <= 200)
        #expect(summary.hasSuffix("word…"))
    }

    @Test func mdxStatementsAtTheTopAreFoundAcrossLines() throws {
        let body =
            "\nimport {\n  Tabs,\n  TabItem,\n} from '@theme/Tabs';\nexport const meta = {\n  a: 1,\n};\n\n# Title\n"
        let preamble = try #require(MDXPreamble.find(in: body))
        #expect(preamble.statements.map(\.line) == [2, 6])
        #expect(ImportPlan.apply([(preamble.range, "")], to: body) == "\n# Title\n")
        #expect(MDXPreamble.find(in: "Import the data first.\n") == nil)
        #expect(MDXPreamble.find(in: "# Title\n\nimport x from 'y'\n") == nil)
    }

    @Test func linksInsideCodeAreNotFound() {
        let body = """
            A [real](a.md) link, ``code with `[fake](b.md)` inside`` and `[[wiki]]`,
            a span `across
            lines [x](c.md)` and [[d]].

            ~~~
            [fenced](e.md) {{< ref "f.md" >}}
            ~~~

            [def]: g.md
            """
        let finder = LinkFinder(body: body)
        let targets = finder.occurrences(wanted: LinkRewriter.isRewritable).found.map(\.target)
        #expect(targets == ["a.md", "d", "g.md"])
    }

    @Test func sitePathsMatchTheOneDocumentWithTheSameEnding() {
        let targets = LinkTargets(
            documents: ["docs/operations/02-weekly-standup.md", "guides/index.mdx", "a/setup.md", "b/setup.md"],
            files: ["static/img/logo.png"])
        #expect(
            targets.resolve(sitePath: "/docs/operations/02-weekly-standup")
                == .document("docs/operations/02-weekly-standup.md"))
        #expect(
            targets.resolve(sitePath: "/operations/weekly-standup/")
                == .document("docs/operations/02-weekly-standup.md"))
        #expect(targets.resolve(sitePath: "/site/guides") == .document("guides/index.mdx"))
        #expect(targets.resolve(sitePath: "/img/logo.png") == .file("static/img/logo.png"))
        #expect(targets.resolve(sitePath: "/setup") == .unresolved("2 documents match this site path"))
        #expect(targets.resolve(link: "../../x.md", from: "guides") == .unresolved("outside the imported folder"))
    }
}
