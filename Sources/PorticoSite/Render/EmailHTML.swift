import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Turns HTML written for the portal into HTML that mail clients show as intended: styles inline
/// (many clients drop `<style>` blocks and every external style sheet), pictures only from the
/// portal's public files, and each portal link carrying the reader's own key.
package enum EmailHTML {
    /// Inline styles for the tags the Markdown renderer writes. Colours are set here for light
    /// mode; the message's `prefers-color-scheme: dark` block overrides them by class.
    package static let tagStyles: [(tag: String, style: String, className: String?)] = [
        ("p", "margin:0 0 14px;line-height:1.55;", nil),
        ("h2", "margin:26px 0 10px;font-size:20px;line-height:1.3;font-weight:700;", "pt-heading"),
        ("h3", "margin:20px 0 8px;font-size:17px;line-height:1.3;font-weight:700;", "pt-heading"),
        ("h4", "margin:18px 0 6px;font-size:15px;line-height:1.3;font-weight:700;", "pt-heading"),
        ("ul", "margin:0 0 14px;padding-left:22px;line-height:1.55;", nil),
        ("ol", "margin:0 0 14px;padding-left:22px;line-height:1.55;", nil),
        ("li", "margin:0 0 6px;", nil),
        ("blockquote", "margin:0 0 14px;padding:4px 0 4px 14px;border-left:3px solid #9aa7b8;", nil),
        ("pre", "margin:0 0 14px;padding:10px;background:#eef1f5;white-space:pre-wrap;font-size:13px;", "pt-code"),
        ("table", "border-collapse:collapse;margin:0 0 14px;font-size:14px;", nil),
        ("th", "border:1px solid #9aa7b8;padding:6px 8px;text-align:left;", nil),
        ("td", "border:1px solid #9aa7b8;padding:6px 8px;text-align:left;", nil),
        ("a", "color:#1747b5;text-decoration:underline;", "pt-link"),
        ("img", "max-width:100%;height:auto;border:0;", nil),
        ("aside", calloutStyle, nil),
    ]

    /// Adds each known tag's inline style (and its dark-mode class) to every opening tag.
    package static func inlineStyles(_ html: String) -> String {
        // A message has no page to scroll sideways in, and mail clients drop focus and regions:
        // its tables go without the portal's scrolling box.
        var result = html.replacingUTF8(TableScroll.opening, with: "").replacingUTF8("</table></div>", with: "</table>")
        result = unfoldCallouts(result)
        for (tag, style, className) in tagStyles {
            let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
            // `<p>` and `<p ...>`, not `<pre>`: the tag name ends at '>' or a space. The tags with
            // attributes first: a bare `<p>` once styled is a `<p ` too, and would get a second
            // style attribute.
            result = result.replacingUTF8("<\(tag) ", with: "<\(tag)\(classAttribute) style=\"\(style)\" ")
            result = result.replacingUTF8("<\(tag)>", with: "<\(tag)\(classAttribute) style=\"\(style)\">")
        }
        return boldCalloutTitles(result)
    }

    /// Pictures whose address is not one of `allowed` become their alt text: a mail client
    /// fetching from elsewhere would tell a third party who read the message.
    package static func keepImages(_ html: String, where allowed: (String) -> Bool) -> String {
        guard let pattern = try? NSRegularExpression(pattern: "<img [^>]*>") else { return html }
        var result = ""
        var last = html.startIndex
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let range = Range(match.range, in: html) else { continue }
            let tag = String(html[range])
            result += html[last..<range.lowerBound]
            result += allowed(attribute("src", of: tag)) ? tag : attribute("alt", of: tag)
            last = range.upperBound
        }
        return result + html[last...]
    }

    package static func attribute(_ name: String, of tag: String) -> String {
        guard let start = tag.firstUTF8Range(of: " \(name)=\"") else { return "" }
        let rest = tag[start.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    /// Every address that starts with `base` ends with `fragment` (the reader's key), replacing
    /// any fragment it had: the portal reads the key from the fragment of whatever page opens.
    package static func personalise(_ text: String, base: String, fragment: String) -> String {
        guard !fragment.isEmpty, !base.isEmpty else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + fragment.utf8.count * 8)
        var rest = text[...]
        // Scalars rather than Characters: a brief's email has dozens of addresses, and walking
        // each as Characters was a fifth of writing a large program's emails.
        while let start = rest.firstUTF8Range(of: base) {
            result += rest[..<start.lowerBound]
            let tail = rest[start.lowerBound...]
            let end = tail.unicodeScalars.firstIndex(where: Self.endsAddress) ?? tail.endIndex
            let address = tail[..<end]
            result += address[..<(address.utf8.firstIndex(of: UInt8(ascii: "#")) ?? address.endIndex)]
            result += fragment
            rest = tail[end...]
        }
        return result + rest
    }

    private static func endsAddress(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "<", ">", ")", "]": true
        default: scalar.properties.isWhitespace
        }
    }
}
