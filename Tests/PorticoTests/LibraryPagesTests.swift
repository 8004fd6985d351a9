import Foundation
import Testing

/// Builds Tests/Fixtures/base with Tests/Fixtures/library laid over it: a folder asset with an
/// image, a PDF, a deck and a checklist, a draft, and shared static files.
@Suite struct LibraryPagesTests {
    let scratch: Scratch
    let run: PorticoRun

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("library")
        run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
    }

    func page(_ path: String) throws -> String { try scratch.read("site/" + path) }

    @Test func buildsCleanlyAndLeavesTheDraftOut() throws {
        #expect(run.status == 0)
        #expect(run.stderr == PorticoRun.clearTextAlert)
        #expect(!scratch.exists("site/assets/draft-plan"))
        #expect(!(try page("assets/index.html")).contains("Next year"))
    }

    @Test func folderAssetFilesArePublishedBesideItsPageByteForByte() throws {
        for file in ["timeline.png", "one-pager.pdf", "files/Partner deck.pptx", "screens/dashboard.png"] {
            let source = try Data(contentsOf: scratch.path("content/assets/launch-kit/" + file))
            #expect(try Data(contentsOf: scratch.path("site/assets/launch-kit/" + file)) == source, "\(file)")
        }
        #expect(!scratch.exists("site/assets/launch-kit/index.md"))
        #expect(
            try Data(contentsOf: scratch.path("site/static/logos/fixture.svg"))
                == Data(contentsOf: scratch.path("content/static/logos/fixture.svg")))
    }

    @Test func filesThatAreNotOnlyPicturesAreListedAsDownloads() throws {
        let html = try page("assets/launch-kit/index.html")
        #expect(
            html.contains(
                """
                          <li><a href="../../assets/launch-kit/files/Partner%20deck.pptx" download>files/Partner deck.pptx</a> <span class="muted">Slide deck, 2 KB</span></li>
                          <li><a href="../../assets/launch-kit/one-pager.pdf" download>one-pager.pdf</a> <span class="muted">PDF document, 218 bytes</span></li>
                          <li><a href="../../assets/launch-kit/timeline.png" download>timeline.png</a> <span class="muted">Image (PNG), 70 bytes</span></li>
                """))
        // An asset whose files are only pictures in its text has no downloads section.
        #expect(!(try page("assets/roi-calculator/index.html")).contains("Downloads"))
    }

    @Test func linksBetweenSourceFilesLeadToThePublishedPages() throws {
        let html = try page("assets/launch-kit/index.html")
        #expect(html.contains("<a href=\"../../assets/roi-calculator/index.html#worked-example\">ROI calculator</a>"))
        #expect(html.contains("<a href=\"../../assets/security-objections/index.html\">security answers</a>"))
        #expect(html.contains("<a href=\"../../assets/roi-calculator/index.html\">same by id</a>"))
        #expect(
            html.contains(
                "<img src=\"../../assets/launch-kit/timeline.png\" alt=\"Timeline of a launch: kick-off, first webinar, first referral\" />"
            ))
        #expect(html.contains("<a href=\"../../assets/launch-kit/files/Partner%20deck.pptx\">slide deck</a>"))
        #expect(html.contains("<img src=\"../../static/logos/fixture.svg\" alt=\"Fixture Co logo\" />"))
        // Raw HTML's image is resolved and published as a Markdown image would be, and is not a download.
        #expect(
            html.contains(
                "<p><img src=\"../../assets/launch-kit/screens/dashboard.png\" alt=\"The partner dashboard after the first referral\" width=\"320\"></p>"
            ))
    }

    @Test func aTitleRepeatedAsTheFirstHeadingIsLeftOut() throws {
        let html = try page("assets/launch-kit/index.html")
        #expect(html.components(separatedBy: "<h1").count == 2)
        #expect(html.contains("<h2 id=\"launch-checklist\">Launch checklist</h2>"))
    }

    /// The checklist asks its reader to tick items as they go: the checkboxes are not disabled.
    @Test func taskListCheckboxesAreLabelledByTheirItem() throws {
        let html = try page("assets/launch-kit/index.html")
        #expect(
            html.contains(
                """
                <li class="task-item"><label class="task task-done"><input type="checkbox" checked=""> Sign the agreement</label></li>
                <li class="task-item"><label class="task"><input type="checkbox"> Book the kick-off with <a href="mailto:dana@fixture.example">Dana</a></label></li>
                """))
    }
}

/// Links that are reported still lead as far as they can.
@Suite struct BrokenLinkPagesTests {
    @Test func aMissingAnchorStillLeadsToThePageAndAMissingPageIsLeftAsWritten() throws {
        let scratch = try BadContentTests.prepare("link-broken")
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(run.status == 0)
        let html = try scratch.read("site/assets/security-objections/index.html")
        #expect(html.contains("<a href=\"../../assets/roi-calculator/index.html#worked-exampel\">its example</a>"))
        #expect(html.contains("<a href=\"roi-calculater.md\">the calculator</a>"))
        #expect(html.contains("<a href=\"../../assets/roi-calculator/index.html#how-to-use-it\">calculator</a>"))
    }
}

/// A file over the size a download should stay under is reported; it is generated here so
/// that no 25 MB file is committed.
@Suite struct LargeFileTests {
    @Test func aFileOver25MBIsAWarningAtItsPath() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.write(
            "---\ntitle: Kit\nkind: guide\nsummary: A kit.\nowner: dana\nreviewed: 2026-10-01\n---\nSee the [video](demo.mp4).\n",
            to: "content/assets/kit/index.md")
        try scratch.write(Data(count: 26_000_000), to: "content/assets/kit/demo.mp4")
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(run.status == 0)
        #expect(
            run.stderr
                == PorticoRun.clearTextAlert
                + "content/assets/kit/demo.mp4:1:1: warning: 'demo.mp4' is 26 MB, over the 25 MB a download should stay under\n"
                + "  hint: compress it, split it, or link to where it is hosted instead\n")
        #expect(scratch.exists("site/assets/kit/demo.mp4"))
    }
}
