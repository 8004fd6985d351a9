import Foundation

/// The values `portico new` writes for the author to replace, and how a value still waiting to
/// be replaced is recognised. Left in place, a placeholder would reach partners: a partner page
/// titled with its id, or an access link and briefs sent to an address nobody reads.
public enum Placeholder {
    /// Every placeholder text starts with this, so one search of the content finds them all.
    public static let marker = "TODO:"

    public static let partnerName = "TODO: the partner's name"
    public static let audience = "TODO: who their customers are, and why those customers would want us."
    public static let website = "https://www.example.com"
    public static let contacts = [
        (name: "TODO: a contact's full name", email: "first.contact@example.com"),
        (name: "TODO: another contact's full name", email: "second.contact@example.com"),
    ]
    public static let assetTitle = "TODO: the asset's title"
    public static let assetSummary = "TODO: one sentence, shown in lists, on what the asset is for."

    /// What earlier versions of `portico new` wrote, found in files made before the marker.
    private static let earlierTexts: Set<String> = [
        "First Contact", "Second Contact", "One sentence shown in lists.",
        "Who their customers are, and why those customers would want us.",
    ]

    /// The domains reserved for examples (RFC 2606): mail to them reaches no one.
    private static let exampleDomains: Set<String> = ["example.com", "example.org", "example.net"]

    /// A name, title or summary still as a scaffold wrote it.
    public static func isText(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasPrefix(marker) || trimmed == "TODO" || earlierTexts.contains(trimmed)
    }

    /// An address at one of the example domains, which includes every address a scaffold writes.
    public static func isAddress(_ email: String) -> Bool {
        guard let at = email.lastIndex(of: "@") else { return false }
        return exampleDomains.contains(email[email.index(after: at)...].lowercased())
    }

    /// A web address whose host is an example domain, `www.` or not.
    public static func isWebsite(_ url: String) -> Bool {
        guard let schemeEnd = url.range(of: "://") else { return false }
        let rest = url[schemeEnd.upperBound...]
        var host = rest.prefix { !"/:?#".contains($0) }.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return exampleDomains.contains(host)
    }
}
