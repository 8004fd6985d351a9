import Foundation
import PorticoModel
import PorticoSupport

/// One callout found in the text: its lines, kind and title, for `CalloutBlocks` to wrap.
package struct CalloutBlock: Equatable, Sendable {
    /// Lines of the prepared text, from 1: the opening marker, the closing one when the syntax
    /// has one, and the last line of the body.
    package var openLine: Int
    package var closeLine: Int?
    package var lastLine: Int
    package var kind: CalloutKind
    package var title: String?
    /// MkDocs' `???` (closed) and `???+` (open): a `<details>` the reader can fold.
    package var collapsible: Collapsible?

    package enum Collapsible: Equatable, Sendable { case closed, open }
}

/// The callouts of other generators, as text cmark can parse: each marker line becomes `***`, a
/// thematic break that ends whatever paragraph comes before it and that `CalloutBlocks` finds
/// again by its line and replaces. The text keeps its line count, so every diagnostic of the
/// rest of the document keeps its line; MkDocs bodies lose their four-space indent, and
/// `restoreColumns` gives their diagnostics their columns back.
package struct CalloutSource {
    package private(set) var text: String
    package private(set) var blocks: [CalloutBlock] = []
    /// Columns removed from the start of each line (from 1) whose indent was taken off.
    package private(set) var removedColumns: [Int: Int] = [:]

    package static let marker = "***"

    package init(_ text: String) {
        // Quick exit for the common text without any callout syntax.
        guard text.contains(":::") || text.contains("!!!") || text.contains("???") || text.contains("{%") else {
            self.text = text
            return
        }
        self.text = text
        var lines = Self.lines(of: text)
        // A body indented under `!!!` is read again once its indent is gone, so callouts nest.
        for _ in 0..<8 {
            let found = scan(&lines)
            if found.isEmpty { break }
            blocks += found
        }
        guard !blocks.isEmpty else { return }
        blocks.sort { $0.openLine < $1.openLine }
        self.text = lines.joined(separator: "\n")
    }

    /// Diagnostics of the prepared text with the columns of the file.
    package func restoreColumns(_ findings: [Diagnostic], source: MarkdownSource) -> [Diagnostic] {
        guard !removedColumns.isEmpty else { return findings }
        return findings.map { finding in
            var finding = finding
            // Control characters are found in the file's own text, before the indent went.
            if finding.code != "control-character", let location = finding.location,
                location.file == source.start.file,
                let removed = removedColumns[location.line - source.start.line + 1]
            {
                finding.location?.column += removed
            }
            return finding
        }
    }

    private mutating func scan(_ lines: inout [String]) -> [CalloutBlock] {
        var found: [CalloutBlock] = []
        var open: [(index: Int, line: CalloutLine)] = []
        var fence = CodeFence()
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            if fence.skips(lines[index]) { continue }
            guard let line = CalloutLine(lines[index]) else { continue }
            switch line {
            case .fencedOpen:
                open.append((index, line))
            case .fencedClose(let gitBook):
                guard let top = open.last, top.line.isGitBook == gitBook,
                    case .fencedOpen(let kind, let title, _) = top.line
                else { continue }
                open.removeLast()
                lines[top.index] = Self.marker(keepingIndentOf: lines[top.index])
                lines[index] = Self.marker(keepingIndentOf: lines[index])
                found.append(
                    CalloutBlock(
                        openLine: top.index + 1, closeLine: index + 1, lastLine: index + 1, kind: kind, title: title))
            case .indentedOpen(let kind, let title, let collapsible):
                var last = index
                var next = index + 1
                while next < lines.count, lines[next].allSatisfy(\.isWhitespace) || Self.indent(of: lines[next]) > 0 {
                    if !lines[next].allSatisfy(\.isWhitespace) { last = next }
                    next += 1
                }
                lines[index] = Self.marker
                for body in (index + 1)..<(last + 1) {
                    let removed = Self.indent(of: lines[body])
                    lines[body].removeFirst(removed)
                    removedColumns[body + 1, default: 0] += removed
                }
                found.append(
                    CalloutBlock(
                        openLine: index + 1, closeLine: nil, lastLine: last + 1, kind: kind, title: title,
                        collapsible: collapsible))
                index = last
            }
        }
        return found
    }

    /// Lines as cmark counts them: a Swift Character holds "\r\n" whole, so splitting at "\n"
    /// alone would miss a file's Windows line ends.
    package static func lines(of text: String) -> [String] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
    }

    /// A marker where the line was, so that a callout in a list item stays in it.
    private static func marker(keepingIndentOf line: String) -> String {
        String(line.prefix { $0 == " " }) + marker
    }

    /// The indent MkDocs takes off a body line: four spaces or a tab; 0 when it has less.
    private static func indent(of line: String) -> Int {
        if line.hasPrefix("\t") { return 1 }
        return line.hasPrefix("    ") ? 4 : 0
    }
}

