import Foundation
import Testing

/// With a large library a partner page stays short: the freshest assets, and a link to the rest.
@Suite struct LargeLibraryTests {
    @Test func partnerPageListsAtMostThirtyOtherAssetsFreshestFirst() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        for number in 1...40 {
            let day = String(format: "2026-%02d-%02d", 1 + number / 28, 1 + number % 28)
            try scratch.write(
                "---\ntitle: Note \(String(format: "%02d", number))\nkind: guide\nsummary: Note.\nowner: dana\n"
                    + "reviewed: \(day)\nreview_every: 3650\n---\nBody.\n",
                to: "content/assets/note-\(number).md")
        }
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(run.status == 0)
        let html = try scratch.read("site/partners/bridge/index.html")
        // 42 assets serve integration partners; the 30 most recently reviewed are listed.
        let listed = html.components(separatedBy: "class=\"asset-title\"").count - 1
        #expect(listed == 30)
        #expect(html.contains("note-40/index.html\""))
        #expect(!html.contains("note-1/index.html\""))
        #expect(html.contains(">12 more in the library</a>"))
        #expect(html.contains("href=\"../../assets/index.html\""))
        // The library itself lists everything.
        let library = try scratch.read("site/assets/index.html")
        #expect(library.components(separatedBy: "class=\"asset-title\"").count - 1 == 43)
    }
}
