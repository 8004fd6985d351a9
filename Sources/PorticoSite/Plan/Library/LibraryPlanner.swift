import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `assets/index.html`: every asset partners may read, grouped by kind.
package struct LibraryPlanner: OutputPlanner {
    package static func anchor(_ kind: AssetKind) -> String { kind.rawValue + "s" }

    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let page = PlannedPage(
            kind: .library, title: "Library",
            description: "Positioning one-pagers, objection handling, implementation snapshots and guides.",
            visibility: .partners
        ) { scope in
            let assets = scope.site.partnerAssets
            let groups = AssetKind.allCases.compactMap { kind -> LibraryGroupContext? in
                let members = assets.filter { $0.kind == kind }.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
                guard !members.isEmpty else { return nil }
                return LibraryGroupContext(
                    kind: kind.rawValue, label: kind.pluralLabel, anchor: LibraryPlanner.anchor(kind),
                    assets: LazyContextList(members, scope.assetSummary))
            }
            let stories = scope.site.content.stories.filter { $0.visibility != .team }
                .sorted { ($1.date, $0.id) < ($0.date, $1.id) }
            let cards = BriefContextBuilder(scope: scope)
            return LibraryContext(
                groups: groups, stories: stories.map(cards.storyCard))
        }
        return [PlannedOutput(path: Routes.library, content: .page(page))]
    }
}
