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

/// Front matter styles of the documents `portico import` reads.
@Suite struct ImportFrontMatterTests {
    @Test func multiMarkdownMetaDataBeforeTheFirstBlankLineIsFrontMatter() throws {
        let text = "title: Library Reference\nAuthors: Ann\n    Bo\n\n# Using it\n\nBody.\n"
        let read = try SourceFrontMatter.read(text).get()
        #expect(read.format == .meta)
        #expect(read.fields["title"] == .text("Library Reference"))
        #expect(read.fields["authors"] == .list([.text("Ann"), .text("Bo")]))
        #expect(read.body == "# Using it\n\nBody.\n")
        #expect(read.bodyFirstLine == 5)
    }

    @Test func proseThatStartsWithAColonIsNotMetaData() throws {
        for text in ["Note: this is prose.\n\nMore.\n", "title: only a line with no blank after it", "Hello\n"] {
            let read = try SourceFrontMatter.read(text).get()
            #expect(read.format == .none, "\(text)")
            #expect(read.body == text)
        }
    }
}

/// Finding links in the source text so they can be rewritten in place.
@Suite struct ImportLinkFinderTests {
    @Test func linksOnIndentedContinuationLinesAreFound() {
        // MkDocs admonitions indent their text; in CommonMark these lines continue the paragraph.
        let body = "!!! seealso \"See also\"\n    Read [the guide](./guide.md#setup) and [more](other.md).\n"
        let finder = LinkFinder(body: body)
        let (found, unlocated) = finder.occurrences { !$0.contains(":") }
        #expect(found.map(\.written) == ["./guide.md#setup", "other.md"])
        #expect(found.map(\.line) == [2, 2])
        #expect(unlocated.isEmpty)
    }
}
