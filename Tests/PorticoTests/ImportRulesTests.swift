import Foundation
import PorticoImport
import PorticoSupport
import Testing

/// The rules added for migrating whole docs libraries, each on its own.
@Suite struct ImportRulesTests {
    /// GitBook's heading ids, written as an empty link at the heading's end, become the heading's
    /// explicit id, so links to them keep working; other lines are left alone.
    @Test func gitBookHeadingAnchorsBecomeExplicitIds() {
        #expect(
            GitBookHeadingAnchors.rewrite("### Overview <a href=\"#e7tjitffe17\" id=\"e7tjitffe17\"></a>")
                == "### Overview {#e7tjitffe17}")
        #expect(
            GitBookHeadingAnchors.rewrite("## Error codes <a id=\"error-codes\" href=\"#error-codes\"></a>")
                == "## Error codes {#error-codes}")
        #expect(GitBookHeadingAnchors.rewrite("### Mismatch <a href=\"#a\" id=\"b\"></a>") == nil)
        #expect(GitBookHeadingAnchors.rewrite("Text <a href=\"#a\" id=\"a\"></a>") == nil)
        #expect(GitBookHeadingAnchors.rewrite("## Kept {#mine} <a href=\"#a\" id=\"a\"></a>") == nil)
        #expect(GitBookHeadingAnchors.rewrite("## Linked <a href=\"#a\" id=\"a\">here</a>") == nil)
    }

    @Test func anExactRootPathWinsOverOneThatOnlyEndsTheSame() {
        let targets = LinkTargets(
            documents: ["custom-props/introduction.md", "introduction.md", "guides/README.md", "a/setup.md"],
            files: [])
        #expect(
            targets.resolve(link: "/custom-props/introduction", from: "x") == .document("custom-props/introduction.md"))
        #expect(targets.resolve(sitePath: "/custom-props/introduction") == .document("custom-props/introduction.md"))
        #expect(targets.resolve(link: "/guides/README.md", from: "") == .document("guides/README.md"))
        #expect(targets.resolve(sitePath: "/site/guides/README.md") == .document("guides/README.md"))
        #expect(targets.resolve(link: "/docs/a/setup", from: "") == .document("a/setup.md"))
    }

    @Test func hiddenFilesAndGitAreRefusedWithTheirReason() {
        let targets = LinkTargets(
            documents: ["a.md"], files: [".gitbook/assets/x.png"], hidden: [".env", ".obsidian/notes.md"])
        #expect(targets.resolve(link: ".gitbook/assets/x.png", from: "") == .file(".gitbook/assets/x.png"))
        #expect(targets.resolve(link: ".git/config", from: "") == .unresolved("hidden folder"))
        #expect(targets.resolve(link: "../.env", from: "docs") == .unresolved("hidden file"))
        #expect(targets.resolve(link: ".obsidian/notes.md", from: "") == .unresolved("hidden folder"))
        #expect(targets.resolve(link: "missing.png", from: "") == .unresolved("no such file"))
        #expect(targets.resolve(link: ".venv/lib/x.png", from: "") == .unresolved("hidden folder"))
        #expect(targets.resolve(link: "node_modules/pkg/logo.png", from: "") == .unresolved("skipped folder"))
    }

    @Test func docusaurusResolvesFromTheFolderThenTheDocsRootThenTheSiteRoot() {
        let tool = SourceTool(
            kind: .docusaurus, configFile: "docusaurus.config.js", docsRoot: "docs", basePath: "/acme/",
            routeBase: "guide", staticRoots: ["static"])
        let targets = LinkTargets(
            documents: ["docs/intro.md", "docs/a/b.md", "README.md"], files: ["static/img/x.png"], tool: tool)
        #expect(targets.resolve(link: "intro.md", from: "docs/a") == .document("docs/intro.md"))
        #expect(targets.resolve(link: "README.md", from: "docs/a") == .document("README.md"))
        #expect(targets.resolve(link: "/acme/guide/a/b", from: "docs") == .document("docs/a/b.md"))
        #expect(targets.resolve(link: "/img/x.png", from: "docs") == .file("static/img/x.png"))
        #expect(targets.resolve(link: "nowhere.md", from: "docs/a") == .unresolved("no such file"))
    }

    @Test func docusaurusSlugsAreBelowTheDocsRoute() {
        let tool = SourceTool(
            kind: .docusaurus, configFile: "docusaurus.config.js", docsRoot: "docs", basePath: "/", routeBase: "docs")
        #expect(tool.slugPage("/welcome", document: "docs/a/intro.md") == "docs/welcome")
        #expect(tool.slugPage("start/", document: "docs/a/intro.md") == "docs/a/start")
        #expect(tool.slugPage("/x", document: "blog/post.md") == nil)
        let targets = LinkTargets(
            documents: ["docs/a/intro.md"], files: [], tool: tool, slugs: ["docs/welcome": "docs/a/intro.md"])
        #expect(targets.resolve(link: "/docs/welcome/", from: "") == .document("docs/a/intro.md"))
    }

    @Test func hugoAndJekyllAreDetectedWithTheirRootsAndBasePaths() throws {
        let scratch = try Scratch()
        try scratch.write("baseURL = 'https://x.example/handbook/'\ntitle = 'X'\n", to: "hugo/hugo.toml")
        try scratch.write("baseurl: /wiki\n", to: "jekyll/_config.yml")
        let hugo = try #require(SourceTool.detect(root: scratch.path("hugo")))
        #expect(hugo.description == "Hugo, detected from hugo.toml (documents in content/, base path /handbook/)")
        let jekyll = try #require(SourceTool.detect(root: scratch.path("jekyll")))
        #expect(jekyll.description == "Jekyll, detected from _config.yml (base path /wiki/)")
        #expect(SourceTool.detect(root: scratch.url) == nil)
        try scratch.write("root: ./book/\nstructure:\n  readme: intro.md\n  summary: toc.md\n", to: "gb/.gitbook.yaml")
        let gitbook = try #require(SourceTool.detect(root: scratch.path("gb")))
        #expect(gitbook.docsRoot == "book")
        #expect(ImportNavigation.summaryPath(gitbook) == "book/toc.md")

        let targets = LinkTargets(
            documents: ["content/blog/a.md", "content/about.md", "README.md"], files: ["static/x.png"],
            tool: SourceTool(
                kind: .hugo, configFile: "hugo.toml", docsRoot: "content", basePath: "/handbook/",
                staticRoots: ["static"]))
        #expect(targets.resolve(link: "/handbook/blog/a/", from: "content") == .document("content/blog/a.md"))
        #expect(targets.resolve(link: "/x.png", from: "content/blog") == .file("static/x.png"))
        #expect(targets.resolve(shortcode: "/about", from: "content/blog") == .document("content/about.md"))
        #expect(targets.resolve(shortcode: "blog/a.md", from: "content/blog") == .document("content/blog/a.md"))
    }

    @Test func configurationValuesAreReadWithoutRunningTheConfiguration() {
        #expect(SourceTool.topLevelValue("docs_dir", in: "site_name: X\ndocs_dir: 'pages' # here\n") == "pages")
        #expect(
            SourceTool.topLevelValue("baseURL", in: "baseURL = \"https://x.example/sub/\"\n")
                == "https://x.example/sub/")
        #expect(SourceTool.topLevelValue("root", in: "  root: nested\n") == nil)
        #expect(SourceTool.scriptString("baseUrl", in: "const c = {\n  baseUrl: \"/b/\",\n}") == "/b/")
    }

    @Test func gitLogGivesEachPathItsNewestCommitDay() {
        let log = "\u{1}2026-10-02\n\ndocs/guide.md\n\u{1}2026-09-01\n\nREADME.md\ndocs/guide.md\n"
        #expect(GitDates.parse(log) == ["docs/guide.md": Day("2026-10-02"), "README.md": Day("2026-09-01")])
    }

    @Test func summariesDoNotEndAtAbbreviations() {
        for (text, sentence) in [
            ("Made by Acme Inc. for partners. More.", "Made by Acme Inc. for partners."),
            ("Use it (e.g. daily) well. More.", "Use it (e.g. daily) well."),
            ("Ask Dr. Lee or J. Smith first. More.", "Ask Dr. Lee or J. Smith first."),
            ("Apples vs. pears, i.e. fruit. More.", "Apples vs. pears, i.e. fruit."),
        ] {
            #expect(ImportPlan.firstSentence(of: text) == sentence)
        }
    }

    @Test func descriptionIsASummaryInAnyCase() {
        let mapped = FrontMatterMapping.map(["Description": .text("What it does."), "Title": .text("X")])
        #expect(mapped.summary == "What it does.")
        #expect(mapped.title == "X")
        #expect(mapped.unmapped.isEmpty)
    }

    @Test func codeBlockTitlesAreTakenOutOfTheFence() throws {
        let quoted = try #require(CodeBlockTitles.split(#"```js title="src/a.js" {1,3}"#))
        #expect(quoted.title == "src/a.js")
        #expect(quoted.fence == "```js {1,3}")
        let bare = try #require(CodeBlockTitles.split("```yaml title=config.yml"))
        #expect(bare.title == "config.yml")
        #expect(bare.fence == "```yaml")
        #expect(CodeBlockTitles.split("```js") == nil)
    }

    @Test func jsxImagePathsAreReadFromTheirCode() {
        #expect(LinkFinder.jsxImagePath("<img src={useBaseUrl('/img/x.png')} />") == "/img/x.png")
        #expect(LinkFinder.jsxImagePath("<img src={require(\"./x.png\").default} />") == "./x.png")
        #expect(LinkFinder.jsxImagePath("<img src={require('@site/static/y.png')} />") == "/static/y.png")
        #expect(LinkFinder.jsxImagePath("<img src=\"plain.png\" />") == nil)
        #expect(LinkFinder.attribute("alt", in: "<img alt={'A \"b\"'} src={x} />") == "A \"b\"")
        let finder = LinkFinder(
            body: "Text `<img src={useBaseUrl('/a.png')} />`\n\n<img\n  src={useBaseUrl('/b.png')}\n/>\n")
        let found = finder.occurrences(wanted: LinkRewriter.isRewritable).found
        #expect(found.map(\.target) == ["/b.png"])
        #expect(found.map(\.line) == [3])
    }
}
