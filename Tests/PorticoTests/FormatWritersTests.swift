import Foundation
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

private func day(_ text: String) -> Day {
    guard let day = Day(text) else {
        Issue.record("not a day: \(text)")
        return Day(dayNumber: 0)
    }
    return day
}

/// Lines of a CRLF text as raw bytes, so that a test sees exactly what a parser would.
private func crlfLines(_ text: String) -> [[UInt8]] {
    var lines: [[UInt8]] = [[]]
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count {
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
            lines.append([])
            index += 2
        } else {
            lines[lines.count - 1].append(bytes[index])
            index += 1
        }
    }
    return lines
}

/// True when every line break is CRLF: no LF without CR before it, no CR without LF after it.
private func hasOnlyCRLF(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    for (index, byte) in bytes.enumerated() {
        if byte == 0x0A, index == 0 || bytes[index - 1] != 0x0D { return false }
        if byte == 0x0D, index + 1 == bytes.count || bytes[index + 1] != 0x0A { return false }
    }
    return true
}

/// The bytes of one `=?utf-8?B|Q?...?=` word; test-side, only to see where words were cut.
private func decodedWord(_ word: Substring) -> [UInt8]? {
    guard word.hasPrefix("=?utf-8?"), word.hasSuffix("?="), word.count >= 12 else { return nil }
    let body = Array(word.dropFirst(10).dropLast(2).utf8)
    switch word.dropFirst(8).first {
    case "B": return Data(base64Encoded: Data(body)).map { Array($0) }
    case "Q":
        var bytes: [UInt8] = []
        var index = 0
        while index < body.count {
            switch body[index] {
            case UInt8(ascii: "_"):
                bytes.append(0x20)
                index += 1
            case UInt8(ascii: "="):
                guard index + 2 < body.count,
                    let byte = UInt8(String(decoding: body[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(byte)
                index += 3
            default:
                bytes.append(body[index])
                index += 1
            }
        }
        return bytes
    default: return nil
    }
}

/// Runs a Python script with `input` on standard input and decodes the JSON it prints, so that
/// the writers are checked by Python's own parsers rather than by a second copy of their logic.
private enum PythonCheck {
    static let available: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "pass"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static func run<Output: Decodable>(_ script: String, input: String, as type: Output.Type) throws -> Output {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portico-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input")
        try Data(input.utf8).write(to: file)
        return try JSONDecoder().decode(Output.self, from: Python.output(of: script, on: file))
    }
}

@Suite struct FormatWritersTests {
    // MARK: XML text

    @Test func xmlEscapingKeepsLegalTextAndDropsWhatXMLForbids() {
        #expect(XMLText.escape(#"a & b < c > d " e ' f"#) == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        #expect(XMLText.escape("tab\tline\ncr\r Ünïcode 🚚") == "tab\tline\ncr\r Ünïcode 🚚")
        #expect(
            XMLText.escape("bell\u{07}null\u{0}vt\u{0B}ff\u{0C}esc\u{1B}\u{FFFE}\u{FFFF}end") == "bellnullvtffescend")
        // `<` followed by a combining mark is one Character but must still be escaped.
        #expect(XMLText.escape("<\u{0338}") == "&lt;\u{0338}")
    }

    // MARK: Atom

    static let feed = AtomFeed(
        id: "https://portal.example/briefs/",
        title: "Acme partner briefs",
        subtitle: "Monthly news for partners",
        selfURL: "https://portal.example/briefs/feed.xml",
        alternateURL: "https://portal.example/briefs/",
        updated: day("2026-11-01"),
        authorName: "Acme & Co",
        generator: "Portico",
        entries: [
            .init(
                id: "tag:portal.example,2026:briefs/2026-11",
                title: #"Peak <&"> season — Ünïcode"#,
                url: "https://portal.example/briefs/2026-11/?a=1&b=2",
                published: day("2026-11-01"),
                updated: day("2026-11-02"),
                summary: "Webinars, a story & more.",
                contentHTML: #"<p class="x">Fish &amp; chips</p>"#
            )
        ]
    )

    @Test func atomFeedIsExact() {
        let expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>https://portal.example/briefs/</id>
              <title>Acme partner briefs</title>
              <subtitle>Monthly news for partners</subtitle>
              <updated>2026-11-01T00:00:00Z</updated>
              <author><name>Acme &amp; Co</name></author>
              <generator>Portico</generator>
              <link rel="self" type="application/atom+xml" href="https://portal.example/briefs/feed.xml"/>
              <link rel="alternate" type="text/html" href="https://portal.example/briefs/"/>
              <entry>
                <id>tag:portal.example,2026:briefs/2026-11</id>
                <title>Peak &lt;&amp;&quot;&gt; season — Ünïcode</title>
                <link rel="alternate" type="text/html" href="https://portal.example/briefs/2026-11/?a=1&amp;b=2"/>
                <published>2026-11-01T00:00:00Z</published>
                <updated>2026-11-02T00:00:00Z</updated>
                <summary>Webinars, a story &amp; more.</summary>
                <content type="html">&lt;p class=&quot;x&quot;&gt;Fish &amp;amp; chips&lt;/p&gt;</content>
              </entry>
            </feed>

            """
        #expect(Self.feed.xml() == expected)
    }

    @Test func atomFeedWithoutSubtitleOrContentLeavesThemOut() {
        var feed = Self.feed
        feed.subtitle = nil
        feed.entries[0].contentHTML = nil
        feed.entries.append(feed.entries[0])
        let xml = feed.xml()
        #expect(!xml.contains("<subtitle>"))
        #expect(!xml.contains("<content"))
        #expect(xml.components(separatedBy: "<entry>").count == 3)
    }

    @Test(.enabled(if: PythonCheck.available)) func atomFeedParsesBackWithPython() throws {
        struct Parsed: Decodable {
            var feedID: String
            var title: String
            var link: String
            var content: String
            var contentType: String
        }
        let script = """
            import json, sys, xml.etree.ElementTree as ET
            ns = {"a": "http://www.w3.org/2005/Atom"}
            feed = ET.parse(sys.argv[1]).getroot()
            entry = feed.find("a:entry", ns)
            print(json.dumps({"feedID": feed.find("a:id", ns).text, "title": entry.find("a:title", ns).text,
                              "link": entry.find("a:link", ns).get("href"),
                              "content": entry.find("a:content", ns).text,
                              "contentType": entry.find("a:content", ns).get("type")}))
            """
        var feed = Self.feed
        feed.entries[0].title += " bell\u{07}"
        let parsed = try PythonCheck.run(script, input: feed.xml(), as: Parsed.self)
        #expect(parsed.feedID == Self.feed.id)
        #expect(parsed.title == Self.feed.entries[0].title + " bell")
        #expect(parsed.link == Self.feed.entries[0].url)
        #expect(parsed.content == Self.feed.entries[0].contentHTML)
        #expect(parsed.contentType == "html")
    }

    // MARK: iCalendar

    @Test func calendarIsExactWithEscapesAndExclusiveEnds() {
        let calendar = CalendarFile(
            productID: "-//Acme//Portico//EN",
            name: "Acme, partners; events",
            events: [
                CalendarEvent(
                    uid: "campaign-peak@portal.example", stamp: day("2026-11-15"), start: day("2026-12-01"),
                    lastDay: day("2026-12-31"), summary: #"Peak; readiness, webinars \ Q&A"#,
                    description: "Line one\r\nLine two\nLine three\rEnd", url: "https://example.com/a,b;c?x=1"),
                CalendarEvent(
                    uid: "campaign-nov@portal.example", stamp: day("2026-11-15"), start: day("2026-11-20"),
                    lastDay: day("2026-11-30"), summary: "Tab\there\u{01}\u{7F}!", description: "", url: nil),
                CalendarEvent(
                    uid: "campaign-leap@portal.example", stamp: day("2026-11-15"), start: day("2028-02-01"),
                    lastDay: day("2028-02-28"), summary: "Leap", description: "x", url: nil),
            ]
        )
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Acme//Portico//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            #"X-WR-CALNAME:Acme\, partners\; events"#,
            "BEGIN:VEVENT",
            "UID:campaign-peak@portal.example",
            "DTSTAMP:20261115T000000Z",
            "DTSTART;VALUE=DATE:20261201",
            "DTEND;VALUE=DATE:20270101",
            #"SUMMARY:Peak\; readiness\, webinars \\ Q&A"#,
            #"DESCRIPTION:Line one\nLine two\nLine three\nEnd"#,
            "URL:https://example.com/a,b;c?x=1",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:campaign-nov@portal.example",
            "DTSTAMP:20261115T000000Z",
            "DTSTART;VALUE=DATE:20261120",
            "DTEND;VALUE=DATE:20261201",
            "SUMMARY:Tab\there!",
            "DESCRIPTION:",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:campaign-leap@portal.example",
            "DTSTAMP:20261115T000000Z",
            "DTSTART;VALUE=DATE:20280201",
            "DTEND;VALUE=DATE:20280229",
            "SUMMARY:Leap",
            "DESCRIPTION:x",
            "END:VEVENT",
            "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined()
        let text = calendar.text()
        #expect(text == expected)
        #expect(hasOnlyCRLF(text))
    }

    @Test func calendarFoldsAt75OctetsWithoutSplittingCharacters() throws {
        // 8 octets of `SUMMARY:` + 66 = 74; the 2-octet `é` would make 76, so it starts line two.
        #expect(
            ICalendarText.fold("SUMMARY:" + String(repeating: "a", count: 66) + "éz")
                == "SUMMARY:" + String(repeating: "a", count: 66) + "\r\n éz")
        #expect(ICalendarText.fold(String(repeating: "b", count: 75)) == String(repeating: "b", count: 75))

        let summary = String(
            repeating: "Préparation de la haute saison — webinaires, ateliers; intégrateurs 🚚📦 日本語 ", count: 4)
        let event = CalendarEvent(
            uid: "campaign-long@portal.example", stamp: day("2026-11-15"), start: day("2026-12-01"),
            lastDay: day("2026-12-18"), summary: summary, description: "Short", url: "https://example.com/")
        let text = CalendarFile(productID: "-//Acme//Portico//EN", name: "Acme", events: [event]).text()
        #expect(hasOnlyCRLF(text))
        let lines = crlfLines(text)
        #expect(lines.last == [], "the file ends with CRLF")
        for line in lines {
            #expect(line.count <= 75, "\(String(decoding: line, as: UTF8.self))")
            #expect(String(validating: line, as: UTF8.self) != nil, "a line cuts a UTF-8 sequence")
        }
        let summaryStart = try #require(lines.firstIndex { $0.starts(with: Array("SUMMARY:".utf8)) })
        let continuations = lines[(summaryStart + 1)...].prefix { $0.first == 0x20 }
        #expect(continuations.count > 4)
        // Unfolding (RFC 5545 §3.1: delete each CRLF followed by one space) gives the line back.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("\r\nSUMMARY:" + ICalendarText.escape(summary) + "\r\n"))
        #expect(ICalendarText.escape(summary).contains(#"webinaires\, ateliers\; intégrateurs"#))
    }

    // MARK: Mail

    static let plainMessage = MailMessage(
        from: MailAddress(name: "Ana Silva", email: "ana@acme.example"),
        to: MailAddress(name: "Silva, Ana", email: "ana.silva@cargo.example"),
        subject: "November brief",
        date: day("2026-11-01"),
        messageID: "brief-2026-11.cargo.0123456789ab@portal.example",
        listUnsubscribe: "mailto:partners@acme.example?subject=unsubscribe",
        text: "Hello\n",
        html: "<p>Hello</p>\n"
    )

    @Test func mailMessageIsExact() {
        // The boundary is the first 24 hex digits of sha256("Hello\n<p>Hello</p>\n").
        let boundary = "=_portico_dee9bd4e1ba7b2a36fb65216"
        let expected = [
            "From: Ana Silva <ana@acme.example>",
            #"To: "Silva, Ana" <ana.silva@cargo.example>"#,
            "Subject: November brief",
            "Date: Sun, 01 Nov 2026 09:00:00 +0000",
            "Message-ID: <brief-2026-11.cargo.0123456789ab@portal.example>",
            "List-Unsubscribe: <mailto:partners@acme.example?subject=unsubscribe>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative;",
            #" boundary="\#(boundary)""#,
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Hello",
            "",
            "--\(boundary)",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "<p>Hello</p>",
            "",
            "--\(boundary)--",
        ].map { $0 + "\r\n" }.joined()
        #expect(Self.plainMessage.rendered() == expected)
    }

    @Test(arguments: [
        ("2026-11-01", "Sun, 01 Nov 2026 09:00:00 +0000"), ("2000-02-29", "Tue, 29 Feb 2000 09:00:00 +0000"),
        ("1970-01-01", "Thu, 01 Jan 1970 09:00:00 +0000"), ("2024-12-31", "Tue, 31 Dec 2024 09:00:00 +0000"),
        ("1900-03-01", "Thu, 01 Mar 1900 09:00:00 +0000"), ("2100-02-28", "Sun, 28 Feb 2100 09:00:00 +0000"),
    ])
    func mailDateHasTheRightWeekday(_ date: String, _ expected: String) {
        #expect(MailHeader.date(day(date)) == expected)
    }

    @Test func displayNamesArePlainQuotedOrEncoded() {
        #expect(
            MailHeader.mailbox(MailAddress(name: "Ana Silva", email: "a@x.example"), after: "From")
                == "Ana Silva <a@x.example>")
        #expect(
            MailHeader.mailbox(MailAddress(name: "Ana S. Silva", email: "a@x.example"), after: "From")
                == #""Ana S. Silva" <a@x.example>"#)
        #expect(
            MailHeader.mailbox(MailAddress(name: #"Ana "The \ Boss""#, email: "a@x.example"), after: "From")
                == #""Ana \"The \\ Boss\"" <a@x.example>"#)
        #expect(MailHeader.mailbox(MailAddress(name: "  ", email: "a@x.example"), after: "From") == "a@x.example")
        // 13 bytes: B (20 characters) is shorter than Q (25).
        #expect(
            MailHeader.mailbox(MailAddress(name: "José Núñez", email: "j@x.example"), after: "From")
                == "=?utf-8?B?Sm9zw6kgTsO6w7Fleg==?= <j@x.example>")
        // Only the words that need it are encoded.
        #expect(
            MailHeader.mailbox(MailAddress(name: "Jose Antonio Nunez-Garcia é", email: "j@x.example"), after: "From")
                == "Jose Antonio Nunez-Garcia =?utf-8?B?w6k=?= <j@x.example>")
        // ASCII that looks like an encoded-word is encoded so that no reader decodes it.
        #expect(
            MailHeader.mailbox(MailAddress(name: "=?utf-8?Q?x?=", email: "j@x.example"), after: "From").hasPrefix(
                "=?utf-8?"))
    }

    @Test func encodedWordsStayShortAndSplitBetweenCharacters() throws {
        let texts = [
            String(repeating: "Ñandú 🇵🇹 👩‍👩‍👧‍👦 日本語 ", count: 6),
            String(repeating: "é", count: 100),
            String(repeating: "a", count: 200) + "é",
            // One Character longer than a whole word: it has to be cut between its scalars.
            "e" + String(repeating: "\u{0301}", count: 40),
        ]
        for text in texts {
            for firstLength in [75, 67] {
                let words = EncodedWord.encode(text, firstLength: firstLength)
                #expect(words.count > 1)
                #expect(words.first.map(\.count) ?? 0 <= firstLength)
                var bytes: [UInt8] = []
                for word in words {
                    #expect(word.count <= 75, "\(word)")
                    let decoded = try #require(decodedWord(word[...]))
                    #expect(String(validating: decoded, as: UTF8.self) != nil, "\(word) ends inside a UTF-8 sequence")
                    bytes += decoded
                }
                #expect(String(decoding: bytes, as: UTF8.self) == text)
            }
        }
    }

    @Test func encodedWordsEndAfterSpacesWhenTheyCan() throws {
        let words = EncodedWord.encode("Ångström Ålesund Æbeltoft Øresund Ærø Ísafjörður Þórshöfn Ðakovo")
        #expect(words.count == 2)
        let first = try #require(decodedWord(words[0][...]))
        #expect(String(decoding: first, as: UTF8.self) == "Ångström Ålesund Æbeltoft Øresund Ærø ")
        #expect(
            EncodedWord.mixed("Prix 10 € — Acme", firstLength: 67) { !MailHeader.needsEncoding($0) }
                == "Prix 10 =?utf-8?B?4oKsIOKAlA==?= Acme")
    }

    @Test func portalAddressesInAnEmailCarryTheReadersKey() {
        let text =
            "See https://p.example/a/b/ and <a href=\"https://p.example/x/#old\">x</a>, (https://p.example/y/)\n"
            + "https://other.example/ 'https://p.example/q?s=1'\u{A0}https://p.example/z/]é"
        #expect(
            EmailHTML.personalise(text, base: "https://p.example/", fragment: "#k=KEY")
                == "See https://p.example/a/b/#k=KEY and <a href=\"https://p.example/x/#k=KEY\">x</a>, "
                + "(https://p.example/y/#k=KEY)\nhttps://other.example/ 'https://p.example/q?s=1#k=KEY'\u{A0}"
                + "https://p.example/z/#k=KEY]é")
        #expect(EmailHTML.personalise(text, base: "https://p.example/", fragment: "") == text)
    }

    @Test func emailTextKeepsOneBlankLineBetweenParagraphs() {
        #expect(PageRenderer.tidy("a\n  \n\n\tb  \n \n") == "a\n\n\tb\n")
        #expect(PageRenderer.tidy("\n\u{A0}\nÉté\n\u{2003}\n\u{2003}\nfin") == "Été\n\nfin\n")
        // A CRLF is one Character, not a line break to split at.
        #expect(PageRenderer.tidy("x\r\n\r\ny") == "x\r\n\r\ny\n")
    }

    @Test func quotedPrintableIsExact() {
        #expect(
            QuotedPrintable.encode("a=b  \nfin\tx\t\r\n.\nFrom here\n")
                == "a=3Db =20\r\nfin\tx=09\r\n=2E\r\nFrom here\r\n".replacingOccurrences(of: "From", with: "=46rom"))
        #expect(QuotedPrintable.encode("café\r\r\n") == "caf=C3=A9\r\n\r\n")
        #expect(QuotedPrintable.encode(String(repeating: "a", count: 76)) == String(repeating: "a", count: 76))
        #expect(
            QuotedPrintable.encode(String(repeating: "a", count: 80)) == String(repeating: "a", count: 75)
                + "=\r\naaaaa")
        // A triplet is never split: `=C3` does not fit after 74 characters with room for `=`.
        #expect(
            QuotedPrintable.encode(String(repeating: "a", count: 74) + "é") == String(repeating: "a", count: 74)
                + "=\r\n=C3=A9")
        #expect(
            QuotedPrintable.encode(String(repeating: "a", count: 72) + "é") == String(repeating: "a", count: 72)
                + "=C3=\r\n=A9")
        // A space that ends up last before a soft break is fine; one that ends the line is not.
        #expect(
            QuotedPrintable.encode(String(repeating: "a", count: 74) + " bc") == String(repeating: "a", count: 74)
                + " =\r\nbc")
        #expect(
            QuotedPrintable.encode(String(repeating: "a", count: 73) + " ") == String(repeating: "a", count: 73) + "=20"
        )
        #expect(
            QuotedPrintable.encode(String(repeating: "a", count: 74) + " ") == String(repeating: "a", count: 74)
                + "=\r\n=20")
        #expect(
            QuotedPrintable.encode(String(repeating: "a", count: 75) + ".x") == String(repeating: "a", count: 75)
                + "=\r\n=2Ex")
    }

    static let internationalMessage = MailMessage(
        from: MailAddress(name: "José Núñez — Acme Logística Internacional, S.A.", email: "jose@acme.example"),
        to: MailAddress(name: "Silva, Ana", email: "ana.silva@cargo.example"),
        subject: "Novembre : préparation de la haute saison — Société Générale de Logistique Européenne 🚚",
        date: day("2026-11-01"),
        messageID: "brief-2026-11.cargo-compass.0123456789ab@portal.example",
        listUnsubscribe: "mailto:partners@acme.example?subject=unsubscribe",
        text: String(repeating: "Prix = 10 € pour l’atelier; ", count: 8) + "fin   \n\nLigne\r\n.\nFrom here\rend",
        html: "<p style=\"color: #333\">Bonjour à tous — " + String(repeating: "é", count: 120) + "</p>  \n"
    )

    @Test func mailMessageIsWellFormed() throws {
        let message = Self.internationalMessage.rendered()
        #expect(hasOnlyCRLF(message))
        let lines = crlfLines(message)
        guard let blank = lines.firstIndex(of: []) else {
            Issue.record("no blank line after the headers")
            return
        }
        let headerLines = lines[..<blank]
        for line in headerLines {
            #expect(line.count <= 78, "\(String(decoding: line, as: UTF8.self))")
            #expect(line.allSatisfy { $0 < 0x80 }, "headers are ASCII")
        }
        let names = headerLines.filter { $0.first != 0x20 }.map { line in
            String(decoding: line.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self)
        }
        #expect(
            names == [
                "From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "MIME-Version", "Content-Type",
            ])
        let unfolded = String(decoding: Array(headerLines.joined(separator: [0x0D, 0x0A])), as: UTF8.self)
            .replacingOccurrences(of: "\r\n ", with: " ")
        let words = unfolded.split(whereSeparator: { $0 == " " || $0 == "\r\n" }).filter { $0.hasPrefix("=?") }
        #expect(words.count >= 4)
        for word in words {
            #expect(word.count <= 75, "\(word)")
            #expect(word.hasPrefix("=?utf-8?B?") || word.hasPrefix("=?utf-8?Q?"))
            #expect(word.hasSuffix("?="))
        }
        for line in lines[(blank + 1)...] {
            #expect(line.count <= 76, "\(String(decoding: line, as: UTF8.self))")
            #expect(line.allSatisfy { $0 < 0x80 }, "bodies are quoted-printable ASCII")
            #expect(line.last != 0x20 && line.last != 0x09, "no trailing whitespace")
        }
        let boundary = MailMessage.boundary(text: Self.internationalMessage.text, html: Self.internationalMessage.html)
        #expect(boundary.hasPrefix("=_portico_") && boundary.count == 34)
        #expect(message.components(separatedBy: "--" + boundary).count - 1 == 3)
        #expect(message.components(separatedBy: boundary).count - 1 == 4, "three delimiters and the header")
        #expect(message.hasSuffix("\r\n--\(boundary)--\r\n"))
        #expect(Self.internationalMessage.rendered() == message, "the same input gives the same bytes")
    }

    @Test func mailHeadersCannotBeInjected() {
        var message = Self.plainMessage
        message.subject = "Hi\r\nBcc: everyone@example.com"
        message.to.name = "Ana\nBcc: x@example.com"
        message.messageID = "id@x\r\nBcc: y@example.com"
        let rendered = message.rendered()
        let lines = crlfLines(rendered).map { String(decoding: $0, as: UTF8.self) }
        #expect(!lines.contains { $0.hasPrefix("Bcc") })
        #expect(lines.contains("Subject: Hi Bcc: everyone@example.com"))
    }

    @Test func longPlainHeadersFoldAtSpaces() {
        let subject = "The November partner brief: peak-season readiness, new integrations and a story from the field"
        let field = MailHeader.field("Subject", MailHeader.unstructured(subject, after: "Subject"))
        #expect(
            field
                == "Subject: The November partner brief: peak-season readiness, new integrations\r\n and a story from the field\r\n"
        )
        #expect(field.replacingOccurrences(of: "\r\n ", with: " ") == "Subject: " + subject + "\r\n")
    }

    @Test(.enabled(if: PythonCheck.available)) func mailMessageParsesBackWithPython() throws {
        struct Parsed: Decodable {
            var from: String
            var fromAddress: String
            var to: String
            var subject: String
            var date: String
            var messageID: String
            var types: [String]
            var bodies: [String]
            var defects: [String]
        }
        let script = """
            import email, email.policy, json, sys
            msg = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
            parts = list(msg.iter_parts())
            defects = [repr(d) for d in msg.defects] + [repr(d) for p in parts for d in p.defects]
            for name in ("From", "To", "Subject", "Date"):
                defects += [repr(d) for d in msg[name].defects]
            print(json.dumps({
                "from": msg["From"].addresses[0].display_name, "fromAddress": msg["From"].addresses[0].addr_spec,
                "to": msg["To"].addresses[0].display_name, "subject": str(msg["Subject"]),
                "date": msg["Date"].datetime.isoformat(), "messageID": str(msg["Message-ID"]),
                "types": [p.get_content_type() + ";" + p.get_content_charset() for p in parts],
                "bodies": [p.get_content() for p in parts], "defects": defects}))
            """
        var nordic = Self.internationalMessage
        nordic.to.name = "Ångström Ålesund Æbeltoft Øresund Ærø Ísafjörður Þórshöfn Ðakovo"
        for message in [Self.internationalMessage, Self.plainMessage, nordic] {
            let parsed = try PythonCheck.run(script, input: message.rendered(), as: Parsed.self)
            #expect(parsed.from == message.from.name)
            #expect(parsed.fromAddress == message.from.email)
            if message.to.name == nordic.to.name {
                // Python keeps the space between two encoded-words in a display name, which RFC
                // 2047 §6.2 says to drop (CPython gh-128110); the words end after a space, so it
                // only doubles that space.
                #expect(parsed.to.split(separator: " ") == message.to.name.split(separator: " "))
            } else {
                #expect(parsed.to == message.to.name)
            }
            #expect(parsed.subject == message.subject)
            #expect(parsed.date == "2026-11-01T09:00:00+00:00")
            #expect(parsed.messageID == "<\(message.messageID)>")
            #expect(parsed.types == ["text/plain;utf-8", "text/html;utf-8"])
            // Python hands text back with LF line ends, as it does for any text part.
            let lf = { (text: String) in
                text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            }
            #expect(parsed.bodies.map(lf) == [lf(message.text), lf(message.html)])
            #expect(parsed.defects == [])
        }
    }
}
