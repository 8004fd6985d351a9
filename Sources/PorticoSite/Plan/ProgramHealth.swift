import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// One partner at a glance, for `portico check --summary` and the team's health page: who holds
/// the relationship, when it last heard from us, whether it has won anything, and how much of
/// its material is stale.
public struct PartnerHealth: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var status: String
    public var contacts: Int
    /// The manager's name; nil when the partner has none, or names someone no longer on the team.
    public var manager: String?
    /// The newest brief the partner was sent, `YYYY-MM`.
    public var lastBrief: String?
    /// The date of its first joint win.
    public var firstWin: String?
    /// Assets for its kind that are due for review.
    public var staleAssets: Int

    package static func all(_ site: SiteIndex) -> [PartnerHealth] {
        let selection = BriefSelection(site: site)
        let lastBrief = selection.partnerBriefs.map(\.month).filter { !(Month(containing: site.today) < $0) }.max()
        // Counted once per kind, not once per partner: a program may have thousands of both.
        let staleByKind = site.assetsServing.mapValues { assets in assets.count { site.isReviewDue($0) } }
        return site.content.partners.map { partner in
            let current = partner.status != .retired
            let wins = site.content.stories.filter { $0.partner.id == partner.id }.map(\.date)
            let stale = staleByKind[partner.kind] ?? 0
            return PartnerHealth(
                id: partner.id, name: partner.name, status: partner.status.rawValue, contacts: partner.contacts.count,
                manager: partner.manager.flatMap { site.teamByID[$0.id]?.name },
                lastBrief: current ? lastBrief?.description : nil, firstWin: wins.min()?.description,
                staleAssets: current ? stale : 0)
        }
    }

    /// The summary as an aligned text table.
    public static func table(_ rows: [PartnerHealth]) -> String {
        let header = ["partner", "status", "contacts", "manager", "last brief", "first win", "stale assets"]
        let cells = rows.map { row in
            [
                row.id, row.status, String(row.contacts), row.manager ?? "none", row.lastBrief ?? "none",
                row.firstWin ?? "none", String(row.staleAssets),
            ]
        }
        let widths = header.indices.map { column in
            ([header] + cells).map { $0[column].count }.max() ?? 0
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .trimmingTrailingSpaces()
        }
        return ([line(header)] + cells.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        String(self[..<(lastIndex { $0 != " " }.map(index(after:)) ?? startIndex)])
    }
}

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
            [
                "partners": rows.map { row -> [String: Any] in
                    [
                        "id": row.id, "name": row.name, "status": row.status, "contacts": row.contacts,
                        "manager": row.manager ?? "", "has_manager": row.manager != nil,
                        "last_brief": row.lastBrief ?? "", "has_last_brief": row.lastBrief != nil,
                        "first_win": row.firstWin ?? "", "has_first_win": row.firstWin != nil,
                        "stale_assets": row.staleAssets, "single_contact": row.contacts < 2,
                    ]
                },
                "findings": findings.map { finding -> [String: Any] in
                    [
                        "place": finding.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "",
                        "message": finding.message, "hint": finding.hint ?? "", "has_hint": finding.hint != nil,
                        "code": finding.code,
                    ]
                },
                "has_findings": !findings.isEmpty, "findings_count": findings.count,
            ]
        }
        return [PlannedOutput(path: Routes.health, content: .page(page))]
    }
}
