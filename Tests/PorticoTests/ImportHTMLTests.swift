import Foundation
import PorticoImport
import Testing

/// The addresses of raw HTML that the import rewrites: `src`, `href` and each address of a
/// `srcset`, outside code.
@Suite struct ImportHTMLTests {
    private func found(_ body: String) -> [LinkOccurrence] {
        LinkFinder(body: body).occurrences(wanted: LinkRewriter.isRewritable).found
    }

    @Test func doubleSingleAndUnquotedValuesAreFoundWithTheirQuotes() {
        let body = """
            <img src="a b.png" alt="A"> <img src='c.png'> <img src=d.png>
            <a href="x.md">X</a> <A HREF = "y.md">Y</A>

            """
        let occurrences = found(body)
        #expect(occurrences.map(\.target) == ["a b.png", "c.png", "d.png", "x.md", "y.md"])
        #expect(
            occurrences.map(\.form) == [
                .htmlAttribute(quote: "\"", sourceSet: false), .htmlAttribute(quote: "'", sourceSet: false),
                .htmlAttribute(quote: nil, sourceSet: false), .htmlAttribute(quote: "\"", sourceSet: false),
                .htmlAttribute(quote: "\"", sourceSet: false),
            ])
        #expect(occurrences.map(\.line) == [1, 1, 1, 2, 2])
        // Only the value is replaced, so the quotes stay as written.
        let first = occurrences[0]
        #expect(Array(body.utf8)[first.range.lowerBound - 1] == UInt8(ascii: "\""))
        #expect(first.written == "a b.png")
    }

    @Test func eachAddressOfASourceSetIsFound() {
        let occurrences = found(
            """
            <picture>
              <source srcset="small.png 1x,large.png   2x , /img/huge.png 3x" media="(min-width: 600px)">
              <img src="small.png" alt="">
            </picture>

            """)
        #expect(occurrences.map(\.target) == ["small.png", "large.png", "/img/huge.png", "small.png"])
        #expect(occurrences.prefix(3).allSatisfy { $0.form == .htmlAttribute(quote: "\"", sourceSet: true) })
    }

    @Test func otherAttributesAbsoluteAddressesAndJSXExpressionsAreIgnored() {
        let occurrences = found(
            """
            <img data-src="lazy.png" alt="x.png" title="y.md" src="https://acme.example/a.png">
            <a href="mailto:dana@acme.example">Mail</a> <a href="//cdn.example/x.png">CDN</a> <a href="#top">Up</a>
            <a href="ok.md" style={{color: 'red'}}>Styled</a>
            <https://acme.example/autolink> and a <b>bold</b> word

            """)
        #expect(occurrences.map(\.target) == ["ok.md"])
    }

    @Test func codeSpansCodeBlocksCommentsAndEscapesAreSkipped() {
        let occurrences = found(
            """
            Write `<img src="span.png">` for a picture.

            ```html
            <img src="fenced.png">
            ```

                <img src="indented.png">

            <!-- <img src="commented.png"> -->

            \\<img src="escaped.png"> but <img src="kept.png">

            """)
        #expect(occurrences.map(\.target) == ["kept.png"])
    }

    @Test func characterReferencesAreUndoneAndWrittenAgain() {
        let occurrences = found("<a href=\"Q&amp;A.md?a=1&#38;b=2\">Q</a>\n")
        #expect(occurrences.map(\.target) == ["Q&A.md?a=1&b=2"])
        #expect(occurrences.map(\.written) == ["Q&amp;A.md?a=1&#38;b=2"])
        #expect(LinkFinder.attributeValue("Q&A.md", quote: "\"", sourceSet: false) == "Q&amp;A.md")
        #expect(LinkFinder.attributeValue("it's.png", quote: "'", sourceSet: false) == "it&#39;s.png")
        #expect(LinkFinder.attributeValue("a'b.png", quote: nil, sourceSet: false) == "\"a'b.png\"")
        #expect(LinkFinder.attributeValue("a,b.png", quote: "\"", sourceSet: true) == "a%2Cb.png")
    }

    @Test func aJSXImageIsStillOneMarkdownImage() {
        let occurrences = found("<img src={require('./x.png').default} alt=\"X\" />\n")
        #expect(occurrences.map(\.form) == [.jsxImage(alt: "X")])
    }

    @Test func rewrittenValuesAreEncodedForTheAssetFolder() throws {
        let finder = LinkFinder(body: "<img src=\"../.gitbook/assets/Shot 1.png\" alt=\"\">\n")
        let targets = LinkTargets(documents: ["guides/a.md"], files: [".gitbook/assets/Shot 1.png"])
        let (links, _) = LinkRewriter.resolve(finder, path: "guides/a.md", targets: targets)
        let link = try #require(links.first)
        #expect(link.target == .file(".gitbook/assets/Shot 1.png"))
        let files = LinkRewriter.placeFiles(links, documentPath: "guides/a.md")
        #expect(files == [".gitbook/assets/Shot 1.png": "Shot 1.png"])
        let location = AssetLocation(id: "guides-a", isFolder: true)
        #expect(
            LinkRewriter.replacement(for: link, in: location, assets: [:], files: files) == "Shot%201.png")
    }

    /// The rewritten addresses are ones the build resolves: it publishes every copied picture
    /// and warns only about the two links the import reported.
    @Test func theBuildFindsEveryFileRawHTMLPointsAt() throws {
        let scratch = try ImportToolTests.project("gitbook")
        _ = try ImportToolTests.importing("gitbook", in: scratch)
        let built = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
        #expect(built.status == 0)
        let linkWarnings = built.stderr.split(separator: "\n").filter { $0.contains("warning: link to") }
        #expect(
            linkWarnings == [
                "content/assets/getting-started/index.md:19:60: warning: link to '../.git/config' leads to nothing",
                "content/assets/guides-setup/index.md:22:1: warning: link to '../.gitbook/assets/missing.png' leads to nothing",
            ])
        for file in [
            "gitbook/Screenshot 2024.png", "getting-started/Q&A.png", "guides-setup/logo.png",
            "guides-setup/logo@2x.png", "guides-setup/diagram.png",
        ] {
            #expect(scratch.exists("site/assets/\(file)"), "\(file)")
        }
    }
}
