/// One step of the path a new contact follows through the portal, with the pages it leads to.
struct WelcomeStep {
    var title: String
    var summary: String
    /// Site paths, each with the text of its link; the first is the step's own link.
    var links: [(title: String, path: String)]
}

/// The seven steps of a partner's start path, as the welcome email lists them: the pitch and
/// boundaries, the one-pagers for their kind, the objection notes, one implementation snapshot,
/// how to refer (or, for an integration, how it works and where to get support), who is who, and
/// the latest brief.
enum WelcomeSteps {
    /// At most this many objection notes are listed; the library has the rest.
    static let objectionLimit = 5

    static func steps(for partner: Partner, site: SiteIndex) -> [WelcomeStep] {
        let company = site.program.company
        let segment = site.partnerSegment(partner.id)
        let serving = site.assetsServing[partner.kind] ?? []
        let featured = partner.featured.map(\.id)
        /// Assets of one kind for this partner: the featured ones first, in their order, then the
        /// others most recently reviewed first.
        func assets(_ kind: AssetKind) -> [Asset] {
            let ofKind = serving.filter { $0.kind == kind }
            let first = featured.compactMap { id in ofKind.first { $0.id == id } }
            return first + ofKind.filter { !featured.contains($0.id) }
        }
        func links(_ assets: [Asset], orLibrary text: String) -> [(title: String, path: String)] {
            assets.isEmpty ? [(text, Routes.library)] : assets.map { ($0.title, Routes.asset($0.id)) }
        }
        let onePagers = assets(.onePager)
        let objections = assets(.objection)
        var objectionLinks = links(Array(objections.prefix(objectionLimit)), orLibrary: "The library")
        if objections.count > objectionLimit {
            objectionLinks.append(("Every objection note, in the library", Routes.library))
        }
        let snapshot = assets(.snapshot).prefix(1)
        let kindPlural = partner.kind == .referral ? "referral partners" : "integration partners"

        var referring = WelcomeStep(
            title: "How to refer",
            summary: "Your referral page: who qualifies, the form, and what happens after you send a client.",
            links: [("Your referral page", Routes.partnerRefer(segment))])
        if partner.kind == .integration {
            var integrationLinks: [(title: String, path: String)] = [
                ("The integration, on your partner page", Routes.partner(segment))
            ]
            if case .asset(let guide)? = partner.integration?.setupGuide, let asset = site.assetsByID[guide.id],
                serving.contains(where: { $0.id == asset.id })
            {
                integrationLinks.append((asset.title, Routes.asset(asset.id)))
            }
            integrationLinks.append(("Your referral page", Routes.partnerRefer(segment)))
            referring = WelcomeStep(
                title: "How the integration works and how to get support",
                summary: "What the integration does, how to set it up, who supports shared customers, "
                    + "and how to refer one.",
                links: integrationLinks)
        }

        let latest = BriefSelection(site: site).partnerBriefs.first
        let brief =
            latest.map { brief in
                WelcomeStep(
                    title: "The latest brief",
                    summary: "The latest news for partners, and what is coming up for \(partner.name).",
                    links: [(brief.title, Routes.partnerBrief(segment, brief.month))])
            }
            ?? WelcomeStep(
                title: "The latest brief",
                summary:
                    "No brief has been published yet; the next one comes to this address and to your partner page.",
                links: [("Your partner page", Routes.partner(segment))])

        return [
            WelcomeStep(
                title: "The one-minute pitch and boundaries",
                summary: "What \(company) solves, what you solve, and how a client moves between us.",
                links: [("\(site.program.name) at a glance", Routes.home)]),
            WelcomeStep(
                title: onePagers.count == 1 ? "The positioning one-pager" : "The positioning one-pagers",
                summary: "How to describe \(company) to your clients, written for \(kindPlural).",
                links: links(onePagers, orLibrary: "The library")),
            WelcomeStep(
                title: "The objection notes",
                summary: "What clients push back with, and how to answer.",
                links: objectionLinks),
            WelcomeStep(
                title: "One implementation snapshot",
                summary: "A real rollout, from the first call to the result.",
                links: links(Array(snapshot), orLibrary: "The library")),
            referring,
            WelcomeStep(
                title: "Who is who",
                summary: "Your partner manager, your colleagues already in the program, and our team.",
                links: [("Your partner page", Routes.partner(segment))]),
            brief,
        ]
    }
}
