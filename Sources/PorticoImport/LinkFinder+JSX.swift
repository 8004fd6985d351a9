import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Images MDX writes as JSX, whose path is code rather than text: Portico leaves raw HTML and
/// JSX out of a page, so without this the picture would be lost and its file never copied.
extension LinkFinder {
    /// `<img ... src={...} ... />` elements outside code, over one or more lines.
    package func jsxImages() -> [LinkOccurrence] {
        var found: [LinkOccurrence] = []
        let open = Array("<img".utf8)
        var index = 0
        while index + open.count < bytes.count {
            guard bytes[index] == open[0], !code[index], Array(bytes[index..<index + open.count]) == open,
                bytes[index + open.count] == UInt8(ascii: " ") || bytes[index + open.count] == UInt8(ascii: "\n")
            else {
                index += 1
                continue
            }
            // The element ends at the first '>' outside braces and quotes.
            guard
                let close = scanCode(
                    from: index + open.count, limit: bytes.count,
                    stop: { byte, depth in byte == UInt8(ascii: ">") && depth == 0 })
            else { break }
            let range = index..<close + 1
            let element = text(range)
            if let path = LinkFinder.jsxImagePath(element) {
                found.append(
                    occurrence(
                        .jsxImage(alt: LinkFinder.attribute("alt", in: element)), range: range, written: path,
                        target: path))
            }
            index = close + 1
        }
        return found
    }

    /// The path of `src={useBaseUrl('/img/x.png')}`, `src={require('./x.png').default}` or
    /// `src={'./x.png'}`. Docusaurus's `@site/` is the site root.
    package static func jsxImagePath(_ element: String) -> String? {
        let patterns = [
            #"\bsrc=\{\s*useBaseUrl\(\s*(['"`])([^'"`]+)\1\s*\)\s*\}"#,
            #"\bsrc=\{\s*require\(\s*(['"`])([^'"`]+)\1\s*\)(?:\.default)?\s*\}"#,
            #"\bsrc=\{\s*(['"`])([^'"`]+)\1\s*\}"#,
        ]
        for pattern in patterns {
            guard let path = firstGroup(pattern, group: 2, in: element) else { continue }
            return path.hasPrefix("@site/") ? String(path.dropFirst(5)) : path
        }
        return nil
    }

    /// `name="text"`, `name='text'` or `name={'text'}`.
    package static func attribute(_ name: String, in element: String) -> String? {
        firstGroup(#"\b"# + name + #"=\{?\s*(['"])(.*?)\1"#, group: 2, in: element)
    }

    private static func firstGroup(_ pattern: String, group: Int, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: group), in: text)
        else { return nil }
        return String(text[range])
    }
}
