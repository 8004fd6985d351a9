import Foundation
import PorticoMail
import PorticoSupport
import Testing

/// `portico send` hands over what the build wrote only while it is current, and dates each
/// message when it goes; on Tests/Fixtures/base with Tests/Fixtures/briefs.
@Suite struct SendCommandTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("briefs")
    }

    var command: String { "cat >> '\(scratch.path("out.mbox").path)'" }

    func build() throws {
        let build = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(build.status == 0)
    }

    func send(_ extra: [String] = []) throws -> PorticoRun {
        try PorticoRun.run(["send", "2026-11", "--sendmail", command] + extra, in: scratch.url)
    }

    @Test func aMailFolderBuiltBeforeTheContentChangedIsRefusedUntilTheNextBuild() throws {
        try build()
        let brief = try scratch.read("content/briefs/2026-11.md")
        try scratch.write(brief + "\nOne more line, written after the build.\n", to: "content/briefs/2026-11.md")
        let edited = try send()
        #expect(edited.status == 1)
        #expect(edited.stdout == "")
        #expect(
            edited.stderr
                == "error: the content changed after mail/2026-11 was built (content/briefs/2026-11.md was edited); "
                + "run 'portico build', then send again\n")
        #expect(try send(["--dry-run"]).stderr == edited.stderr)

        try scratch.write("name: Zed\n", to: "content/partners/zed.yml")
        let two = try send(["--content", "content/"])
        #expect(two.status == 1)
        #expect(
            two.stderr
                == "error: the content changed after mail/2026-11 was built (content/briefs/2026-11.md was edited, "
                + "and 1 more file changed); run 'portico build --content content/', then send again\n")
        #expect(!scratch.exists("out.mbox") && !scratch.exists("portico-sent.log"))

        // The bytes decide, not the files' times: the content put back as it was sends.
        try scratch.write(brief, to: "content/briefs/2026-11.md")
        try FileManager.default.removeItem(at: scratch.path("content/partners/zed.yml"))
        let restored = try send(["--dry-run"])
        #expect(restored.status == 0)
        #expect(restored.stdout.hasSuffix("Would send 6 of 6 messages for 2026-11.\n"))

        // A build after an edit makes the messages current again.
        try FileManager.default.removeItem(at: scratch.path("content/stories/acme-win.md"))
        let removed = try send()
        #expect(
            removed.stderr
                == "error: the content changed after mail/2026-11 was built (content/stories/acme-win.md was removed); "
                + "run 'portico build', then send again\n")
        try scratch.copyFixture("briefs")
        try scratch.write(brief + "\nOne more line, written after the build.\n", to: "content/briefs/2026-11.md")
        try build()
        let rebuilt = try send()
        #expect(rebuilt.status == 0)
        #expect(rebuilt.stdout.hasSuffix("Sent 6 of 6 messages for 2026-11.\n"))
    }

    @Test func aMailFolderThatDoesNotRecordItsContentIsRefused() throws {
        try build()
        try FileManager.default.removeItem(at: scratch.path("mail/.portico-content.sha256"))
        let run = try send(["--mail", "mail"])
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "error: mail/2026-11 does not say what content it was built from (it was written by an older "
                + "portico); run 'portico build', then send again\n")
        #expect(!scratch.exists("out.mbox"))
    }

    @Test func eachMessageIsDatedWhenItIsSentWhileTheBuiltFileKeepsTheFirstOfTheMonth() throws {
        try build()
        let built = try scratch.snapshot("mail")
        let start = Date()
        let run = try send(["--partner", "acme"])
        let end = Date()
        #expect(run.status == 0)
        #expect(try scratch.snapshot("mail") == built)

        let sent = try scratch.read("out.mbox")
        let dates = sent.components(separatedBy: "\r\n").filter { $0.hasPrefix("Date: ") }
        #expect(dates.count == 2)
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        for line in dates {
            let date = try #require(format.date(from: String(line.dropFirst(6))), "\(line)")
            #expect(date >= start.addingTimeInterval(-1) && date <= end.addingTimeInterval(1), "\(line)")
            #expect(line.hasSuffix(" +0000"))
        }
        // Nothing but the Date header differs from the files.
        let original = "Date: Sun, 01 Nov 2026 09:00:00 +0000"
        let files = try ["kim", "lee"].map { try scratch.read("mail/2026-11/acme/\($0)@acme.example.eml") }
        #expect(files.allSatisfy { $0.contains("\r\n\(original)\r\n") })
        #expect(
            sent
                == files[0].replacingOccurrences(of: original, with: dates[0])
                + files[1].replacingOccurrences(of: original, with: dates[1]))
    }

    @Test func theDateHeaderIsReplacedWholeAndOnlyInTheHeader() {
        let time = Date(timeIntervalSince1970: 1_796_305_816)
        #expect(MailHeader.date(time) == "Thu, 03 Dec 2026 13:50:16 +0000")
        #expect(MailHeader.date(Date(timeIntervalSince1970: 951_868_799)) == "Tue, 29 Feb 2000 23:59:59 +0000")
        #expect(MailHeader.date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        let message =
            "From: a@b.example\r\nDATE: Sun,\r\n 01 Nov 2026 09:00:00 +0000\r\nSubject: x\r\n\r\nDate: body\r\n"
        #expect(
            String(decoding: BuiltMessage.dated(Data(message.utf8), time), as: UTF8.self)
                == "From: a@b.example\r\nDate: Thu, 03 Dec 2026 13:50:16 +0000\r\nSubject: x\r\n\r\nDate: body\r\n")
        let undated = "From: a@b.example\r\n\r\nDate: body\r\n"
        #expect(
            String(decoding: BuiltMessage.dated(Data(undated.utf8), time), as: UTF8.self)
                == "Date: Thu, 03 Dec 2026 13:50:16 +0000\r\n" + undated)
    }
}
