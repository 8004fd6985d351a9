import PorticoModel
import PorticoScorecard
import PorticoSupport

/// The scorecard on the team's health page, and the charts and tables a partner's results page
/// shares with it: the numbers of `portico report`, drawn.
package struct ScorecardSection: Sendable {
    let scorecard: ProgramScorecard
    let report: ScorecardReport

    package init(_ scorecard: ProgramScorecard, tiers: [Tier]) {
        self.scorecard = scorecard
        report = ScorecardReport(scorecard: scorecard, tiers: tiers)
    }

    var windowLabel: String {
        guard let first = scorecard.window.first, let last = scorecard.window.last else { return "" }
        return "\(first.label) to \(last.label)"
    }

    func context(scope: PageScope) -> ScorecardContext {
        let site = scope.site
        let rows = scorecard.partners.map { card in
            ScorecardRowContext(
                report.row(card), href: scope.href(site.partnerRoute(card.partnerID)), flag: flag(card),
                tierMoves: { if case .none = card.move(in: report.tiers) { false } else { true } }(),
                overdueFirstWin: card.overdueFirstWin)
        }
        let window = scorecard.partners.reduce(QuarterNumbers()) { $0 + $1.window }
        var trends = scorecard.partners.map { card in
            QuarterTrendContext(
                id: "trend-\(card.partnerID)", name: card.name,
                chart: trend(
                    card.byQuarter, plans: site.partnersByID[card.partnerID]?.plan ?? [:], name: card.name,
                    id: "chart-\(card.partnerID)"))
        }
        trends.append(
            QuarterTrendContext(
                id: "trend-other-channels", name: "Other channels",
                chart: trend(
                    scorecard.otherChannels, plans: [:], name: "Other channels", id: "chart-other-channels")))
        return ScorecardContext(
            quarterLabel: scorecard.quarter.label, windowLabel: windowLabel, rows: rows,
            baseline: ScorecardRowContext(
                report.baselineRow, href: nil, flag: nil, tierMoves: false, overdueFirstWin: false),
            funnel: funnel(window), plane: plane(), trends: trends)
    }

    /// The one thing to look at first in a partner's row: what the numbers say is wrong, else a
    /// tier the numbers earn.
    func flag(_ card: PartnerScorecard) -> String? {
        if let finding = card.diagnosis.first {
            switch finding.kind {
            case .quiet: return "Quiet"
            case .lowQualification: return "Low fit"
            case .lowConversion: return "Not converting"
            case .noFirstWin: return "No first win"
            }
        }
        switch card.move(in: report.tiers) {
        case .up(let tier): return "Earns \(tier.name)"
        case .down(let tier): return "Slipping to \(tier.name)"
        case .none: return nil
        }
    }

    /// Referrals, qualified, rate, won and plan for each quarter of the window.
    func trend(
        _ numbers: [Quarter: QuarterNumbers], plans: [Quarter: QuarterPlan], name: String, id: String
    ) -> ChartContext {
        let quarters = scorecard.window.map { ($0, numbers[$0] ?? QuarterNumbers()) }
        let svg = SVGChart.trend(
            id: id, title: "\(name): referrals and qualification rate by quarter",
            description: quarters.map { quarter, numbers in
                "\(quarter.label): \(numbers.volume) referred, \(numbers.qualified) qualified ("
                    + ScorecardReport.percent(numbers.qualificationRate) + ")"
            }.joined(separator: "; ") + ".",
            points: quarters.map { quarter, numbers in
                TrendPoint(
                    label: quarter.description, volume: numbers.volume, qualified: numbers.qualified,
                    rate: numbers.qualificationRate)
            })
        return ChartContext(
            svg: svg,
            rows: quarters.map { quarter, numbers in
                ChartRowContext(
                    label: quarter.label,
                    values: [
                        String(numbers.volume), String(numbers.qualified),
                        ScorecardReport.percent(numbers.qualificationRate), String(numbers.won),
                        ScorecardReport.plan(qualified: numbers.qualified, won: numbers.won, target: plans[quarter]),
                    ])
            })
    }

    /// Referred, qualified, won and, when the exports say how customers are doing, still live.
    func funnel(_ window: QuarterNumbers) -> ChartContext {
        var stages = [
            FunnelStage(label: "Referred", value: window.volume),
            FunnelStage(label: "Qualified", value: window.qualified),
            FunnelStage(label: "Won", value: window.won),
        ]
        if window.customersWithStatus > 0 {
            stages.append(FunnelStage(label: "Live customers", value: window.activeCustomers))
        }
        let svg = SVGChart.funnel(
            id: "chart-funnel", title: "Partner referrals from \(windowLabel), stage by stage",
            description: stages.map { "\($0.label): \($0.value)" }.joined(separator: "; ") + ".", stages: stages)
        var previous: Int?
        let rows = stages.map { stage -> ChartRowContext in
            defer { previous = stage.value }
            let share = previous.map { $0 == 0 ? "n/a" : ScorecardReport.percent(Double(stage.value) / Double($0)) }
            return ChartRowContext(label: stage.label, values: [String(stage.value), share ?? ""])
        }
        return ChartContext(svg: svg, rows: rows)
    }

    /// Each partner by referrals and qualification rate over the window.
    func plane() -> ChartContext {
        let cards = scorecard.partners
        let svg = SVGChart.plane(
            id: "chart-plane", title: "Partners by referrals and qualification rate, \(windowLabel)",
            description: "Each partner's referrals (across) against the share that qualified (up); below "
                + ScorecardReport.percent(Finding.lowQualificationRate) + " with \(Finding.minimumVolume) or more "
                + "referrals is a low fit.",
            points: cards.map {
                PlanePoint(label: $0.name, volume: $0.window.volume, rate: $0.window.qualificationRate)
            },
            rateThreshold: Finding.lowQualificationRate, volumeThreshold: Finding.minimumVolume)
        return ChartContext(
            svg: svg,
            rows: cards.map { card in
                ChartRowContext(
                    label: card.name,
                    values: [
                        String(card.window.volume), String(card.window.qualified),
                        ScorecardReport.percent(card.window.qualificationRate),
                    ])
            })
    }
}
