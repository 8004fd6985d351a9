import Crypto
import Foundation

/// A vCard 4.0 (RFC 6350) for one person. Its text values are escaped and its lines folded by
/// the rules RFC 5545 shares with it (ICalendarText).
package struct VCard: Sendable {
    package var name: String
    package var organization: String
    package var title: String
    package var email: String
    package var phone: String?
    /// A `tel:` URI for the phone, when there is one.
    package var phoneURI: String?

    package func text() -> String {
        var lines = [
            "BEGIN:VCARD",
            "VERSION:4.0",
            "UID:\(uid)",
            "FN:\(ICalendarText.escape(name))",
            "N:\(structuredName)",
            "ORG:\(ICalendarText.escape(organization))",
            "TITLE:\(ICalendarText.escape(title))",
            "EMAIL;TYPE=work:\(ICalendarText.escape(email))",
        ]
        if let phoneURI, phone != nil {
            lines.append("TEL;VALUE=uri;TYPE=work,voice:\(ICalendarText.uri(phoneURI))")
        }
        lines.append("END:VCARD")
        return lines.map(ICalendarText.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Stable across builds: derived from the address, as RFC 6350 suggests for a UID that must
    /// not change.
    package var uid: String {
        let digest = Array(SHA256.hash(data: Data(email.lowercased().utf8)))
        let hex = digest.prefix(16).map { String(format: "%02x", $0) }.joined()
        let parts = [
            hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4),
            hex.dropFirst(20).prefix(12),
        ]
        return "urn:uuid:" + parts.joined(separator: "-")
    }

    /// `Family;Given;;;`: the last word is taken as the family name, which is right for most names
    /// and harmless for the others, since FN carries the name as written.
    package var structuredName: String {
        let words = name.split(separator: " ").map(String.init)
        guard let family = words.last, words.count > 1 else { return ICalendarText.escape(name) + ";;;;" }
        let given = words.dropLast().joined(separator: " ")
        return "\(ICalendarText.escape(family));\(ICalendarText.escape(given));;;"
    }

    package init(
        name: String, organization: String, title: String, email: String, phone: String? = nil, phoneURI: String? = nil
    ) {
        self.name = name
        self.organization = organization
        self.title = title
        self.email = email
        self.phone = phone
        self.phoneURI = phoneURI
    }
}
