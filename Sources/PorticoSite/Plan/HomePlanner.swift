import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `index.html`: the program at a glance, with the ways into the library, the partner directory
/// and signing in. It is public, so it names no partner.
package struct HomePlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let page = PlannedPage(
            kind: .home, title: site.program.name,
            description: "How \(site.program.company) works with partners: positioning, boundaries, tiers and material."
        ) { scope in
            let site = scope.site
            let kinds = AssetKind.allCases.compactMap { kind -> [String: Any]? in
                let count = site.partnerAssets.count { $0.kind == kind }
                guard count > 0 else { return nil }
                return [
                    "kind": kind.rawValue, "label": kind.pluralLabel, "count": count,
                    "href": scope.href(Routes.library) + "#" + LibraryPlanner.anchor(kind),
                ]
            }
            let dueCount = site.partnerAssets.count { site.isReviewDue($0) }
            return [
                "partners_href": scope.href(Routes.partnerDirectory),
                "sign_in_href": scope.href(Routes.signIn),
                "health_href": scope.href(Routes.health),
                "library": [
                    "href": scope.href(Routes.library),
                    "count": site.partnerAssets.count,
                    "kinds": kinds,
                    "review_due_count": dueCount,
                    "has_review_due": dueCount > 0,
                ] as [String: Any],
            ]
        }
        return [PlannedOutput(path: Routes.home, content: .page(page))]
    }
}
