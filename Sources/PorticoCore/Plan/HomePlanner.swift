/// `index.html`: the program at a glance, with the ways into the library and to active partners.
struct HomePlanner: OutputPlanner {
    func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let page = PlannedPage(
            kind: .home, title: site.program.name,
            description: "How \(site.program.company) works with partners: positioning, boundaries, tiers and material."
        ) { scope in
            let site = scope.site
            let active = site.content.partners.filter { $0.status == .active }.sorted { $0.name < $1.name }
            let kinds = AssetKind.allCases.compactMap { kind -> [String: Any]? in
                let count = site.content.assets.count { $0.kind == kind }
                guard count > 0 else { return nil }
                return [
                    "kind": kind.rawValue, "label": kind.pluralLabel, "count": count,
                    "href": scope.href(Routes.library) + "#" + LibraryPlanner.anchor(kind),
                ]
            }
            let dueCount = site.content.assets.count { site.isReviewDue($0) }
            return [
                "active_partners": active.map { partner -> [String: Any] in
                    [
                        "name": partner.name, "href": scope.href(Routes.partner(partner.id)),
                        "kind_label": partner.kind.label,
                        "tier_name": site.tiersByID[partner.tier.id]?.name ?? partner.tier.id,
                    ]
                },
                "has_active_partners": !active.isEmpty,
                "library": [
                    "href": scope.href(Routes.library),
                    "count": site.content.assets.count,
                    "kinds": kinds,
                    "review_due_count": dueCount,
                    "has_review_due": dueCount > 0,
                ] as [String: Any],
            ]
        }
        return [PlannedOutput(path: Routes.home, content: .page(page))]
    }
}
