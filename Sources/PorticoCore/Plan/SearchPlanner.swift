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
        // The documents are made here, on all cores; each group's index is written out when it
        // is rendered, beside the pages. (Made lazily by the first index rendered, they held up
        // the worker that made them and every worker waiting for them.)
        let documents = Self.documents(site)
        let present = Set(documents.map(\.visibility))
        var outputs: [PlannedOutput] = []
        var manifest: [String] = []
        for group in Self.groups {
            guard group == .public || present.contains(group) else { continue }
            let data: @Sendable () -> Data = {
                SearchIndex(documents: documents.filter { $0.visibility == group }.map(\.document)).json()
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

    /// Every published asset, brief and story with the group that may read it, in the order
    /// the content lists them.
    static func documents(_ site: SiteIndex) -> [(visibility: Visibility, document: SearchDocument)] {
        let fallback = site.program.defaultVisibility
        let assets = site.content.assets.parallelMap { asset in
            let reviewDue = site.isReviewDue(asset)
            let make = {
                let text = SearchText.of(asset.body)
                return SearchDocument(
                    type: asset.kind.rawValue, title: asset.title, summary: asset.summary, href: Routes.asset(asset.id),
                    reviewed: asset.reviewed, reviewDue: reviewDue, headings: text.headings, body: text.body)
            }
            // Only `portico serve` keeps documents from one build to the next.
            let document = site.searchDocuments?.document(for: asset, reviewDue: reviewDue, make: make) ?? make()
            return (asset.readers(default: fallback), document)
        }
        let briefs = site.content.briefs.map { brief in
            let text = SearchText.of(brief.body)
            return (
                brief.visibility.visibility,
                SearchDocument(
                    type: "brief", title: brief.title, summary: brief.summary, href: Routes.brief(brief.month),
                    headings: text.headings, body: text.body)
            )
        }
        let stories = site.content.stories.map { story in
            let text = SearchText.of(story.body)
            return (
                story.visibility.visibility,
                SearchDocument(
                    type: "story", title: story.title, summary: story.outcome, href: Routes.story(story.id),
                    headings: text.headings, body: story.customer + " " + text.body)
            )
        }
        return assets + briefs + stories
    }
}

/// Search documents of assets by id, reused while the asset reads the same: `portico serve`
/// rebuilds the index after every edit, and parsing every body again would cost more than
/// the edited page itself.
public final class SearchDocumentCache: @unchecked Sendable {
    private let lock = NSLock()
    private var documents: [String: (asset: Asset, reviewDue: Bool, document: SearchDocument)] = [:]

    public init() {}

    func document(for asset: Asset, reviewDue: Bool, make: () -> SearchDocument) -> SearchDocument {
        lock.lock()
        let cached = documents[asset.id]
        lock.unlock()
        if let cached, cached.reviewDue == reviewDue, cached.asset == asset { return cached.document }
        let document = make()
        lock.lock()
        documents[asset.id] = (asset, reviewDue, document)
        lock.unlock()
        return document
    }
}
