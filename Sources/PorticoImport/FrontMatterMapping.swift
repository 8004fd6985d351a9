import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// What a document's front matter says, in Portico's terms.
package struct MappedFields: Sendable, Equatable {
    package var title: String?
    package var summary: String?
    /// From a key that says when the text was last updated (`lastmod`, `last_update.date`).
    package var reviewed: Day?
    /// From `date`, which is when it was first published: older than its last commit.
    package var dated: Day?
    /// Docusaurus's `sidebar_label` when a `title` is there too, `sidebar_position` and `slug`:
    /// the old site's navigation, which assets have no field for.
    package var sidebarLabel: String?
    package var sidebarPosition: Double?
    package var slug: String?
    package var tags: [String] = []
    package var draft = false
    /// Keys Portico has no field for, or whose value it could not use, sorted; keys inside a
    /// table are written `parent.key`.
    package var unmapped: [String] = []
}

/// Maps the front-matter fields of Jekyll, Hugo, Docusaurus, Starlight and Obsidian to an
/// asset's fields. Each Portico field lists the keys that can fill it, first match wins.
package enum FrontMatterMapping {
    package static let titleKeys = ["title", "sidebar_label", "linktitle"]
    package static let summaryKeys = ["description", "summary", "excerpt", "subtitle"]
    /// `last_update` is Docusaurus's table (`date`, `author`); `lastUpdated` is Starlight's.
    package static let reviewedKeys = [
        "last_updated", "lastmod", "last_modified", "updated", "last_update", "lastupdated",
    ]
    package static let tagKeys = ["tags", "keywords", "categories"]

    package static func map(_ written: [String: FrontMatterValue]) -> MappedFields {
        var mapped = MappedFields()
        var unusable: Set<String> = []
        var used: Set<String> = []
        // Keys are matched ignoring case (MultiMarkdown's `Description:`), reported as written.
        var fields: [String: FrontMatterValue] = [:]
        var writtenKey: [String: String] = [:]
        for key in written.keys.sorted() where fields[key.lowercased()] == nil || key == key.lowercased() {
            fields[key.lowercased()] = written[key]
            writtenKey[key.lowercased()] = key
        }
        func firstText(_ keys: [String]) -> String? {
            for key in keys {
                guard let value = fields[key] else { continue }
                used.insert(key)
                guard let text = value.text.map(oneLine), !text.isEmpty else {
                    unusable.insert(key)
                    continue
                }
                return text
            }
            return nil
        }
        mapped.title = firstText(titleKeys)
        mapped.summary = firstText(summaryKeys)

        for key in reviewedKeys where mapped.reviewed == nil {
            guard let value = fields[key] else { continue }
            used.insert(key)
            if case .table(let table) = value {
                // Docusaurus: last_update: {date: 2026-08-14, author: omar}; the author has no place.
                for inner in table.keys where inner != "date" { unusable.insert("\(key).\(inner)") }
                if let day = table["date"]?.text.flatMap(day) {
                    mapped.reviewed = day
                } else {
                    unusable.insert(key)
                }
            } else if let day = value.text.flatMap(day) {
                mapped.reviewed = day
            } else {
                unusable.insert(key)
            }
        }

        for key in tagKeys {
            guard let value = fields[key] else { continue }
            used.insert(key)
            guard let words = tagWords(value) else {
                unusable.insert(key)
                continue
            }
            for tag in words.map(Slug.make) where !tag.isEmpty && !mapped.tags.contains(tag) {
                mapped.tags.append(tag)
            }
        }

        if let value = fields["draft"] {
            used.insert("draft")
            switch value.text.map(boolean) {
            case .some(.some(let draft)): mapped.draft = mapped.draft || draft
            default: unusable.insert("draft")
            }
        }
        if let value = fields["published"] {
            used.insert("published")
            switch value.text.map(boolean) {
            case .some(.some(let published)): mapped.draft = mapped.draft || !published
            default: unusable.insert("published")
            }
        }
        if let value = fields["date"] {
            used.insert("date")
            mapped.dated = value.text.flatMap(day)
            if mapped.dated == nil { unusable.insert("date") }
        }
        if mapped.title != nil, let label = fields["sidebar_label"]?.text.map(oneLine), label != mapped.title {
            mapped.sidebarLabel = label
        }
        if let value = fields["sidebar_position"] {
            used.insert("sidebar_position")
            mapped.sidebarPosition = value.text.flatMap { Double($0) }
            if mapped.sidebarPosition == nil { unusable.insert("sidebar_position") }
        }
        if let value = fields["slug"] {
            used.insert("slug")
            mapped.slug = value.text
            if mapped.slug == nil { unusable.insert("slug") }
        }
        used.insert("sidebar_label")

        let others = fields.keys.filter { !used.contains($0) }
        mapped.unmapped = unusable.union(others).map { key in
            let parts = key.split(separator: ".", maxSplits: 1)
            let head = writtenKey[String(parts[0])] ?? String(parts[0])
            return parts.count > 1 ? head + "." + parts[1] : head
        }.sorted()
        return mapped
    }

    /// The date part of a date or datetime written `YYYY-MM-DD...`.
    package static func day(_ text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 10 else { return nil }
        let rest = trimmed.dropFirst(10)
        guard rest.isEmpty || rest.first == "T" || rest.first == "t" || rest.first == " " else { return nil }
        return Day(String(trimmed.prefix(10)))
    }

    /// Tags written as a list, or as one comma-separated string.
    private static func tagWords(_ value: FrontMatterValue) -> [String]? {
        switch value {
        case .text(let text):
            return text.split(separator: ",").map(String.init)
        case .list(let items):
            let texts = items.compactMap(\.text)
            return texts.count == items.count ? texts : nil
        case .table:
            return nil
        }
    }

    private static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    /// Text on one line with single spaces, as Portico's one-line fields want it.
    package static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
