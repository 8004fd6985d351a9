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
                PartnerPageContext(partner: PartnerPagesPlanner.context(partner, scope: scope))
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

    package static func context(_ partner: Partner, scope: PageScope) -> PartnerContext {
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
        let segment = site.partnerSegment(partner.id)
        // The partner's own briefs, joint wins and calendar.
        let selection = BriefSelection(site: site)
        let wins = selection.jointWins(of: partner, upTo: Month(containing: site.today))
        let cards = BriefContextBuilder(scope: scope)
        return PartnerContext(
            id: partner.id, name: partner.name, website: partner.website, since: partner.since.description,
            kind: partner.kind.rawValue, kindLabel: partner.kind.label, status: partner.status.rawValue,
            statusLabel: partner.status.label, isSunsetting: partner.status == .sunsetting,
            tier: site.tiersByID[partner.tier.id].map(TierContext.init),
            audienceHTML: scope.html(partner.audience, folder: "partners").html,
            manager: partner.manager.flatMap { site.teamByID[$0.id] }.map(PersonContext.init),
            contacts: partner.contacts.map(PersonContext.init),
            featuredAssets: promotions ? featured.map(scope.assetSummary) : [],
            otherAssets: listed.map(scope.assetSummary),
            moreAssetsCount: serving.count - skippedServing - listed.count,
            libraryHref: scope.href(Routes.library), referHref: scope.href(Routes.partnerRefer(segment)),
            registerHref: scope.href(Routes.partnerRegister(segment)),
            hasRegistration: site.program.referral.registration != nil, referralCode: partner.referralCode,
            integration: partner.integration.map { ReferPagesPlanner.integrationContext($0, scope: scope) },
            startHref: scope.href(Routes.partnerStart(segment)),
            briefs: selection.partnerBriefs.map { brief in
                BriefListingContext(
                    month: nil, monthLabel: brief.month.label, title: brief.title, summary: nil,
                    href: scope.href(Routes.partnerBrief(segment, brief.month)))
            },
            jointWins: wins.map(cards.storyCard),
            calendarHref: PartnerCalendar.path(for: partner, site: site).map(scope.href),
            resultsHref: site.scorecard == nil ? nil : scope.href(Routes.partnerResults(segment)))
    }
}
