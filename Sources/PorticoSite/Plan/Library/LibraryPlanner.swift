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
            let groups = AssetKind.allCases.compactMap { kind -> [String: Any]? in
                let members = assets.filter { $0.kind == kind }.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
                guard !members.isEmpty else { return nil }
                return [
                    "kind": kind.rawValue, "label": kind.pluralLabel, "anchor": LibraryPlanner.anchor(kind),
                    "count": members.count, "assets": LazyContextList(members, scope.assetSummary),
                ]
            }
            let due = assets.count { scope.site.isReviewDue($0) }
            let stories = scope.site.content.stories.filter { $0.visibility != .team }
                .sorted { ($1.date, $0.id) < ($0.date, $1.id) }
            let cards = BriefContext(scope: scope)
            return [
                "groups": groups, "review_due_count": due, "has_review_due": due > 0,
                "stories": stories.map(cards.storyCard), "has_stories": !stories.isEmpty,
            ]
        }
        return [PlannedOutput(path: Routes.library, content: .page(page))]
    }
}
