import Foundation
import PorticoSupport

/// Callouts in a message: mail clients show `<details>` unevenly and drop style sheets, so each
/// callout becomes an open aside with a bar at its side and its title in bold, which reads the
/// same in light and dark clients (no background colour for a dark client to fight).
extension EmailHTML {
    package static let calloutStyle = "margin:0 0 14px;padding:2px 0 2px 14px;border-left:4px solid #9aa7b8;"
    package static let calloutTitleStyle = "margin:0 0 6px;line-height:1.55;"

    /// Before the tags' styles: folded callouts become asides, which then get `calloutStyle`.
    package static func unfoldCallouts(_ html: String) -> String {
        guard html.containsUTF8("<details class=\"callout "),
            let pattern = try? NSRegularExpression(pattern: "<details( class=\"callout[^\"]*\")( open)?>")
        else { return html }
        let range = NSRange(html.startIndex..., in: html)
        return pattern.stringByReplacingMatches(in: html, range: range, withTemplate: "<aside$1>")
            .replacingUTF8("</details>", with: "</aside>")
    }

    /// After the tags' styles: each callout's title, a `<p>` or `<summary>`, becomes a bold line.
    package static func boldCalloutTitles(_ html: String) -> String {
        guard html.containsUTF8("class=\"callout-title\">"),
            let pattern = try? NSRegularExpression(
                pattern: "<(p|summary)[^>]* class=\"callout-title\">(.*?)</(?:p|summary)>")
        else { return html }
        let range = NSRange(html.startIndex..., in: html)
        return pattern.stringByReplacingMatches(
            in: html, range: range, withTemplate: "<p style=\"\(calloutTitleStyle)\"><strong>$2</strong></p>")
    }
}
