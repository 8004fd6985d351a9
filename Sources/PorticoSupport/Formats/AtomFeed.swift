/// An Atom feed (RFC 4287) of whole days: every timestamp is midnight UTC.
package struct AtomFeed: Sendable {
    package var id: String
    package var title: String
    package var subtitle: String?
    package var selfURL: String
    package var alternateURL: String
    package var updated: Day
    package var authorName: String
    package var generator: String
    package var entries: [Entry]

    package struct Entry: Sendable {
        package var id: String
        package var title: String
        package var url: String
        package var published: Day
        package var updated: Day
        package var summary: String
        /// HTML, escaped once more as text so that readers render it (`type="html"`).
        package var contentHTML: String?

        package init(
            id: String, title: String, url: String, published: Day, updated: Day, summary: String,
            contentHTML: String? = nil
        ) {

            self.id = id

            self.title = title

            self.url = url

            self.published = published

            self.updated = updated

            self.summary = summary

            self.contentHTML = contentHTML

        }

    }

    package func xml() -> String {
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
    package static func timestamp(_ day: Day) -> String {
        day.description + "T00:00:00Z"
    }

    private static func element(_ name: String, _ text: String) -> String {
        "<\(name)>" + XMLText.escape(text) + "</\(name)>"
    }

    private static func link(rel: String, type: String, href: String) -> String {
        "<link rel=\"\(rel)\" type=\"\(type)\" href=\"" + XMLText.escape(href) + "\"/>"
    }

    package init(
        id: String, title: String, subtitle: String? = nil, selfURL: String, alternateURL: String, updated: Day,
        authorName: String, generator: String, entries: [Entry]
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.selfURL = selfURL
        self.alternateURL = alternateURL
        self.updated = updated
        self.authorName = authorName
        self.generator = generator
        self.entries = entries
    }
}
