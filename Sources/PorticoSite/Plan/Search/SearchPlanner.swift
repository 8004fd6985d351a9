import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `search/index.html` and the indexes it searches in the browser: one per visibility group
/// (public, partners, team), each holding that group's assets, briefs and stories. Private
/// indexes are sealed for their group like a private asset's files; `search/manifest.json`
/// lists them with their group tags (docs/search.md).
package struct SearchPlanner: OutputPlanner {
    /// The groups that have an index, in the order the manifest lists them.
    package static let groups: [Visibility] = [.public, .partners, .team]

    /// The types a search can be narrowed to, with their labels, in the order the page lists them.
    package static let types: [(value: String, label: String)] =
        AssetKind.allCases.map { ($0.rawValue, $0.label) } + [("brief", "Monthly brief"), ("story", "Success story")]

    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        var outputs: [PlannedOutput] = []
        var manifest: [String] = []
        let present = Self.groupsPresent(site)
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
            SearchPageContext(
                types: Self.types.map { SearchTypeContext(value: $0.value, label: $0.label) },
                briefsHref: scope.site.content.briefs.isEmpty ? nil : scope.href(Routes.briefs))
        }
        outputs.append(PlannedOutput(path: Routes.search, content: .page(page)))
        return outputs
    }

    /// The groups that something published belongs to: every published asset, brief and story
    /// goes into the index of the group that may read it.
    package static func groupsPresent(_ site: SiteIndex) -> Set<Visibility> {
        let fallback = site.program.defaultVisibility
        return Set(site.content.assets.lazy.map { $0.readers(default: fallback) })
            .union(site.content.briefs.map(\.visibility.visibility))
            .union(site.content.stories.map(\.visibility.visibility))
    }

    /// The documents of one group's index: its assets, briefs and stories, in the order the
    /// content lists them. Each kind is picked out by itself, rather than every source of every
    /// group listed first, which on a large library held the whole library twice more.
    package static func documents(_ site: SiteIndex, group: Visibility) -> [SearchDocument] {
        let fallback = site.program.defaultVisibility
        let vocabulary = site.searchDocuments.vocabulary
        let assets = site.content.assets.filter { $0.readers(default: fallback) == group }
        let briefs = site.content.briefs.filter { $0.visibility.visibility == group }
        let stories = site.content.stories.filter { $0.visibility.visibility == group }
        return assets.parallelMap { asset in
            site.searchDocuments.document(for: asset) {
                // A body that can no longer be read is reported by its own page.
                let source = try? asset.body.source().get()
                return document(of: asset, text: source.map(SearchText.of) ?? ("", ""), site: site)
            }
        }
            + briefs.parallelMap { brief in
                let text = SearchText.of(brief.body)
                return SearchDocument(
                    type: "brief", title: brief.title, summary: brief.summary, href: Routes.brief(brief.month),
                    headings: text.headings, body: text.body, vocabulary: vocabulary)
            }
            + stories.parallelMap { story in
                let text = SearchText.of(story.body)
                return SearchDocument(
                    type: "story", title: story.title, summary: story.outcome, href: Routes.story(story.id),
                    headings: text.headings, body: story.customer + " " + text.body, vocabulary: vocabulary)
            }
    }

    package static func document(of asset: Asset, text: (headings: String, body: String), site: SiteIndex)
        -> SearchDocument
    {
        SearchDocument(
            type: asset.kind.rawValue, title: asset.title, summary: asset.summary, href: site.assetRoute(asset.id),
            reviewed: asset.reviewed, headings: text.headings, body: text.body,
            vocabulary: site.searchDocuments.vocabulary)
    }

    /// Called by the asset's page, which has just parsed its text.
    package static func keepDocument(of asset: Asset, text: (headings: String, body: String), site: SiteIndex) {
        site.searchDocuments.keep(document(of: asset, text: text, site: site), for: asset)
    }

    package init() {

    }
}

/// Search documents of assets by id, reused while the asset reads the same: made by each asset's
/// page from its own parse, so a body is parsed once per build; and `portico serve` rebuilds the
/// indexes after every edit, where parsing every body again would cost more than the edited page.
public final class SearchDocumentCache: @unchecked Sendable {
    /// One entry per asset, boxed: a library's worth of documents held inline made the table
    /// itself, sized in powers of two, one of the larger things a build kept.
    private final class Entry {
        package let asset: Asset
        package let document: SearchDocument

        package init(asset: Asset, document: SearchDocument) {
            (self.asset, self.document) = (asset, document)
        }
    }

    private let lock = NSLock()
    private var documents: [String: Entry] = [:]
    /// The terms of the documents, kept as long as the documents are.
    package let vocabulary = SearchVocabulary()

    public init() {}

    package func keep(_ document: SearchDocument, for asset: Asset) {
        let entry = Entry(asset: asset, document: document)
        lock.lock()
        documents[asset.id] = entry
        lock.unlock()
    }

    package func document(for asset: Asset, make: () -> SearchDocument) -> SearchDocument {
        lock.lock()
        let cached = documents[asset.id]
        lock.unlock()
        if let cached, cached.asset == asset { return cached.document }
        let document = make()
        keep(document, for: asset)
        return document
    }
}