/// A line that opens or closes a callout.
private enum CalloutLine {
    case fencedOpen(CalloutKind, title: String?, gitBook: Bool)
    case fencedClose(gitBook: Bool)
    case indentedOpen(CalloutKind, title: String?, collapsible: CalloutBlock.Collapsible?)

    var isGitBook: Bool {
        if case .fencedOpen(_, _, let gitBook) = self { return gitBook }
        return false
    }

    init?(_ raw: String) {
        var line = raw[...]
        if line.last == "\r" { line.removeLast() }
        let spaces = line.prefix { $0 == " " }.count
        guard spaces < 4 else { return nil }
        line = line.dropFirst(spaces)
        while line.last?.isWhitespace == true { line.removeLast() }
        if line.hasPrefix(":::") {
            self.init(docusaurus: line.drop { $0 == ":" })
        } else if line.hasPrefix("{%") {
            self.init(gitBook: line)
        } else if spaces == 0, line.hasPrefix("!!! ") || line.hasPrefix("??? ") || line.hasPrefix("???+ ") {
            self.init(mkDocs: line)
        } else {
            return nil
        }
    }

    /// `:::` closes; `:::tip`, `:::tip Title` and `:::tip[Title]` open.
    private init?(docusaurus rest: Substring) {
        if rest.isEmpty {
            self = .fencedClose(gitBook: false)
            return
        }
        let word = rest.prefix { $0.isLetter }
        guard let kind = CalloutKind(word) else { return nil }
        var title = rest.dropFirst(word.count)
        if title.hasPrefix("["), title.hasSuffix("]") {
            title = title.dropFirst().dropLast()
        } else if let first = title.first, !first.isWhitespace {
            return nil
        }
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        self = .fencedOpen(kind, title: trimmed.isEmpty ? nil : trimmed, gitBook: false)
    }

    /// `{% hint style="warning" %}` opens and `{% endhint %}` closes.
    private init?(gitBook line: Substring) {
        let words = line.dropFirst(2).dropLast(line.hasSuffix("%}") ? 2 : 0).split(separator: " ")
        guard line.hasSuffix("%}"), let name = words.first else { return nil }
        if name == "endhint", words.count == 1 {
            self = .fencedClose(gitBook: true)
            return
        }
        guard name == "hint", words.count == 2, words[1].hasPrefix("style=") else { return nil }
        let style = words[1].dropFirst("style=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        guard let kind = CalloutKind(style) else { return nil }
        self = .fencedOpen(kind, title: nil, gitBook: true)
    }

    /// `!!! note`, `!!! note "Title"`, `??? tip` and `???+ tip "Title"`.
    private init?(mkDocs line: Substring) {
        let collapsible: CalloutBlock.Collapsible? =
            line.hasPrefix("???+") ? .open : line.hasPrefix("???") ? .closed : nil
        let rest = line.drop { $0 != " " }.drop { $0 == " " }
        let word = rest.prefix { $0.isLetter }
        guard let kind = CalloutKind(word) else { return nil }
        var title: String?
        var classes = rest.dropFirst(word.count)
        if let quote = classes.firstIndex(of: "\""), classes.last == "\"",
            classes.index(after: quote) < classes.endIndex
        {
            let inside = classes[classes.index(after: quote)..<classes.index(before: classes.endIndex)]
            title = inside.isEmpty ? nil : String(inside)
            classes = classes[..<quote]
        }
        // Between the kind and the title only class names (`inline end`): a sentence such as
        // `!!! Important: read this` is prose, and stays as written.
        guard classes.isEmpty || classes.first == " ",
            classes.allSatisfy({ $0 == " " || $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        else { return nil }
        self = .indentedOpen(kind, title: title, collapsible: collapsible)
    }
}
