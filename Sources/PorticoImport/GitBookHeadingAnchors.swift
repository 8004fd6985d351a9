import Foundation

/// GitBook writes each heading's id as an empty link at its end:
/// `### Overview <a href="#e7tjitffe17" id="e7tjitffe17"></a>`, and its pages link to those ids.
/// Portico keeps only a link's address from raw HTML, so the id would be lost and every link to
/// it broken; the heading takes it as an explicit id instead: `### Overview {#e7tjitffe17}`.
package enum GitBookHeadingAnchors {
    private static let pattern = try? NSRegularExpression(
        pattern:
            ##"^( {0,3}#{1,6}[ \t].*?)[ \t]*<a\s+(?:href="#([A-Za-z0-9_.:-]+)"\s+id="\2"|id="([A-Za-z0-9_.:-]+)"\s+href="#\3")\s*>\s*</a>[ \t]*$"##
    )

    /// Edits that move each such id into its heading.
    package static func edits(_ finder: LinkFinder) -> [(range: Range<Int>, text: String)] {
        guard let pattern else { return [] }
        var edits: [(range: Range<Int>, text: String)] = []
        for line in 1...max(finder.lineStarts.count, 1) where !finder.scan.codeLines.contains(line) {
            guard line <= finder.lineStarts.count else { break }
            let start = finder.lineStarts[line - 1]
            let end = line < finder.lineStarts.count ? finder.lineStarts[line] - 1 : finder.bytes.count
            guard start < end, let rewritten = rewrite(finder.text(start..<end), pattern: pattern) else { continue }
            edits.append((start..<end, rewritten))
        }
        return edits
    }

    /// The heading line with its trailing anchor turned into `{#id}`; nil when it has none, or
    /// already has an explicit id.
    package static func rewrite(_ line: String) -> String? {
        pattern.flatMap { rewrite(line, pattern: $0) }
    }

    private static func rewrite(_ line: String, pattern: NSRegularExpression) -> String? {
        guard line.contains("<a"),
            let match = pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
            let heading = Range(match.range(at: 1), in: line)
        else { return nil }
        let id = [2, 3].lazy.compactMap { Range(match.range(at: $0), in: line) }.first.map { String(line[$0]) }
        guard let id, !line[heading].contains("{#") else { return nil }
        return line[heading] + " {#" + id + "}"
    }
}
