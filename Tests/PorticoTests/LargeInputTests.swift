import Foundation
import Testing

/// Inputs far larger than real content must still build.
@Suite struct LargeInputTests {
    @Test func aFiveMegabyteMarkdownFileBuilds() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        var body = "---\ntitle: Big\nkind: guide\nsummary: A very long guide.\nowner: dana\nreviewed: 2026-10-01\n---\n"
        var section = 0
        while body.utf8.count < 5 * 1024 * 1024 {
            section += 1
            body +=
                "## Part \(section)\n\n" + String(repeating: "Partners send *good* opportunities. ", count: 40) + "\n\n"
        }
        body += "The very last line.\n"
        try scratch.write(body, to: "content/assets/big.md")
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stderr == PorticoRun.clearTextAlert)
        let html = try scratch.read("site/assets/big/index.html")
        #expect(html.contains("<h2 id=\"part-\(section)\">Part \(section)</h2>"))
        #expect(html.contains("The very last line."))
    }
}
