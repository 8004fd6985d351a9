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

/// The byte-level scans that replaced Foundation's string searches give the same answers.
@Suite struct TextScanningTests {
    @Test func utf8SearchFindsWhatFoundationFinds() {
        let text = "Zoë's <h2>Über</h2> <input type=\"checkbox\" /> naïve <h2>end"
        #expect(text.firstUTF8Range(of: "<h2>").map { text[$0] } == "<h2>")
        #expect(text.firstUTF8Range(of: "<h2>")?.lowerBound == text.range(of: "<h2>")?.lowerBound)
        let tail = text[text.index(after: text.firstUTF8Range(of: "<h2>")!.lowerBound)...]
        #expect(tail.firstUTF8Range(of: "<h2>")?.lowerBound == tail.range(of: "<h2>")?.lowerBound)
        #expect(text.firstUTF8Range(of: "naïve").map { String(text[$0]) } == "naïve")
        #expect(text.firstUTF8Range(of: "<h3>") == nil)
        #expect(text.firstUTF8Range(of: "end!") == nil)
        #expect("ab".firstUTF8Range(of: "abc") == nil)
        #expect(text.containsUTF8("checkbox\" />"))
        #expect(!"".containsUTF8("x"))
    }

    @Test func trimmingMatchesFoundationsTrim() {
        let cases = [
            "Plain title", " leading", "trailing\n", "\u{A0}no-break\u{2003}", "\u{3000}ideographic space",
            "é accent first", "ends with ü", "", " ", "\t\n", "x", "~tilde!", "line\u{2028}", " \u{301}accent ",
            "\u{85}next line\u{85}", "\u{200B}zero width\u{FEFF}", "\r\n  both  \r\n", "\u{1680}ogham\u{205F}",
        ]
        for text in cases {
            #expect(text.trimmed() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmed(.whitespace) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func trimmingRemovesWhatFoundationRemoves() {
        // Every character Foundation counts as a space lies in the Basic Multilingual Plane.
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            #expect(
                String.Blank.whitespaceAndNewlines.contains(scalar)
                    == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "U+\(String(value, radix: 16))")
            #expect(
                String.Blank.whitespace.contains(scalar) == text.trimmingCharacters(in: .whitespaces).isEmpty,
                "U+\(String(value, radix: 16))")
        }
    }

    @Test func byteReplacementReplacesWhatFoundationReplaces() {
        let cases: [(String, String, String)] = [
            ("<p>a</p><p class=x>b</p><pre>c</pre>", "<p>", "<p style=\"m\">"), ("aaaa", "aa", "b"),
            ("no match", "zz", "y"), ("éé<p>é", "<p>", ""), ("<p><p>", "<p>", "<p><p>"), ("", "a", "b"),
        ]
        for (text, needle, replacement) in cases {
            #expect(
                text.replacingUTF8(needle, with: replacement)
                    == text.replacingOccurrences(of: needle, with: replacement), "\(text)")
        }
    }

    @Test func invalidUTF8IsRefusedWhereItStarts() {
        let valid: [[UInt8]] = [
            Array("plain".utf8), Array("é ü → 🙂".utf8), [0xEF, 0xBB, 0xBF] + Array("bom".utf8), [],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
        ]
        for bytes in valid {
            guard case .success = SourceText.decode(Data(bytes), displayPath: "a.md") else {
                Issue.record("\(bytes) was refused")
                continue
            }
        }
        // Overlong forms, surrogates, values above U+10FFFF, a lone continuation byte, a cut
        // sequence: each refused at the column of its first byte on the second line.
        let invalid: [[UInt8]] = [
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82],
            [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF],
        ]
        for bytes in invalid {
            let text = Data(Array("line one\nab".utf8) + bytes + Array("cd".utf8))
            guard case .failure(let diagnostic) = SourceText.decode(text, displayPath: "a.md") else {
                Issue.record("\(bytes) was accepted")
                continue
            }
            #expect(
                diagnostic.formatted
                    == "a.md:2:3: error: file is not valid UTF-8\n  hint: save the file with UTF-8 encoding")
        }
    }

    @Test func controlCharactersAreFoundInEveryEncodedLength() {
        let cases: [(String, Bool)] = [
            ("plain text\twith tabs\r\nand lines", false), ("é ü ß → 🙂", false), ("bell \u{07}", true),
            ("del \u{7F}", true), ("c1 \u{85} next line", true), ("\u{A0} no-break space", false),
            ("Ā latin", false),
        ]
        for (text, forbidden) in cases {
            #expect(ControlCharacters.containsForbidden(text) == forbidden, "\(text.debugDescription)")
            #expect(text.unicodeScalars.contains(where: ControlCharacters.isForbidden) == forbidden)
        }
    }

    @Test func frontMatterSplitsAtTheFirstClosingLine() throws {
        func split(_ text: String) -> Result<FrontMatter, Diagnostic> {
            FrontMatter.split(SourceText(displayPath: "a.md", text: text))
        }
        let full = try split("---\ntitle: A\nkind: guide\n---\n\n# Body\n---\nmore").get()
        #expect(full.yaml == "title: A\nkind: guide")
        #expect(full.body == "\n# Body\n---\nmore")
        #expect(full.bodyFirstLine == 5)
        let empty = try split("---\n---").get()
        #expect(empty.yaml == "" && empty.body == "" && empty.bodyFirstLine == 3)
        let dots = try split("---  \na: 1\n...\nbody").get()
        #expect(dots.yaml == "a: 1" && dots.body == "body" && dots.bodyFirstLine == 4)
        #expect(throws: Diagnostic.self) { try split("---\na: 1\n").get() }
        #expect(throws: Diagnostic.self) { try split("title: A\n---\n").get() }
    }
}
