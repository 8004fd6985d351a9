import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `partners/index.html`: the active partners, for partners and the team.
package struct PartnerDirectoryPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let page = PlannedPage(
            kind: .partners, title: "Partner directory",
            description: "The partners of \(site.program.company) program.", visibility: .partners
        ) { scope in
            let site = scope.site
            let active = site.content.partners.filter { $0.status == .active }.sorted { $0.name < $1.name }
            return [
                "active_partners": active.map { partner -> [String: Any] in
                    [
                        "name": partner.name, "href": scope.href(site.partnerRoute(partner.id)),
                        "kind_label": partner.kind.label,
                        "tier_name": site.tiersByID[partner.tier.id]?.name ?? partner.tier.id,
                    ]
                },
                "has_active_partners": !active.isEmpty,
            ]
        }
        return [PlannedOutput(path: Routes.partnerDirectory, content: .page(page))]
    }
}
