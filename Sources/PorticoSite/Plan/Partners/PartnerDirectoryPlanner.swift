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
            return PartnerDirectoryContext(
                activePartners: active.map { partner in
                    DirectoryEntryContext(
                        name: partner.name, href: scope.href(site.partnerRoute(partner.id)),
                        kindLabel: partner.kind.label,
                        tierName: site.tiersByID[partner.tier.id]?.name ?? partner.tier.id)
                })
        }
        return [PlannedOutput(path: Routes.partnerDirectory, content: .page(page))]
    }
}
