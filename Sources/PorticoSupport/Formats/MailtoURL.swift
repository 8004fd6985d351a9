import Foundation

/// `mailto:` URLs (RFC 6068): recipients, then header fields and a body, each value in
/// percent-encoded UTF-8, with line breaks in the body written as `%0D%0A`.
package struct MailtoURL: Sendable {
    package var to: [String]
    package var cc: [String] = []
    package var subject: String?
    package var body: String?

    package var string: String {
        var fields: [String] = []
        if !cc.isEmpty { fields.append("cc=" + cc.map(Self.encodeAddress).joined(separator: ",")) }
        if let subject { fields.append("subject=" + Self.encode(subject)) }
        if let body { fields.append("body=" + Self.encode(Self.crlf(body))) }
        let recipients = to.map(Self.encodeAddress).joined(separator: ",")
        return "mailto:" + recipients + (fields.isEmpty ? "" : "?" + fields.joined(separator: "&"))
    }

    /// Everything but RFC 3986's unreserved characters is encoded, so `&`, `=`, `#`, `?`, `%`
    /// and `+` in a value can never be read as syntax (some clients take `+` for a space).
    package static func encode(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                result.append(Character(Unicode.Scalar(byte)))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// An address keeps its `@` readable; the rest is encoded like any value.
    package static func encodeAddress(_ address: String) -> String {
        address.split(separator: "@", omittingEmptySubsequences: false).map { encode(String($0)) }
            .joined(separator: "@")
    }

    package static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    package init(to: [String], cc: [String] = [], subject: String? = nil, body: String? = nil) {
        self.to = to
        self.cc = cc
        self.subject = subject
        self.body = body
    }
}
