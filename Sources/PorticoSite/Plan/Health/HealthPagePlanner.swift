import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `health/index.html`, for the team only: every partner's health, and every turnover and
/// freshness warning of this build with the line to change.
package struct HealthPagePlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let rows = PartnerHealth.all(site)
        let section = site.scorecard.map { ScorecardSection($0, tiers: site.program.tiers) }
        let page = PlannedPage(
            kind: .health, title: "Program health",
            description: "Each partner's numbers, contacts, manager, last brief, first win and stale material.",
            visibility: .team
        ) { scope in
            HealthContext(
                partners: rows.map { row in
                    HealthRowContext(
                        id: row.id, name: row.name, status: row.status, contacts: row.contacts, manager: row.manager,
                        lastBrief: row.lastBrief, firstWin: row.firstWin, staleAssets: row.staleAssets)
                },
                owners: HealthFindings(site: site, scope: scope).owners(),
                scorecard: section?.context(scope: scope))
        }
        return [PlannedOutput(path: Routes.health, content: .page(page))]
    }
}
