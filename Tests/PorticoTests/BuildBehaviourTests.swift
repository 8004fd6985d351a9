import Foundation
import Testing

/// What a build does with the output folder, and how the command line behaves around it.
@Suite struct BuildBehaviourTests {
    @Test func twoBuildsOfTheSameInputAreByteIdentical() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25", "--output", "one"], in: scratch.url).status == 0)
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25", "--output", "two"], in: scratch.url).status == 0)
        let one = try scratch.snapshot("one")
        #expect(one.count > 10)
        #expect(one == (try scratch.snapshot("two")))
    }

    @Test func aFailedBuildLeavesThePreviousSiteExactlyAsItWas() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        let before = try scratch.snapshot("site")
        try scratch.write("name: Acme\ntier: [", to: "content/partners/acme.yml")
        let failed = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("Build failed (1 error, 0 warnings); site/ was left as it was"))
        #expect(try scratch.snapshot("site") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
            .filter { $0.contains("portico-") && $0 != "portico-secret.key" }
        #expect(leftovers.isEmpty)
    }

    @Test func aSuccessfulBuildReplacesTheSiteWithoutStaleFiles() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        try FileManager.default.removeItem(at: scratch.path("content/assets/roi-calculator.md"))
        try scratch.write(
            "name: Acme Consulting\nkind: referral\ntier: gold\nstatus: active\nsince: 2025-03-01\nmanager: dana\n"
                + "audience: x\ncontacts:\n  - {name: A, role: B, email: a@x.example}\n"
                + "  - {name: C, role: D, email: c@x.example}\n",
            to: "content/partners/acme.yml")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        #expect(!scratch.exists("site/assets/roi-calculator/index.html"))
        #expect(scratch.exists("site/assets/security-objections/index.html"))
    }

    @Test(arguments: [
        ("/", "error: refusing to write the site to '/'\n"),
        (".", "error: refusing to write the site to the current folder; use a subfolder\n"),
        ("content", "error: refusing to write the site to 'content': it holds or is inside the content folder\n"),
        (
            "content/site",
            "error: refusing to write the site to 'content/site': it holds or is inside the content folder\n"
        ),
        (
            "notes",
            "error: output folder 'notes' is not empty and was not written by Portico; choose another folder with --output, or empty it first\n"
        ),
    ])
    func refusesDangerousOutputFolders(_ output: String, _ message: String) throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.write("keep me", to: "notes/todo.txt")
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--output", output], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == message)
        #expect(try scratch.read("notes/todo.txt") == "keep me")
        #expect(scratch.exists("content/program.yml"))
    }

    @Test func refusesTheHomeFolder() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base", to: "project")
        // The runner sets HOME to the scratch folder.
        let run = try PorticoRun.run(
            ["build", "--content", "project/content", "--output", scratch.url.path], in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: refusing to write the site to"))
    }

    @Test func aBuildClearsWhatAKilledBuildLeftButNotABuildStillRunning() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        // A process that has exited: its id names no running build.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let running = ProcessInfo.processInfo.processIdentifier
        for name in [
            ".site.portico-staging-\(dead)", ".site.portico-previous-\(dead)", ".site.portico-staging-\(running)",
        ] {
            try scratch.write("left behind\n", to: "\(name)/index.html")
        }
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(run.status == 0)
        #expect(!scratch.exists(".site.portico-staging-\(dead)"))
        #expect(!scratch.exists(".site.portico-previous-\(dead)"))
        #expect(scratch.exists(".site.portico-staging-\(running)/index.html"))
        #expect(try scratch.read("site/index.html").contains("<h1"))
    }

    @Test func checkReportsLikeBuildButWritesNothing() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let run = try PorticoRun.run(["check", "--date", "2026-11-25"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stdout == "Checked 25 pages (0 warnings)\n")
        #expect(!scratch.exists("site"))
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let relaxed = try PorticoRun.run(["check", "--date", "2027-06-01"], in: scratch.url)
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("warning: review due"))
        let strict = try PorticoRun.run(["check", "--date", "2027-06-01", "--strict"], in: scratch.url)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: review due"))
        #expect(!strict.stderr.contains("warning:"))
    }

    @Test func usageErrorsExitWithStatusTwo() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let badDate = try PorticoRun.run(["build", "--date", "25/11/2026"], in: scratch.url)
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--date must be a date written YYYY-MM-DD, not '25/11/2026'"))
        #expect(try PorticoRun.run(["build", "--no-such-flag"], in: scratch.url).status == 2)
        let noContent = try PorticoRun.run(["build", "--content", "missing"], in: scratch.url)
        #expect(noContent.status == 2)
        #expect(noContent.stderr == "error: content folder 'missing' does not exist\n")
        let noTemplates = try PorticoRun.run(["build", "--templates", "theme"], in: scratch.url)
        #expect(noTemplates.status == 2)
        #expect(noTemplates.stderr == "error: templates folder 'theme' does not exist\n")
        #expect(!scratch.exists("site"))
    }

    @Test func jsonOutputCarriesTheSameDiagnostics() throws {
        let scratch = try BadContentTests.prepare("review-due")
        let run = try PorticoRun.run(["check", "--date", "2026-11-25", "--json"], in: scratch.url)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["succeeded"] as? Bool == true)
        #expect(json["warnings"] as? Int == 1)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["code"] as? String == "review-due")
        #expect(diagnostics.first?["severity"] as? String == "warning")
        let location = try #require(diagnostics.first?["location"] as? [String: Any])
        #expect(location["file"] as? String == "content/assets/roi-calculator.md")
        #expect(location["line"] as? Int == 6)
        #expect(location["column"] as? Int == 11)
    }

    @Test func timingsListEveryStage() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--timings"], in: scratch.url)
        #expect(run.status == 0)
        let stages = run.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon].trimmingCharacters(in: .whitespaces))
        }
        #expect(stages == ["load", "templates", "validate", "plan", "render", "write"])
    }

    @Test func versionAndHelpWork() throws {
        let scratch = try Scratch()
        let version = try PorticoRun.run(["--version"], in: scratch.url)
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
        for command in ["build", "check", "serve", "init", "new"] {
            let help = try PorticoRun.run([command, "--help"], in: scratch.url)
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "\(command) --help shows an example")
        }
    }

    @Test func htmlInEveryYAMLFieldAndInMarkdownComesOutInert() throws {
        let scratch = try BadContentTests.prepare("html-in-every-field")
        let run = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(run.status == 0)
        let pages = try scratch.snapshot("site").filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == 25)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            // The theme's own script tags carry a src; an injected one would not.
            #expect(!html.contains("<script>"), "\(path)")
            #expect(!html.contains("onerror"), "\(path)")
        }
        let home = try scratch.read("site/index.html")
        #expect(home.contains("&lt;script&gt;alert(1)&lt;/script&gt; Portal"))
        let partner = try scratch.read("site/partners/acme/index.html")
        #expect(partner.contains("href=\"https://acme.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
        let asset = try scratch.read("site/assets/roi-calculator/index.html")
        // The image is kept without its handler; the script goes with its content.
        #expect(asset.contains("<img src=\"x\" alt=\"\">") && !asset.contains("alert(1)</script>"))
        let refer = try scratch.read("site/partners/acme/refer/index.html")
        #expect(refer.components(separatedBy: "&lt;script&gt;alert(1)&lt;/script&gt;").count == 22)
        #expect(refer.contains("data-display=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(refer.contains("subject=Referral%20from%20%3Cscript%3Ealert%281%29%3C%2Fscript%3E%3A"))
    }
}
