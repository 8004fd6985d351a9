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
}
