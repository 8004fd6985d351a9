import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// What a page's context builder works with: the site, links relative to this page, and the
/// Markdown renderer. It also builds the shapes several templates share (docs/templates.md).
public struct PageScope: Sendable {
    public let site: SiteIndex
    /// The relative prefix from this page to the site root.
    public let root: String
    package let markdown: MarkdownRenderer
    package let log: DiagnosticLog

    /// A link from this page to the output at `path`.
    package func href(_ path: String) -> String { root + path }

    /// Renders Markdown written in the content file at `folder` (relative to the content folder),
    /// with its relative links leading from this page.
    package func html(
        _ source: MarkdownSource, folder: String, title: String? = nil, assetID: String? = nil,
        linksGlossary: Bool = false, searchText: Bool = false
    ) -> RenderedMarkdown {
        let links = LinkContext(index: site.links, folder: folder, assetID: assetID, root: root)
        let glossary =
            linksGlossary && !site.content.glossary.isEmpty
            ? GlossaryLinking(terms: site.content.glossary, page: href(Routes.start)) : nil
        var context = MarkdownContext(title: title, links: links, glossary: glossary)
        context.searchText = searchText
        return markdown.render(source, context: context, log: log)
    }

    /// The text as the plain-text part of an email shows it, cut before each `##` heading.
    package func plainText(_ source: MarkdownSource, folder: String, title: String? = nil) -> [(
        heading: String?, text: String
    )] {
        let links = LinkContext(index: site.links, folder: folder, assetID: nil, root: root)
        return PlainTextRenderer.sections(source, context: MarkdownContext(title: title, links: links))
    }

    /// Review upkeep (due dates) is the team's business, shown on its health page; lists show
    /// only when an asset was last updated.
    package func assetSummary(_ asset: Asset) -> AssetSummaryContext {
        AssetSummaryContext(
            id: asset.id, title: asset.title, kind: asset.kind.rawValue, kindLabel: asset.kind.label,
            summary: asset.summary, href: href(site.assetRoute(asset.id)),
            ownerName: site.teamByID[asset.owner.id]?.name ?? asset.owner.id, reviewed: asset.reviewed.description,
            tags: asset.tags,
            forLabels: Self.audienceLabel(asset.audience))
    }

    package static func audienceLabel(_ kinds: Set<PartnerKind>) -> String {
        switch (kinds.contains(.referral), kinds.contains(.integration)) {
        case (true, true): "Referral and integration partners"
        case (true, false): "Referral partners"
        default: "Integration partners"
        }
    }

    /// A `tel:` URI may not contain spaces (RFC 3966); keep the digits and a leading '+'.
    package static func telephoneURI(_ phone: String) -> String {
        "tel:"
            + phone.enumerated().filter { $1.isASCII && ($1.isNumber || ($1 == "+" && $0 == 0)) }.map { String($1) }
            .joined()
    }
}
