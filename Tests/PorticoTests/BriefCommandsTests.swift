import Foundation
import Testing

/// `portico new brief` and `portico send`, on Tests/Fixtures/base with Tests/Fixtures/briefs.
@Suite struct BriefCommandsTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("briefs")
    }

    @Test func newBriefDraftsTheMonthFromWhatTheProgramKnowsAndRefusesToOverwrite() throws {
        let made = try PorticoRun.run(["new", "brief", "2027-01"], in: scratch.url)
        #expect(made.status == 0)
        #expect(made.stdout == "Created content/briefs/2027-01.md\n")
        #expect(
            try scratch.read("content/briefs/2027-01.md") == """
                ---
                month: "2027-01"
                title: "January 2027"
                summary: What changed for partners in January 2027.
                draft: true
                ---
                ## What's new

                <!-- Nothing in the library was added or reviewed from 2026-12-01 to 2026-12-31. -->

                ## Upcoming campaigns

                <!-- Left empty, this section lists for each partner the campaigns meant for them (campaigns.yml).
                Running or starting within 60 days of the 1st:
                - Spring push (2027-03-01 to 2027-03-31)
                Write text here only to replace that list for everyone. -->

                ## Success story

                <!-- No story is waiting: write one in stories/, then set 'story' above. -->

                """)
        let again = try PorticoRun.run(["new", "brief", "2027-01"], in: scratch.url)
        #expect(again.status == 1)
        #expect(again.stderr == "error: content/briefs/2027-01.md already exists; not overwriting it\n")
        let bad = try PorticoRun.run(["new", "brief", "January", "--date", "2026-11-25"], in: scratch.url)
        #expect(bad.status == 2)
        #expect(
            bad.stderr.hasPrefix(
                "error: a brief is named by its month, written YYYY-MM, not 'January' (did you mean '2027-01'?)\n"))
    }

    @Test func aDraftPicksTheNewestStoryNotYetFeaturedAndTheLibrarysChanges() throws {
        try scratch.write(
            "---\ntitle: A new win\npartner: acme\ncustomer: Delta\ndate: 2026-12-01\noutcome: Live.\n---\nText.\n",
            to: "content/stories/delta.md")
        try FileManager.default.removeItem(at: scratch.path("content/briefs/2026-11.md"))
        try FileManager.default.removeItem(at: scratch.path("content/briefs/2026-12.md"))
        #expect(try PorticoRun.run(["new", "brief", "2026-11"], in: scratch.url).status == 0)
        let draft = try scratch.read("content/briefs/2026-11.md")
        #expect(draft.contains("story: delta\n"))
        #expect(
            draft.contains(
                "<!-- Added or reviewed from 2026-10-01 to 2026-10-31: say in a line what changed for partners, "
                    + "and drop what does not matter to them. -->\n\n"
                    + "- [Fixture Co in one page](../assets/fixture-in-one-page.md): What Fixture Co does, for whom, "
                    + "and what it costs.\n- [ROI calculator](../assets/roi-calculator.md): ")
        )
        #expect(draft.contains("- Year-end referral bonus (2026-11-01 to 2026-12-31)"))
        #expect(draft.contains("- Gold partner webinar (2026-11-10 to 2026-11-20)"))
        // The draft builds; it is checked but not published.
        let build = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(build.status == 0)
        #expect(!scratch.exists("site/briefs/2026-11"))
    }

    func build() throws {
        let build = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(build.status == 0)
    }

    func sent() throws -> [String] {
        guard scratch.exists("out.mbox") else { return [] }
        return try scratch.read("out.mbox").components(separatedBy: "\r\n").filter { $0.hasPrefix("Message-ID: ") }
    }

    @Test func sendDeliversEachMessageOnceAndASecondRunSendsNothing() throws {
        try build()
        let command = "cat >> '\(scratch.path("out.mbox").path)'"
        let dry = try PorticoRun.run(["send", "2026-11", "--sendmail", command, "--dry-run"], in: scratch.url)
        #expect(dry.status == 0)
        #expect(dry.stdout.hasPrefix("would send mail/2026-11/acme/kim@acme.example.eml to kim@acme.example\n"))
        #expect(dry.stdout.hasSuffix("Would send 6 of 6 messages for 2026-11.\n"))
        #expect(try sent().isEmpty)

        let first = try PorticoRun.run(["send", "2026-11", "--sendmail", command], in: scratch.url)
        #expect(first.status == 0)
        #expect(
            first.stdout.hasSuffix(
                "sent mail/2026-11/sunset/joy@sunset.example.eml to joy@sunset.example\nSent 6 of 6 messages for 2026-11.\n"
            ))
        #expect(try sent().count == 6 && Set(try sent()).count == 6)
        #expect(try scratch.read("portico-sent.log").split(separator: "\n").count == 6)

        let second = try PorticoRun.run(["send", "2026-11", "--sendmail", command], in: scratch.url)
        #expect(second.status == 0)
        #expect(second.stdout.hasSuffix("Sent 0 of 6 messages for 2026-11.\n"))
        #expect(try sent().count == 6)

        let one = try PorticoRun.run(
            ["send", "2026-10", "--sendmail", command, "--partner", "bridge"], in: scratch.url)
        #expect(one.stdout.hasSuffix("Sent 2 of 2 messages for 2026-10.\n"))
        // A mistyped partner is named from the content, before anything is sent.
        let before = try sent().count
        let typo = try PorticoRun.run(
            ["send", "2026-10", "--sendmail", command, "--partner", "bridgr"], in: scratch.url)
        #expect(typo.status == 2)
        #expect(typo.stderr == "error: no partner 'bridgr' in content/partners (did you mean 'bridge'?)\n")
        #expect(try sent().count == before)
        let missing = try PorticoRun.run(["send", "2026-12", "--sendmail", command], in: scratch.url)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: mail/2026-12 does not exist: build the site first"))
    }

    @Test func aCommandThatFailsPartWayStopsAndTheNextRunSendsOnlyTheRest() throws {
        try build()
        // Accepts every message but the third it is given.
        let count = scratch.path("count").path
        let out = scratch.path("out.mbox").path
        let command =
            "n=$(cat '\(count)' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '\(count)'; "
            + "if [ $n -eq 3 ]; then cat > /dev/null; exit 75; fi; cat >> '\(out)'"
        let failed = try PorticoRun.run(["send", "2026-11", "--sendmail", command], in: scratch.url)
        #expect(failed.status == 1)
        #expect(
            failed.stderr
                == "error: '\(command)' failed for mail/2026-11/bridge/ana@bridge.example.eml (exit status 75): "
                + "2 sent, 4 left; run the same command again to resume\n")
        #expect(try sent().count == 2)
        let resumed = try PorticoRun.run(["send", "2026-11", "--sendmail", command], in: scratch.url)
        #expect(resumed.status == 0)
        #expect(resumed.stdout.hasSuffix("Sent 4 of 6 messages for 2026-11.\n"))
        let ids = try sent()
        #expect(ids.count == 6 && Set(ids).count == 6)
    }
}
