import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Turns names people wrote (file names, folder names, tags) into ids and tags Portico accepts.
package enum Slug {
    /// Lowercase ASCII letters and digits joined by single '-': "Q3 Pricing Update" becomes
    /// "q3-pricing-update" and "Café notes" becomes "cafe-notes". Apostrophes join words
    /// ("don't" becomes "dont") so a possessive does not split a word in two.
    package static func make(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "\u{2019}" {
                pendingDash = true
            }
        }
        return slug
    }

    /// `slug` cut to at most `limit` characters, at a '-' when it has to be cut, so it stays an id.
    package static func truncated(_ slug: String, to limit: Int) -> String {
        guard slug.count > limit else { return slug }
        var cut = String(slug.prefix(limit))
        if slug.dropFirst(limit).first != "-", let dash = cut.lastIndex(of: "-") {
            cut = String(cut[..<dash])
        }
        while cut.hasSuffix("-") { cut.removeLast() }
        return cut
    }

    /// A file or folder name as a title: "02-weekly_standup" becomes "02 weekly standup" and
    /// "pricing-faq" becomes "Pricing faq".
    package static func humanised(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
        let text = words.joined(separator: " ")
        guard let first = text.first else { return name }
        return first.uppercased() + text.dropFirst()
    }
}
