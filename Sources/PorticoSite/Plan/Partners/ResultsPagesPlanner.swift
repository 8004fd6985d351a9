import PorticoModel
import PorticoScorecard
import PorticoSupport

/// `partners/<id>/results/index.html`: closed-loop reporting for one partner, sealed for its
/// contacts and the team. It is made from that partner's own opportunities only; the program's
/// totals, other partners and other channels never reach it.
package struct ResultsPagesPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        guard let scorecard = site.scorecard else { return [] }
        let section = ScorecardSection(scorecard, tiers: site.program.tiers)
        return scorecard.partners.compactMap { card in
            guard let partner = site.partnersByID[card.partnerID] else { return nil }
            let page = PlannedPage(
                kind: .results, title: "\(partner.name): your referrals",
                description: "What became of each referral \(partner.name) sent, and its quarter against the plan.",
                listed: false, visibility: .partner(partner.id)
            ) { scope in
                Self.context(card, partner: partner, section: section, scope: scope)
            }
            return PlannedOutput(path: Routes.partnerResults(site.partnerSegment(partner.id)), content: .page(page))
        }
    }

    static func context(
        _ card: PartnerScorecard, partner: Partner, section: ScorecardSection, scope: PageScope
    ) -> ResultsContext {
        let site = scope.site
        let quarter = section.scorecard.quarter
        let numbers = card.byQuarter[quarter] ?? QuarterNumbers()
        var plan: [PlanLineContext] = []
        if let target = card.plan?.qualified {
            plan.append(PlanLineContext(label: "Qualified referrals", planned: target, actual: numbers.qualified))
        }
        if let target = card.plan?.won {
            plan.append(PlanLineContext(label: "Deals won", planned: target, actual: numbers.won))
        }
        let next = nextTier(card, tiers: site.program.tiers)
        let segment = site.partnerSegment(partner.id)
        return ResultsContext(
            partnerName: partner.name, partnerHref: scope.href(Routes.partner(segment)),
            referHref: scope.href(Routes.partnerRefer(segment)), quarterLabel: quarter.label,
            windowLabel: section.windowLabel, plan: plan,
            trend: section.trend(card.byQuarter, plans: partner.plan, name: partner.name, id: "chart-results"),
            tier: card.assignedTier?.name, nextTier: next?.tier.name, nextTierNeeds: next?.needs,
            coMarketing: card.coMarketing, progressed: card.progressed,
            coMarketingThreshold: ProgramScorecard.coMarketingThreshold,
            opportunities: card.opportunities.prefix(listLimit).map(opportunity),
            earlierCount: max(0, card.opportunities.count - listLimit))
    }

    /// The page lists at most this many referrals, newest first: a partner that has sent
    /// thousands reads the recent ones on a phone, and the count of the rest.
    package static let listLimit = 500

    /// The tier above the partner's, when numbers earn it, and what the last four quarters still lack.
    static func nextTier(_ card: PartnerScorecard, tiers: [Tier]) -> (tier: Tier, needs: String)? {
        // Tiers are listed highest first.
        guard let current = card.assignedTier, let position = tiers.firstIndex(where: { $0.id == current.id }),
            position > 0, let rule = tiers[position - 1].earn
        else { return nil }
        let qualified = max(0, (rule.qualified ?? 0) - card.window.qualified)
        let won = max(0, (rule.won ?? 0) - card.window.won)
        var parts: [String] = []
        if qualified > 0 { parts.append("\(qualified) more qualified referral\(qualified == 1 ? "" : "s")") }
        if won > 0 { parts.append("\(won) more won deal\(won == 1 ? "" : "s")") }
        let needs =
            parts.isEmpty
            ? "your last four quarters already earn it: it comes up at your next review"
            : parts.joined(separator: " and ") + " over the last four quarters"
        return (tiers[position - 1], needs)
    }

    static func opportunity(_ opportunity: Opportunity) -> OpportunityContext {
        let (outcome, label): (String, String) =
            switch opportunity.outcome {
            case .won: ("won", "Won")
            case .open: ("open", opportunity.qualified ? "Open, qualified" : "Open")
            case .lost where opportunity.disqualified: ("not-qualified", "Did not qualify")
            case .lost: ("lost", "Lost")
            }
        return OpportunityContext(
            company: opportunity.company, created: opportunity.created.description, stage: opportunity.stage,
            outcome: outcome, outcomeLabel: label,
            closed: opportunity.outcome == .open ? nil : opportunity.closed?.description,
            lostReason: opportunity.outcome == .lost ? opportunity.lostReason : nil,
            amount: opportunity.amount.map(ScorecardReport.amount))
    }
}
