/// `partners/<id>/index.html`: one partner's own page. Retired partners get none; sunsetting
/// partners get a plain page without promotions.
struct PartnerPagesPlanner: OutputPlanner {
    func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        site.publishedPartners.map { partner in
            let page = PlannedPage(
                kind: .partner, title: partner.name,
                description: "\(partner.name) and \(site.program.company): contacts, tier and material.",
                listed: false
            ) { scope in
                ["partner": PartnerPagesPlanner.context(partner, scope: scope)]
            }
            return PlannedOutput(path: Routes.partner(partner.id), content: .page(page))
        }
    }

    static func context(_ partner: Partner, scope: PageScope) -> [String: Any] {
        let site = scope.site
        let featuredIDs = partner.featured.map(\.id)
        let featured = featuredIDs.compactMap { site.assetsByID[$0] }
        let others = site.content.assets
            .filter { $0.serves(partner.kind) && !featuredIDs.contains($0.id) }
            .sorted { ($0.title, $0.id) < ($1.title, $1.id) }
        let promotions = partner.status != .sunsetting
        // A plain page lists every asset for the partner's kind, without singling any out.
        let listed = promotions ? others : (featured + others).sorted { ($0.title, $0.id) < ($1.title, $1.id) }
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
            "audience_html": scope.html(partner.audience).html,
            "manager": manager.map(PageScope.person) ?? [:],
            "has_manager": manager != nil,
            "contacts": partner.contacts.map(PageScope.person),
            "has_contacts": !partner.contacts.isEmpty,
            "featured_assets": promotions ? featured.map(scope.assetSummary) : [],
            "has_featured_assets": promotions && !featured.isEmpty,
            "other_assets": listed.map(scope.assetSummary),
            "has_other_assets": !listed.isEmpty,
        ]
    }
}
