import Crypto
import Foundation

/// A mailbox: a display name (may be empty) and an ASCII address.
package struct MailAddress: Sendable {
    package var name: String
    package var email: String

    package init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// One email (RFC 5322 with MIME), plain text and HTML alternatives, ready for `sendmail -t`.
package struct MailMessage: Sendable {
    package var from: MailAddress
    package var to: MailAddress
    package var subject: String
    /// Sent at 09:00 UTC on this day.
    package var date: Day
    /// Without the angle brackets.
    package var messageID: String
    /// A `mailto:` URL, without the angle brackets; nil for a message that is not one of a
    /// series, such as a welcome, which gets no List-Unsubscribe header.
    package var listUnsubscribe: String?
    /// An https URL that unsubscribes the reader when POSTed to (RFC 8058), listed after the
    /// `mailto:` and announced by List-Unsubscribe-Post; nil when there is no such endpoint.
    package var oneClickUnsubscribe: String?
    package var text: String
    package var html: String

    package func rendered() -> String {
        let boundary = Self.boundary(text: text, html: html)
        let unsubscribe = MailHeader.unsubscribe(mailto: listUnsubscribe, oneClick: oneClickUnsubscribe)
        let headers =
            [
                MailHeader.field("From", MailHeader.mailbox(from, after: "From")),
                MailHeader.field("To", MailHeader.mailbox(to, after: "To")),
                MailHeader.field("Subject", MailHeader.unstructured(subject, after: "Subject")),
                MailHeader.field("Date", MailHeader.date(date)),
                MailHeader.field("Message-ID", "<" + MailHeader.clean(messageID) + ">"),
            ] + unsubscribe + [
                MailHeader.field("MIME-Version", "1.0"),
                MailHeader.field("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""),
            ]
        var message = headers.joined() + "\r\n"
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            message += "--\(boundary)\r\n"
            message += "Content-Type: \(type); charset=utf-8\r\n"
            message += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            // The CRLF before the next delimiter belongs to the delimiter (RFC 2046 §5.1.1), so
            // a body ending in a line break keeps it.
            message += QuotedPrintable.encode(body) + "\r\n"
        }
        return message + "--\(boundary)--\r\n"
    }

    /// The same content always gets the same boundary, so rebuilding changes no file. It can
    /// never occur inside a part: in quoted-printable `=` is always followed by two hex digits
    /// or a line break, never by `_`.
    package static func boundary(text: String, html: String) -> String {
        let digest = SHA256.hash(data: Data((text + html).utf8))
        let hex = digest.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        return "=_portico_" + hex.prefix(24)
    }

    package init(
        from: MailAddress, to: MailAddress, subject: String, date: Day, messageID: String,
        listUnsubscribe: String? = nil, oneClickUnsubscribe: String? = nil, text: String, html: String
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.listUnsubscribe = listUnsubscribe
        self.oneClickUnsubscribe = oneClickUnsubscribe
        self.text = text
        self.html = html
    }
}

/// Header field bodies: display names, unstructured text, dates, and folding.
package enum MailHeader {
    /// RFC 5322 §3.2.3 specials: a display name containing one must be a quoted-string.
    package static let specials = Set("()<>[]:;@\\,.\"".unicodeScalars)

    /// `Name: value` folded, with its CRLF.
    package static func field(_ name: String, _ value: String) -> String {
        // RFC 2047 §2 limits a line holding an encoded-word to 76 characters; others get the
        // 78 RFC 5322 §2.1.1 recommends.
        let limit = value.contains("=?") ? 76 : 78
        return fold(name + ": " + value, limit: limit, keep: name.utf8.count + 2) + "\r\n"
    }

    /// `address` alone, or `name <address>` with the name as an atom phrase, a quoted-string or
    /// encoded-words, whichever it needs.
    package static func mailbox(_ address: MailAddress, after fieldName: String) -> String {
        let email = clean(address.email)
        let name = clean(address.name).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return email }
        let phrase: String
        if needsEncoding(name) {
            phrase = EncodedWord.mixed(name, firstLength: firstLength(after: fieldName)) { word in
                !needsEncoding(word) && !word.unicodeScalars.contains(where: specials.contains)
            }
        } else if name.unicodeScalars.contains(where: specials.contains) {
            phrase =
                "\""
                + name.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"") + "\""
        } else {
            phrase = name
        }
        return phrase + " <" + email + ">"
    }

    /// Text as itself when it is printable ASCII, else with its other words as encoded-words.
    package static func unstructured(_ text: String, after fieldName: String) -> String {
        let value = clean(text).trimmingCharacters(in: .whitespaces)
        guard needsEncoding(value) else { return value }
        return EncodedWord.mixed(value, firstLength: firstLength(after: fieldName)) { !needsEncoding($0) }
    }

    /// Room for an encoded-word that opens the field's first line, after `Name: `.
    package static func firstLength(after fieldName: String) -> Int {
        76 - fieldName.utf8.count - 2
    }

    /// Non-ASCII needs encoded-words, and so does ASCII text containing `=?`, which a reader
    /// would otherwise try to decode as one.
    package static func needsEncoding(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { !(0x20...0x7E).contains($0.value) } || text.contains("=?")
    }

    /// The value with line breaks turned into spaces and other control characters dropped, so
    /// no value can end its field early and start a header of its own.
    package static func clean(_ text: String) -> String {
        var result = ""
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where afterCR: continue
            case 0x09, 0x0A, 0x0D: result += " "
            case 0x00..<0x20, 0x7F: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// RFC 5322 §3.3 date-time for 09:00 UTC on `day`, e.g. `Sun, 01 Nov 2026 09:00:00 +0000`.
    package static func date(_ day: Day) -> String {
        date(day, seconds: 9 * 3600)
    }

    /// RFC 5322 §3.3 date-time for `time`, in UTC, to the second: what `portico send` writes.
    package static func date(_ time: Date) -> String {
        let seconds = Int(time.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        return date(Day(dayNumber: 719_468 + days), seconds: seconds - days * 86_400)
    }

    private static func date(_ day: Day, seconds: Int) -> String {
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        // 1970-01-01 (day number 719 468) was a Thursday.
        let weekday = ((day.dayNumber - 719_468) % 7 + 7 + 4) % 7
        let dayText = String(day.day).leftPadded(to: 2)
        let time = [seconds / 3600, seconds / 60 % 60, seconds % 60].map { String($0).leftPadded(to: 2) }
        return "\(weekdays[weekday]), \(dayText) \(months[day.month - 1]) \(day.year) "
            + time.joined(separator: ":") + " +0000"
    }

    /// List-Unsubscribe (RFC 2369) and, with an https address, List-Unsubscribe-Post (RFC 8058).
    /// The `mailto:` comes first: a client that follows RFC 2369 alone takes the leftmost
    /// address it knows, and opening a form endpoint in a browser unsubscribes nobody.
    package static func unsubscribe(mailto: String?, oneClick: String?) -> [String] {
        let addresses = [mailto, oneClick].compactMap { $0 }.map { "<" + angleSafe($0) + ">" }
        guard !addresses.isEmpty else { return [] }
        let list = field("List-Unsubscribe", addresses.joined(separator: ", "))
        guard oneClick != nil else { return [list] }
        return [list, field("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]
    }

    /// A URL fit to stand between angle brackets in a header: no control characters, and
    /// what would end it or the list early (space, `<`, `>`, `"`, `,`) or is not ASCII
    /// percent-encoded as UTF-8.
    package static func angleSafe(_ url: String) -> String {
        var result = ""
        for byte in clean(url).utf8 {
            if byte > 0x7E || Array(" <>\",".utf8).contains(byte) {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            } else {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }

    /// Folds an ASCII header line by putting CRLF before a space (RFC 5322 §2.2.3), so that
    /// unfolding gives the line back. It breaks at the last space that keeps the line within
    /// `limit`, never inside the first `keep` characters (`Name: `), never so that a line ends
    /// in whitespace or a continuation line is only whitespace. A word longer than a line
    /// stays whole: a longer line is better than a broken value.
    package static func fold(_ line: String, limit: Int, keep: Int) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > limit, let lastText = bytes.lastIndex(where: { $0 != 0x20 }) else { return line }
        let breaks = bytes.indices.filter { index in
            index > keep && index < lastText && bytes[index] == 0x20 && bytes[index - 1] != 0x20
        }
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while bytes.count - start > limit {
            let candidates = breaks.filter { $0 > start }
            guard let first = candidates.first else { break }
            let end = candidates.last { $0 - start <= limit } ?? first
            lines.append(bytes[start..<end])
            start = end
        }
        lines.append(bytes[start...])
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\r\n")
    }
}
