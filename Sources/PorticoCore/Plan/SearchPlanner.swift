import Foundation

/// `search/index.html` and the indexes it searches in the browser: one per visibility group
/// (public, partners, team), each holding that group's assets, briefs and stories. Private
/// indexes are sealed for their group like a private asset's files; `search/manifest.json`
/// lists them with their group tags (docs/search.md).
struct SearchPlanner: OutputPlanner {
    /// The groups that have an index, in the order the manifest lists them.
    static let groups: [Visibility] = [.public, .partners, .team]

    /// The types a search can be narrowed to, with their labels, in the order the page lists them.
    static let types: [(value: String, label: String)] =
        AssetKind.allCases.map { ($0.rawValue, $0.label) } + [("brief", "Monthly brief"), ("story", "Success story")]

    func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        var outputs: [PlannedOutput] = []
        var manifest: [String] = []
        let present = Set(Self.sources(site).map(\.visibility))
        for group in Self.groups {
            guard group == .public || present.contains(group) else { continue }
            // Written after every page (`PlannedOutput.Content.built`), when the asset pages
            // have made their documents from their own parse.
            let data: @Sendable () -> Data = {
                SearchIndex(documents: Self.documents(site, group: group), vocabulary: site.searchDocuments.vocabulary)
                    .json()
            }
            let name = group.group ?? "public"
            if let access = site.access, let groupName = group.group {
                // A private index is never written in the clear in an encrypted build.
                guard let tag = access.tags[groupName] else { continue }
                let path = Routes.searchIndex(name, sealed: true)
                outputs.append(PlannedOutput(path: path, content: .built(data, sealedFor: group)))
                manifest.append("{\"name\":\"\(name)\",\"url\":\"\(path)\",\"group\":\"\(tag)\"}")
            } else {
                let path = Routes.searchIndex(name, sealed: false)
                outputs.append(PlannedOutput(path: path, content: .built(data, sealedFor: nil)))
                manifest.append("{\"name\":\"\(name)\",\"url\":\"\(path)\"}")
            }
        }
        outputs.append(
            PlannedOutput(
                path: Routes.searchManifest,
                content: .text("{\"v\":1,\"indexes\":[" + manifest.joined(separator: ",") + "]}")))
        let page = PlannedPage(
            kind: .search, title: "Search",
            description: "Search the library, the monthly briefs and the success stories.", listed: false
        ) { scope in
            [
                "types": Self.types.map { ["value": $0.value, "label": $0.label] },
                "briefs_href": scope.site.content.briefs.isEmpty ? "" : scope.href(Routes.briefs),
                "has_briefs": !scope.site.content.briefs.isEmpty,
            ]
        }
        outputs.append(PlannedOutput(path: Routes.search, content: .page(page)))
        return outputs
    }

    /// What each index is made from: every published asset, brief and story with the group that
    /// may read it, in the order the content lists them.
    enum Source {
        case asset(Asset)
        case brief(Brief)
        case story(Story)
    }

    static func sources(_ site: SiteIndex) -> [(visibility: Visibility, source: Source)] {
        let fallback = site.program.defaultVisibility
        return site.content.assets.map { ($0.readers(default: fallback), .asset($0)) }
            + site.content.briefs.map { ($0.visibility.visibility, .brief($0)) }
            + site.content.stories.map { ($0.visibility.visibility, .story($0)) }
    }

    /// The documents of one group's index.
    static func documents(_ site: SiteIndex, group: Visibility) -> [SearchDocument] {
        sources(site).filter { $0.visibility == group }.map(\.source).parallelMap { source in
            switch source {
            case .asset(let asset):
                return site.searchDocuments.document(for: asset, reviewDue: site.isReviewDue(asset)) {
                    // A body that can no longer be read is reported by its own page.
                    let source = try? asset.body.source().get()
                    return document(of: asset, text: source.map(SearchText.of) ?? ("", ""), site: site)
                }
            case .brief(let brief):
                let text = SearchText.of(brief.body)
                return SearchDocument(
                    type: "brief", title: brief.title, summary: brief.summary, href: Routes.brief(brief.month),
                    headings: text.headings, body: text.body, vocabulary: site.searchDocuments.vocabulary)
            case .story(let story):
                let text = SearchText.of(story.body)
                return SearchDocument(
                    type: "story", title: story.title, summary: story.outcome, href: Routes.story(story.id),
                    headings: text.headings, body: story.customer + " " + text.body,
                    vocabulary: site.searchDocuments.vocabulary)
            }
        }
    }

    static func document(of asset: Asset, text: (headings: String, body: String), site: SiteIndex) -> SearchDocument {
        SearchDocument(
            type: asset.kind.rawValue, title: asset.title, summary: asset.summary, href: Routes.asset(asset.id),
            reviewed: asset.reviewed, reviewDue: site.isReviewDue(asset), headings: text.headings, body: text.body,
            vocabulary: site.searchDocuments.vocabulary)
    }

    /// Called by the asset's page, which has just parsed its text.
    static func keepDocument(of asset: Asset, text: (headings: String, body: String), site: SiteIndex) {
        site.searchDocuments.keep(
            document(of: asset, text: text, site: site), for: asset, reviewDue: site.isReviewDue(asset))
    }
}

/// Search documents of assets by id, reused while the asset reads the same: made by each asset's
/// page from its own parse, so a body is parsed once per build; and `portico serve` rebuilds the
/// indexes after every edit, where parsing every body again would cost more than the edited page.
public final class SearchDocumentCache: @unchecked Sendable {
    /// One entry per asset, boxed: a library's worth of documents held inline made the table
    /// itself, sized in powers of two, one of the larger things a build kept.
    private final class Entry {
        let asset: Asset
        let reviewDue: Bool
        let document: SearchDocument

        init(asset: Asset, reviewDue: Bool, document: SearchDocument) {
            (self.asset, self.reviewDue, self.document) = (asset, reviewDue, document)
        }
    }

    private let lock = NSLock()
    private var documents: [String: Entry] = [:]
    /// The terms of the documents, kept as long as the documents are.
    let vocabulary = SearchVocabulary()

    public init() {}

    func keep(_ document: SearchDocument, for asset: Asset, reviewDue: Bool) {
        let entry = Entry(asset: asset, reviewDue: reviewDue, document: document)
        lock.lock()
        documents[asset.id] = entry
        lock.unlock()
    }

    func document(for asset: Asset, reviewDue: Bool, make: () -> SearchDocument) -> SearchDocument {
        lock.lock()
        let cached = documents[asset.id]
        lock.unlock()
        if let cached, cached.reviewDue == reviewDue, cached.asset == asset { return cached.document }
        let document = make()
        keep(document, for: asset, reviewDue: reviewDue)
        return document
    }
}
