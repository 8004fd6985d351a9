/// An iCalendar file (RFC 5545) of all-day events, as calendar apps subscribe to it.
package struct CalendarFile: Sendable {
    package var productID: String
    package var name: String
    package var events: [CalendarEvent]

    package func text() -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + ICalendarText.escape(productID),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            // Not in RFC 5545, but the name Apple, Google and Outlook show for a subscription.
            "X-WR-CALNAME:" + ICalendarText.escape(name),
        ]
        for event in events { lines += event.lines() }
        lines.append("END:VCALENDAR")
        return lines.map { ICalendarText.fold($0) + "\r\n" }.joined()
    }

    package init(productID: String, name: String, events: [CalendarEvent]) {
        self.productID = productID
        self.name = name
        self.events = events
    }
}

/// An event covering whole days, `start` through `lastDay` inclusive.
package struct CalendarEvent: Sendable {
    package var uid: String
    package var stamp: Day
    package var start: Day
    package var lastDay: Day
    package var summary: String
    package var description: String
    package var url: String?

    package func lines() -> [String] {
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + ICalendarText.escape(uid),
            "DTSTAMP:" + ICalendarText.date(stamp) + "T000000Z",
            "DTSTART;VALUE=DATE:" + ICalendarText.date(start),
            // DTEND is exclusive (RFC 5545 §3.6.1): an event ending on its last day would be a
            // day short in every calendar app.
            "DTEND;VALUE=DATE:" + ICalendarText.date(lastDay.adding(days: 1)),
            "SUMMARY:" + ICalendarText.escape(summary),
            "DESCRIPTION:" + ICalendarText.escape(description),
        ]
        // A URI value has no backslash escapes (a `\,` would become part of the address); only
        // what could break the line is removed.
        if let url { lines.append("URL:" + ICalendarText.uri(url)) }
        lines.append("END:VEVENT")
        return lines
    }

    package init(
        uid: String, stamp: Day, start: Day, lastDay: Day, summary: String, description: String, url: String? = nil
    ) {
        self.uid = uid
        self.stamp = stamp
        self.start = start
        self.lastDay = lastDay
        self.summary = summary
        self.description = description
        self.url = url
    }
}

package enum ICalendarText {
    /// `YYYYMMDD`, the basic format RFC 5545 uses for DATE values.
    package static func date(_ day: Day) -> String {
        day.description.filter { $0 != "-" }
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, each line break
    /// (CRLF, CR or LF) written as `\n`, and control characters other than tab dropped.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            // The LF of a CRLF pair was already written with its CR.
            case "\n": if !afterCR { result += "\\n" }
            default: if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// A URI value as given, without the control characters that could end its line early.
    package static func uri(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return result
    }

    /// RFC 5545 §3.1 forbids CONTROL (U+0000–U+001F but tab, and U+007F) in property values.
    package static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || (scalar.value >= 0x20 && scalar.value != 0x7F)
    }

    /// Splits a content line so that no line exceeds 75 octets, the leading space of each
    /// continuation line included (RFC 5545 §3.1). Breaks fall between scalars, so a UTF-8
    /// sequence is never cut; unfolding (deleting each CRLF + space) gives the line back.
    package static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let octets = UTF8.width(scalar)
            if width + octets > 75 {
                result += "\r\n "
                width = 1
            }
            result.unicodeScalars.append(scalar)
            width += octets
        }
        return result
    }
}
