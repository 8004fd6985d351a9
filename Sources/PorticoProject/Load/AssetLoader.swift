import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Reads `assets/<id>.md`: front matter fields and the Markdown body.
package enum AssetLoader {
    package static let fields = [
        "title", "kind", "summary", "owner", "reviewed", "review_every", "for", "tags", "draft", "visibility",
    ]

    package static func read(
        _ fields: FieldReader, id: String, sourcePath: String, body: AssetBody, files: [AssetFile]
    ) -> Asset? {
        let title = fields.string("title")
        let kind: AssetKind? = fields.choice("kind")
        let summary = fields.string("summary")
        let owner = fields.id("owner")
        let reviewed = fields.day("reviewed")
        let reviewEvery = fields.positiveInt("review_every", required: false)
        var audience = Set(PartnerKind.allCases)
        if let kinds = fields.list("for") {
            let chosen = kinds.compactMap { node -> PartnerKind? in fields.choice(node, field: "for") }
            if !chosen.isEmpty { audience = Set(chosen) }
        }
        let tags = fields.stringList("tags") ?? []
        let draft = fields.bool("draft") ?? false
        let visibility: AssetVisibility? = fields.choice("visibility", required: false)
        guard let title, let kind, let summary, let owner, let reviewed else { return nil }
        var read = Asset.Fields(
            id: id, sourcePath: sourcePath, title: title, kind: kind, summary: summary, owner: owner,
            reviewed: reviewed.0,
            reviewEvery: reviewEvery, audience: audience, tags: tags, body: body, files: files, draft: draft,
            visibility: visibility,
            source: fields.location,
            reviewedLocation: reviewed.1)
        read.titleLocation = fields.valueLocation("title")
        read.summaryLocation = fields.valueLocation("summary")
        return Asset(read)
    }
}
