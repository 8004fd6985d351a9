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
        let findings = site.findings.filter { TurnoverValidator.codes.contains($0.code) }
            .sorted {
                ($0.location?.file ?? "", $0.location?.line ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0)
            }
        let page = PlannedPage(
            kind: .health, title: "Program health",
            description: "Each partner's contacts, manager, last brief, first win and stale material.",
            visibility: .team
        ) { _ in
            HealthContext(
                partners: rows.map { row in
                    HealthRowContext(
                        id: row.id, name: row.name, status: row.status, contacts: row.contacts, manager: row.manager,
                        lastBrief: row.lastBrief, firstWin: row.firstWin, staleAssets: row.staleAssets)
                },
                findings: findings.map { finding in
                    FindingContext(
                        place: finding.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "",
                        message: finding.message, hint: finding.hint, code: finding.code)
                })
        }
        return [PlannedOutput(path: Routes.health, content: .page(page))]
    }
}
