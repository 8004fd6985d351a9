import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Docusaurus's code-block titles (```` ```js title="src/app.js" ````). Portico reads only the
/// language from a fence's info string, so the title would vanish; it becomes a bold line
/// before the block instead.
package enum CodeBlockTitles {
    /// Edits that put each title on its own line before its fence and take it out of the info string.
    package static func edits(_ finder: LinkFinder) -> [(range: Range<Int>, text: String)] {
        var edits: [(range: Range<Int>, text: String)] = []
        for line in finder.scan.codeLines.sorted() where !finder.scan.codeLines.contains(line - 1) {
            let start = finder.lineStarts[line - 1]
            let end = line < finder.lineStarts.count ? finder.lineStarts[line] - 1 : finder.bytes.count
            let text = finder.text(start..<end)
            let indent = String(text.prefix { $0 == " " || $0 == "\t" || $0 == ">" })
            let fence = text.dropFirst(indent.count)
            guard fence.hasPrefix("```") || fence.hasPrefix("~~~"),
                let (title, info) = split(String(fence))
            else { continue }
            edits.append((start..<end, "\(indent)**\(title)**\n\(indent)\(info)"))
        }
        return edits
    }

    /// The title and the fence without it: ```` ```js title="a.js" {1} ```` gives `a.js` and ```` ```js {1} ````.
    package static func split(_ fence: String) -> (title: String, fence: String)? {
        let pattern = #"\s+title=(?:"([^"]*)"|'([^']*)'|([^\s"']+))"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: fence, range: NSRange(fence.startIndex..., in: fence)),
            let whole = Range(match.range, in: fence)
        else { return nil }
        let title = (1...3).lazy.compactMap { Range(match.range(at: $0), in: fence) }.first.map { String(fence[$0]) }
        guard let title, !title.isEmpty else { return nil }
        return (title, String(fence[..<whole.lowerBound]) + String(fence[whole.upperBound...]))
    }
}
