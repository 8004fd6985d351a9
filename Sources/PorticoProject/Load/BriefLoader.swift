import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Reads `briefs/YYYY-MM.md`: front matter, and the sections the body writes.
package enum BriefLoader {
    package static let fields = ["month", "title", "summary", "story", "visibility", "draft"]

    package static func read(_ fields: FieldReader, stem: String, sourcePath: String, body: MarkdownSource) -> Brief? {
        let month = self.month(fields, stem: stem)
        let title = fields.string("title")
        let summary = fields.string("summary")
        let story = fields.id("story", required: false)
        let visibility: AssetVisibility? = fields.choice("visibility", required: false)
        let draft = fields.bool("draft") ?? false
        guard let month, let title, let summary else { return nil }
        return Brief(
            month: month, title: title, summary: summary, story: story, visibility: visibility ?? .partners,
            draft: draft, body: body, sourcePath: sourcePath, source: fields.location,
            outline: BriefOutlineReader.read(body))
    }

    /// The month the brief is for: written in `month` and in the file name, which must agree so
    /// that the archive, the links and the email folders all name the same month.
    private static func month(_ fields: FieldReader, stem: String) -> Month? {
        let fromName = Month(stem)
        if fromName == nil {
            fields.issues.add(
                .error(
                    "bad-brief-name", "a brief's file name must be its month, YYYY-MM.md, not '\(stem).md'",
                    at: SourceLocation(file: fields.file), hint: "rename the file, for example to 2026-11.md"))
        }
        guard let node = fields.value("month", required: true) else { return nil }
        guard case .scalar(let scalar) = node, let month = Month(scalar.string) else {
            fields.issues.add(
                .error(
                    "bad-month", "'month' must be a month written YYYY-MM, found \(FieldReader.describe(node))",
                    at: fields.place(node), hint: "for example: month: 2026-11"))
            return nil
        }
        if let fromName, fromName != month {
            fields.issues.add(
                .error(
                    "month-mismatch", "month \(month) does not match the file name '\(stem).md'",
                    at: fields.place(node), hint: "the file of the \(month) brief is briefs/\(month).md"))
            return nil
        }
        return fromName == nil ? nil : month
    }
}

/// Reads `stories/<id>.md`.
package enum StoryLoader {
    package static let fields = ["title", "partner", "customer", "date", "outcome", "visibility"]

    package static func read(_ fields: FieldReader, id: String, sourcePath: String, body: MarkdownSource) -> Story? {
        let title = fields.string("title")
        let partner = fields.id("partner")
        let customer = fields.string("customer")
        let date = fields.day("date")
        let outcome = fields.string("outcome")
        let visibility: AssetVisibility? = fields.choice("visibility", required: false)
        guard let title, let partner, let customer, let date, let outcome else { return nil }
        return Story(
            id: id, title: title, partner: partner, customer: customer, date: date.0, outcome: outcome,
            visibility: visibility ?? .partners, body: body, sourcePath: sourcePath, source: fields.location)
    }
}

/// Reads `campaigns.yml`: a `campaigns` list.
package enum CampaignLoader {
    package static let fields = ["campaigns"]
    package static let campaignFields = [
        "id", "name", "starts", "ends", "summary", "for", "link", "co_marketing", "visibility",
    ]

    package static func read(_ fields: FieldReader) -> [Campaign]? {
        fields.records("campaigns", what: "a campaign", known: campaignFields, required: true, campaign)
    }

    private static func campaign(_ fields: FieldReader) -> Campaign? {
        let id = fields.id("id")
        let name = fields.string("name")
        let starts = fields.day("starts")
        let ends = fields.day("ends")
        let summary = fields.string("summary")
        var kinds: Set<PartnerKind> = []
        var tiers: [Reference] = []
        for node in fields.list("for") ?? [] {
            if case .scalar(let scalar) = node, let kind = PartnerKind(rawValue: scalar.string) {
                kinds.insert(kind)
            } else if let tier = fields.id(node, field: "for") {
                tiers.append(tier)
            }
        }
        let link = self.link(fields)
        let coMarketing = fields.bool("co_marketing") ?? false
        let visibility: AssetVisibility? = fields.choice("visibility", required: false)
        guard let id, let name, let starts, let ends, let summary else { return nil }
        return Campaign(
            id: id.id, name: name, starts: starts.0, ends: ends.0, summary: summary, kinds: kinds, tiers: tiers,
            link: link, coMarketing: coMarketing, visibility: visibility, source: fields.location,
            endsLocation: ends.1)
    }

    /// An https address, or the id of an asset that tells more.
    private static func link(_ fields: FieldReader) -> CampaignLink? {
        guard let node = fields.value("link", required: false) else { return nil }
        if case .scalar(let scalar) = node, scalar.string.lowercased().hasPrefix("http") {
            return fields.webURL("link").map(CampaignLink.url)
        }
        return fields.id(node, field: "link").map(CampaignLink.asset)
    }
}
