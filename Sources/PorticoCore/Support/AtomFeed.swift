/// An Atom feed (RFC 4287) of whole days: every timestamp is midnight UTC.
struct AtomFeed: Sendable {
    var id: String
    var title: String
    var subtitle: String?
    var selfURL: String
    var alternateURL: String
    var updated: Day
    var authorName: String
    var generator: String
    var entries: [Entry]

    struct Entry: Sendable {
        var id: String
        var title: String
        var url: String
        var published: Day
        var updated: Day
        var summary: String
        /// HTML, escaped once more as text so that readers render it (`type="html"`).
        var contentHTML: String?
    }

    func xml() -> String {
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom">"#,
            "  " + Self.element("id", id),
            "  " + Self.element("title", title),
        ]
        if let subtitle { lines.append("  " + Self.element("subtitle", subtitle)) }
        lines += [
            "  " + Self.element("updated", Self.timestamp(updated)),
            "  <author>" + Self.element("name", authorName) + "</author>",
            "  " + Self.element("generator", generator),
            "  " + Self.link(rel: "self", type: "application/atom+xml", href: selfURL),
            "  " + Self.link(rel: "alternate", type: "text/html", href: alternateURL),
        ]
        for entry in entries {
            lines += [
                "  <entry>",
                "    " + Self.element("id", entry.id),
                "    " + Self.element("title", entry.title),
                "    " + Self.link(rel: "alternate", type: "text/html", href: entry.url),
                "    " + Self.element("published", Self.timestamp(entry.published)),
                "    " + Self.element("updated", Self.timestamp(entry.updated)),
                "    " + Self.element("summary", entry.summary),
            ]
            if let html = entry.contentHTML {
                lines.append("    <content type=\"html\">" + XMLText.escape(html) + "</content>")
            }
            lines.append("  </entry>")
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 3339 `date-time`, which Atom requires; a bare date is not allowed.
    static func timestamp(_ day: Day) -> String {
        day.description + "T00:00:00Z"
    }

    private static func element(_ name: String, _ text: String) -> String {
        "<\(name)>" + XMLText.escape(text) + "</\(name)>"
    }

    private static func link(rel: String, type: String, href: String) -> String {
        "<link rel=\"\(rel)\" type=\"\(type)\" href=\"" + XMLText.escape(href) + "\"/>"
    }
}
