import Foundation
import PorticoImport
import Testing

/// `portico import` on folders kept for one generator each (Tests/Fixtures/import/gitbook,
/// docusaurus, mkdocs and github): the generator is detected and its link rules applied.
@Suite struct ImportToolTests {
    /// The base program with the fixture `name` beside it as `folder`.
    static func project(_ name: String, as folder: String? = nil) throws -> Scratch {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("import/\(name)", to: folder ?? name)
        return scratch
    }

    static func importing(_ folder: String, in scratch: Scratch) throws -> PorticoRun {
        let run = try PorticoRun.run(["import", folder, "--date", "2026-11-01"], in: scratch.url)
        #expect(run.stderr == "")
        #expect(run.status == 0)
        return run
    }

    @Test func gitBookPicturesInTheHiddenAssetsFolderAreCopiedAndSummaryGivesTheOrder() throws {
        let scratch = try ImportToolTests.project("gitbook")
        let run = try ImportToolTests.importing("gitbook", in: scratch)
        #expect(
            run.stdout == """
                Source: GitBook, detected from .gitbook.yaml (documents in docs/).

                Imported 3 documents from gitbook:
                  docs/README.md → content/assets/gitbook/index.md
                  docs/getting-started.md → content/assets/getting-started/index.md
                  docs/guides/setup.md → content/assets/guides-setup/index.md

                Copied 7 files:
                  docs/.gitbook/assets/Screenshot 2024.png → content/assets/gitbook/Screenshot 2024.png
                  docs/.gitbook/assets/logo.png → content/assets/gitbook/logo.png
                  docs/.gitbook/assets/Q&A.png → content/assets/getting-started/Q&A.png
                  docs/.gitbook/assets/diagram.png → content/assets/getting-started/diagram.png
                  docs/.gitbook/assets/diagram.png → content/assets/guides-setup/diagram.png
                  docs/.gitbook/assets/logo.png → content/assets/guides-setup/logo.png
                  docs/.gitbook/assets/logo@2x.png → content/assets/guides-setup/logo@2x.png

                Links it could not resolve, left as written:
                  docs/getting-started.md:15: ../.git/config (hidden folder)
                  docs/guides/setup.md:15: ../.gitbook/assets/missing.png (no such file)

                Summaries taken from the first paragraph:
                  docs/README.md
                  docs/guides/setup.md

                Review dates that are a guess:
                  docs/README.md: no commit or date: reviewed set to today (2026-11-01), check it
                  docs/getting-started.md: no commit or date: reviewed set to today (2026-11-01), check it
                  docs/guides/setup.md: no commit or date: reviewed set to today (2026-11-01), check it

                Order from docs/SUMMARY.md, which assets have no field for (docs/SUMMARY.md itself is not imported):
                  1. docs/README.md → gitbook
                  2. docs/getting-started.md → getting-started
                  3. docs/guides/setup.md → guides-setup

                Imported 3 documents (3 as folders with 7 files), rewrote 14 links; 2 links could not be resolved.

                """)
        // The top README is named after the folder; "Inc." does not end the summary; the picture
        // leaves the hidden folder, which would stay hidden in the asset too; so does the one
        // GitBook shows as raw HTML, its space encoded as in a Markdown link.
        #expect(
            try scratch.read("content/assets/gitbook/index.md") == """
                ---
                title: Acme handbook
                kind: guide
                summary: The handbook for Acme Inc. partners and staff.
                owner: dana
                reviewed: 2026-11-01
                ---
                # Acme handbook

                The handbook for Acme Inc. partners and staff. It covers setup and support.

                ![Acme logo](logo.png)

                <figure><img src="Screenshot%202024.png" alt="The partner dashboard"><figcaption><p>The partner dashboard</p></figcaption></figure>

                Start with [getting started](../getting-started/index.md) or the [setup guide](../guides-setup/index.md).

                """)
        // GitBook's hint stays for the build to render; a root link starts at GitBook's root; a
        // heading's GitBook id becomes its explicit id.
        #expect(
            try scratch.read("content/assets/getting-started/index.md").hasSuffix(
                """
                {% hint style="info" %}
                Ask your partner manager for a key first.
                {% endhint %}

                ![How it connects](diagram.png)

                <figure><img src='Q&amp;A.png' alt="Questions and answers"><figcaption></figcaption></figure>

                Then read the [setup guide](../guides-setup/index.md). The [repository settings](../.git/config) are not part of the handbook.

                ## Keys {#k3ys}

                See [keys](#k3ys).

                """))
        #expect(
            try scratch.read("content/assets/guides-setup/index.md").contains(
                "\nsummary: Install the connector, e.g. with the package manager.\n"))
        // Each address of a srcset is rewritten; code keeps what it shows; a missing picture stays.
        #expect(
            try scratch.read("content/assets/guides-setup/index.md").hasSuffix(
                """
                <figure>
                  <picture>
                    <source srcset="logo.png 1x, logo@2x.png 2x" media="(min-width: 600px)">
                    <img src="diagram.png" alt="The connector">
                  </picture>
                  <figcaption>The connector, <a href="../gitbook/index.md">from the handbook</a></figcaption>
                </figure>

                <img src="../.gitbook/assets/missing.png" alt="A lost picture">

                Write `<img src="../.gitbook/assets/code.png">` to show a picture.

                Back to [the handbook](../gitbook/index.md) or [getting started](../getting-started/index.md).

                """))
        let copied = try scratch.snapshot("content/assets/guides-setup")
        #expect(copied.keys.sorted() == ["diagram.png", "index.md", "logo.png", "logo@2x.png"])
        #expect(
            copied["logo@2x.png"] == (try Data(contentsOf: scratch.path("gitbook/docs/.gitbook/assets/logo@2x.png"))))
        #expect(
            try scratch.snapshot("content/assets/gitbook")["Screenshot 2024.png"]
                == (try Data(contentsOf: scratch.path("gitbook/docs/.gitbook/assets/Screenshot 2024.png"))))
        #expect(scratch.exists("content/assets/getting-started/Q&A.png"))
        #expect(
            try scratch.snapshot("content/assets/gitbook")["logo.png"]
                == (try Data(contentsOf: scratch.path("gitbook/docs/.gitbook/assets/logo.png"))))
        #expect(!scratch.exists("content/assets/summary.md"))
    }

    @Test func docusaurusLinksResolveFromTheDocsRootAndJSXImagesBecomeMarkdown() throws {
        let scratch = try ImportToolTests.project("docusaurus")
        let run = try ImportToolTests.importing("docusaurus", in: scratch)
        #expect(
            run.stdout == """
                Source: Docusaurus, detected from docusaurus.config.js (documents in docs/, base path /acme/, docs served at /docs/).

                Imported 2 documents from docusaurus:
                  docs/guides/setup.mdx → content/assets/guides-setup/index.md
                  docs/intro.md → content/assets/intro.md

                Copied 3 files:
                  docs/guides/screenshot.png → content/assets/guides-setup/screenshot.png
                  static/img/banner.png → content/assets/guides-setup/banner.png
                  static/img/logo.png → content/assets/guides-setup/logo.png

                Links it could not resolve, left as written:
                  docs/guides/setup.mdx:28: ./nowhere.md (no such file)
                  docs/guides/setup.mdx:28: /acme/docs/nowhere (no document matches this site path)

                Summaries taken from the first paragraph:
                  docs/intro.md

                Review dates that are a guess:
                  docs/guides/setup.mdx: no commit or date: reviewed set to today (2026-11-01), check it
                  docs/intro.md: no commit or date: reviewed set to today (2026-11-01), check it

                Sidebar order and labels, which assets have no field for:
                  docs/guides/setup.mdx → guides-setup: position 2
                  docs/intro.md → intro: position 1, label "Start here"

                Old URLs (slug), which Portico does not redirect; link to the new page instead:
                  docs/intro.md: /acme/docs/welcome → content/assets/intro.md

                JSX images written as Markdown images:
                  docs/guides/setup.mdx:8: /img/logo.png
                  docs/guides/setup.mdx:13: ./screenshot.png

                MDX import and export lines removed:
                  docs/guides/setup.mdx:6: import useBaseUrl from '@docusaurus/useBaseUrl';

                Imported 2 documents (1 as a folder with 3 files), rewrote 8 links; 2 links could not be resolved.

                """)
        // `intro.md` from docs/guides is found in the docs root, in Markdown and in raw HTML, and
        // its slug names it too; a root <img> is read from static/ and copied;
        // `:::tip` stays for the build;
        // the code block's title becomes a line before it.
        #expect(
            try scratch.read("content/assets/guides-setup/index.md") == """
                ---
                title: Setting up
                kind: guide
                summary: Install the connector and point it at your CRM.
                owner: dana
                reviewed: 2026-11-01
                ---
                ![Acme logo](logo.png)

                Start from the [introduction](../intro.md), served at [/acme/docs/welcome](../intro.md).
                <a href="../intro.md">The introduction</a> is found in the docs root too.

                ![The settings screen](screenshot.png)

                <img src="banner.png" alt="The Acme banner" width="600" />

                :::tip
                Keep your key somewhere safe.
                :::

                **acme.config.js**
                ```js
                module.exports = { key: process.env.ACME_KEY };
                ```

                A [missing page](/acme/docs/nowhere) stays as written, and so does <a href='./nowhere.md'>this one</a>.

                """)
        // The base URL and the docs' route are left out of a root link before it is resolved.
        // An absolute address in raw HTML stays, and so do its missing quotes.
        #expect(
            try scratch.read("content/assets/intro.md").hasSuffix(
                """
                Read the [setup guide](guides-setup/index.md) next.

                <p>Already set up? See <a href="guides-setup/index.md#top">the settings</a> or <a href=https://acme.example>the site</a>.</p>

                """))
        #expect(
            try scratch.snapshot("content/assets/guides-setup")["banner.png"]
                == (try Data(contentsOf: scratch.path("docusaurus/static/img/banner.png"))))
        #expect(
            try scratch.snapshot("content/assets/guides-setup")["logo.png"]
                == (try Data(contentsOf: scratch.path("docusaurus/static/img/logo.png"))))
    }

    @Test func mkDocsMetaDataDescriptionIsTheSummaryAndTheSiteURLPathIsLeftOut() throws {
        let scratch = try ImportToolTests.project("mkdocs")
        let run = try ImportToolTests.importing("mkdocs", in: scratch)
        #expect(
            run.stdout == """
                Source: MkDocs, detected from mkdocs.yml (documents in docs/, base path /handbook/).

                Imported 2 documents from mkdocs:
                  docs/index.md → content/assets/mkdocs.md
                  docs/usage.md → content/assets/usage.md

                Links it could not resolve, left as written:
                  docs/usage.md:8: changelog.md (no such file)

                Fields it could not map, left out:
                  docs/index.md: authors

                Summaries taken from the first paragraph:
                  docs/usage.md

                Review dates that are a guess:
                  docs/index.md: no commit or date: reviewed set to today (2026-11-01), check it
                  docs/usage.md: no commit or date: reviewed set to today (2026-11-01), check it

                Imported 2 documents, rewrote 1 link; 1 link could not be resolved.

                """)
        #expect(
            try scratch.read("content/assets/mkdocs.md") == """
                ---
                title: Acme docs
                kind: guide
                summary: How partners use the Acme connector.
                owner: dana
                reviewed: 2026-11-01
                ---
                # Acme docs

                Start with [usage](usage.md).

                """)
        // The admonition stays as written for the build to render; "i.e." does not end a sentence.
        #expect(
            try scratch.read("content/assets/usage.md") == """
                ---
                title: Usage
                kind: guide
                summary: Run the sync every night, i.e. after the office closes.
                owner: dana
                reviewed: 2026-11-01
                ---
                # Usage

                Run the sync every night, i.e. after the office closes. Check the log in the morning.

                !!! note
                    Read the [home page](mkdocs.md) first.

                The [changelog](changelog.md) is not written yet.

                """)
    }

    /// A repository's README and docs, committed on two days; `intro.md` is never committed.
    static func githubProject() throws -> Scratch {
        let scratch = try ImportToolTests.project("github", as: "widget")
        let repository = scratch.path("widget")
        try GitRepo.run(["init", "-q"], in: repository)
        try GitRepo.commit(
            ["README.md", "docs/README.md", "docs/install.md", "docs/intro.md"], in: repository,
            date: "2026-09-01T10:00:00Z")
        try GitRepo.commit(["docs/guide.md"], in: repository, date: "2026-10-02T23:30:00Z")
        return scratch
    }

    @Test func aRepositoryTakesReviewDatesFromItsCommitsAndRootLinksMatchExactly() throws {
        let scratch = try ImportToolTests.githubProject()
        let run = try ImportToolTests.importing("widget", in: scratch)
        #expect(
            run.stdout == """
                Imported 6 documents from widget:
                  README.md → content/assets/widget.md
                  docs/README.md → content/assets/docs.md
                  docs/guide.md → content/assets/docs-guide.md
                  docs/install.md → content/assets/docs-install.md
                  docs/intro.md → content/assets/docs-intro.md
                  intro.md → content/assets/intro.md

                Summaries taken from the first paragraph:
                  README.md
                  docs/README.md
                  docs/guide.md
                  docs/install.md
                  docs/intro.md
                  intro.md

                Review dates that are a guess:
                  intro.md: no commit or date: reviewed set to today (2026-11-01), check it

                Imported 6 documents, rewrote 6 links; 0 links could not be resolved.

                """)
        // `/docs/README.md` is the docs folder's page, as `docs/README.md` would be.
        #expect(
            try scratch.read("content/assets/widget.md") == """
                ---
                title: Widget
                kind: guide
                summary: Widget syncs partner data for Acme Corp. and its resellers.
                owner: dana
                reviewed: 2026-09-01
                ---
                # Widget

                Widget syncs partner data for Acme Corp. and its resellers. It runs on any server.

                Read the [guide](docs-guide.md), the [install steps](docs-install.md) and the [docs home](docs.md).

                """)
        // `/docs/intro` is docs/intro.md exactly, not intro.md, whose path only ends the same way;
        // GitHub's `> [!NOTE]` stays for the build to render.
        #expect(
            try scratch.read("content/assets/docs-guide.md") == """
                ---
                title: Guide
                kind: guide
                summary: Follow the install steps, then the introduction.
                owner: dana
                reviewed: 2026-10-02
                ---
                # Guide

                > [!NOTE]
                > Widget needs a key from Dr. Lee before it starts.

                Follow the [install steps](docs-install.md), then the [introduction](docs-intro.md).

                """)
        #expect(try scratch.read("content/assets/docs.md").hasSuffix("Back to the [project](widget.md).\n"))
        #expect(try scratch.read("content/assets/intro.md").contains("\nreviewed: 2026-11-01\n"))
    }

    @Test func aTopReadmeInSrcIsNamedAfterTheFolderAboveIt() throws {
        let scratch = try ImportToolTests.project("github", as: "widget/src")
        let run = try ImportToolTests.importing("widget/src", in: scratch)
        #expect(run.stdout.hasPrefix("Imported 6 documents from widget/src:\n  README.md → content/assets/widget.md\n"))
    }
}
