import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `partners/<id>/index.html`: one partner's own page. Retired partners get none; sunsetting
/// partners get a plain page without promotions.
package struct PartnerPagesPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        site.publishedPartners.map { partner in
            var page = PlannedPage(
                kind: .partner, title: partner.name,
                description: "\(partner.name) and \(site.program.company): contacts, tier and material.",
                listed: false, visibility: .partner(partner.id)
            ) { scope in
                var context = PartnerPagesPlanner.context(partner, scope: scope)
                context.merge(PartnerPagesPlanner.briefContext(partner, scope: scope)) { _, new in new }
                return ["partner": context]
            }
            if site.access != nil, let calendar = PartnerCalendar.path(for: partner, site: site) {
                page.sealedFiles = [calendar]
            }
            return PlannedOutput(path: Routes.partner(site.partnerSegment(partner.id)), content: .page(page))
        }
    }

    /// A partner page lists at most this many assets besides the featured ones: with a library
    /// of thousands, the most recently reviewed are shown and the rest are a link away.
    package static let otherAssetLimit = 30

    /// The partner's own briefs, joint wins and calendar.
    package static func briefContext(_ partner: Partner, scope: PageScope) -> [String: Any] {
        let site = scope.site
        let selection = BriefSelection(site: site)
        let segment = site.partnerSegment(partner.id)
        let briefs = selection.partnerBriefs.map { brief -> [String: Any] in
            [
                "month_label": brief.month.label, "title": brief.title,
                "href": scope.href(Routes.partnerBrief(segment, brief.month)),
            ]
        }
        let wins = selection.jointWins(of: partner, upTo: Month(containing: site.today))
        let calendar = PartnerCalendar.path(for: partner, site: site)
        let cards = BriefContext(scope: scope)
        return [
            "start_href": scope.href(Routes.partnerStart(segment)),
            "briefs": briefs, "has_briefs": !briefs.isEmpty,
            "joint_wins": wins.map(cards.storyCard), "has_joint_wins": !wins.isEmpty,
            "calendar_href": calendar.map(scope.href) ?? "", "has_calendar": calendar != nil,
        ]
    }

    package static func context(_ partner: Partner, scope: PageScope) -> [String: Any] {
        let site = scope.site
        let featuredIDs = Set(partner.featured.map(\.id))
        let readable = Set(site.partnerAssets.map(\.id))
        let featured = partner.featured.filter { readable.contains($0.id) }.compactMap { site.assetsByID[$0.id] }
        let promotions = partner.status != .sunsetting
        // A plain page lists the featured assets among the others, without singling them out.
        let serving = site.assetsServing[partner.kind] ?? []
        let skipped = promotions ? featuredIDs : []
        var listed: [Asset] = []
        listed.reserveCapacity(min(otherAssetLimit, serving.count))
        for asset in serving where !skipped.contains(asset.id) {
            listed.append(asset)
            if listed.count == otherAssetLimit { break }
        }
        listed.sort { ($0.title, $0.id) < ($1.title, $1.id) }
        let skippedServing = skipped.count { site.assetsByID[$0]?.serves(partner.kind) == true }
        let more = serving.count - skippedServing - listed.count
        let manager = partner.manager.flatMap { site.teamByID[$0.id] }
        let tier = site.tiersByID[partner.tier.id]
        return [
            "id": partner.id,
            "name": partner.name,
            "website": partner.website ?? "",
            "has_website": partner.website != nil,
            "since": partner.since.description,
            "kind": partner.kind.rawValue,
            "kind_label": partner.kind.label,
            "is_referral": partner.kind == .referral,
            "is_integration": partner.kind == .integration,
            "status": partner.status.rawValue,
            "status_label": partner.status.label,
            "is_sunsetting": partner.status == .sunsetting,
            "show_promotions": promotions,
            "tier": tier.map(PageScope.tier) ?? [:],
            "audience_html": scope.html(partner.audience, folder: "partners").html,
            "manager": manager.map(PageScope.person) ?? [:],
            "has_manager": manager != nil,
            "contacts": partner.contacts.map(PageScope.person),
            "has_contacts": !partner.contacts.isEmpty,
            "featured_assets": promotions ? featured.map(scope.assetSummary) : [],
            "has_featured_assets": promotions && !featured.isEmpty,
            "other_assets": listed.map(scope.assetSummary),
            "has_other_assets": !listed.isEmpty,
            "more_assets_count": more,
            "has_more_assets": more > 0,
            "library_href": scope.href(Routes.library),
            "refer_href": scope.href(Routes.partnerRefer(site.partnerSegment(partner.id))),
            "register_href": scope.href(Routes.partnerRegister(site.partnerSegment(partner.id))),
            "has_registration": site.program.referral.registration != nil,
            "referral_code": partner.referralCode,
            "integration": partner.integration.map { ReferPagesPlanner.integrationContext($0, scope: scope) } ?? [:],
            "has_integration": partner.integration != nil,
        ]
    }
}
