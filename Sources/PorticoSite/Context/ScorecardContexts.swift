import PorticoModel
import PorticoScorecard

/// `health.scorecard`: the program's numbers from the CRM's exports (docs/pipeline.md).
package struct ScorecardContext: TemplateContext {
    var quarterLabel: String
    var windowLabel: String
    var rows: [ScorecardRowContext]
    var baseline: ScorecardRowContext
    var funnel: ChartContext
    var plane: ChartContext
    var trends: [QuarterTrendContext]

    package static let fields = ContextFields<Self>(
        "scorecard", "Each partner's numbers from the CRM's exports, on the team's health page.",
        [
            .text("quarter_label", "the quarter reviewed, such as `Q4 2026`") { $0.quarterLabel },
            .text("window_label", "the last four quarters, which tiers and co-marketing are judged on") {
                $0.windowLabel
            },
            .list("rows", "one row per partner, for the quarter reviewed") { $0.rows },
            .object("baseline", "the same numbers for opportunities no partner referred") { $0.baseline },
            .object("funnel", "the program's funnel over the last four quarters: referred, qualified, won, live") {
                $0.funnel
            },
            .object("plane", "partners by referrals and qualification rate over the last four quarters") {
                $0.plane
            },
            .list("trends", "each partner's quarters, then the other channels'") { $0.trends },
        ])
}

/// One partner's line of the scorecard, or the other channels' line, as `portico report` prints
/// it. Each number has a `_sort` twin (a plain number, `-1` for n/a) for sorting in the browser.
package struct ScorecardRowContext: TemplateContext {
    var row: ScorecardReport.Row
    var text: ScorecardReport.RowText
    var href: String?
    var flag: String?
    var tierMoves: Bool
    var overdueFirstWin: Bool

    init(_ row: ScorecardReport.Row, href: String?, flag: String?, tierMoves: Bool, overdueFirstWin: Bool) {
        self.row = row
        text = ScorecardReport.RowText(row)
        self.href = href
        self.flag = flag
        self.tierMoves = tierMoves
        self.overdueFirstWin = overdueFirstWin
    }

    package static let fields = ContextFields<Self>(
        "scorecard row", "One partner's numbers for a quarter (or the other channels').",
        [
            .text("name", "the partner's name, or `Other channels`") { $0.row.name },
            .text("href", "the partner's page") { $0.href ?? "" },
            .flag("has_href", "whether the row is a partner's") { $0.href != nil },
            .text("flag", "the one thing to look at first, such as `Low fit`") { $0.flag ?? "" },
            .flag("has_flag", "whether there is one") { $0.flag != nil },
            .number("volume", "referrals created in the quarter") { $0.row.volume },
            .number("qualified", "how many of them qualified") { $0.row.qualified },
            .text("qualification_rate", "qualified over referred, `n/a` with none referred") {
                $0.text.qualificationRate
            },
            .text("qualification_rate_sort", "the same as a number") { sortKey($0.row.qualificationRate) },
            .number("won", "deals won in the quarter") { $0.row.won },
            .text("win_rate", "won over closed after qualifying, `n/a` with none closed") { $0.text.winRate },
            .text("win_rate_sort", "the same as a number") { sortKey($0.row.winRate) },
            .text("median_days", "median days from creation to a win") { $0.text.medianDays },
            .text("median_days_sort", "the same as a number") { sortKey($0.row.medianDaysToClose) },
            .text("active", "wins whose customer is active, of those whose status is known") { $0.text.active },
            .text("active_sort", "the share as a number") {
                sortKey(
                    $0.row.customersWithStatus == 0
                        ? nil : Double($0.row.activeCustomers) / Double($0.row.customersWithStatus))
            },
            .text("revenue", "revenue won, in whole units") { $0.text.revenue },
            .text("revenue_sort", "the same as a number") { sortKey($0.row.revenueWon) },
            .text("plan", "actuals against the quarter's plan, such as `2/4 qualified, 0/1 won`") { $0.text.plan },
            .text("tier", "the tier the partner is in") { $0.text.tier },
            .text("earned_tier", "the tier its last four quarters earn, with the move: `Preferred (up)`") {
                $0.text.earnedTier
            },
            .flag("tier_moves", "whether the numbers earn another tier than the one it is in") { $0.tierMoves },
            .text("co_marketing", "`yes` when it has earned co-marketing, `no` otherwise") { $0.text.coMarketing },
            .text("first_win", "the date of its first joint win in the exports, or `none`") { $0.text.firstWin },
            .flag("overdue_first_win", "whether it is more than 90 days past joining without one") {
                $0.overdueFirstWin
            },
        ])

    static func sortKey(_ value: Double?) -> String {
        guard let value else { return "-1" }
        return value == value.rounded() ? String(Int(value)) : String((value * 1000).rounded() / 1000)
    }
}

/// An inline SVG chart with the numbers it draws, for a table beside it.
package struct ChartContext: TemplateContext {
    var svg: String
    var rows: [ChartRowContext]

    package static let fields = ContextFields<Self>(
        "chart", "A chart as inline SVG, with its title and description inside, and its numbers as rows.",
        [
            .html("svg", "the chart") { $0.svg },
            .list("rows", "the numbers it draws, one row per bar or point") { $0.rows },
        ])
}

package struct ChartRowContext: TemplateContext {
    var label: String
    var values: [String]

    package static let fields = ContextFields<Self>(
        "chart row", "One bar or point of a chart.",
        [
            .text("label", "what it is: a stage, a partner, a quarter") { $0.label },
            .texts("values", "its numbers as text, in the order of the chart's table columns") { $0.values },
        ])
}

/// A partner's (or the other channels') last quarters: a trend chart and the numbers per quarter.
package struct QuarterTrendContext: TemplateContext {
    var id: String
    var name: String
    var chart: ChartContext

    package static let fields = ContextFields<Self>(
        "quarter trend", "Referrals and qualification rate, quarter by quarter.",
        [
            .text("id", "an id for the section, unique on the page") { $0.id },
            .text("name", "whose quarters they are") { $0.name },
            .object("chart", "the trend chart; each row is a quarter: referred, qualified, rate, won, plan") {
                $0.chart
            },
        ])
}

/// `results` (partners/<id>/results/index.html): what became of everything a partner referred.
package struct ResultsContext: TemplateContext {
    var partnerName: String
    var partnerHref: String
    var referHref: String
    var quarterLabel: String
    var windowLabel: String
    var plan: [PlanLineContext]
    var trend: ChartContext
    var tier: String?
    var nextTier: String?
    var nextTierNeeds: String?
    var coMarketing: Bool
    var progressed: Int
    var coMarketingThreshold: Int
    var opportunities: [OpportunityContext]
    var earlierCount: Int

    package static let fields = ContextFields<Self>(
        "results", "A partner's own results page, `partners/<id>/results/index.html`.",
        [
            .text("partner_name", "the partner's name") { $0.partnerName },
            .text("partner_href", "its partner page") { $0.partnerHref },
            .text("refer_href", "its refer page") { $0.referHref },
            .text("quarter_label", "the current quarter, such as `Q4 2026`") { $0.quarterLabel },
            .text("window_label", "the last four quarters") { $0.windowLabel },
            .list("plan", "the quarter's plan against what happened, one line per target") { $0.plan },
            .flag("has_plan", "whether the quarter has a plan") { !$0.plan.isEmpty },
            .object("trend", "its quarters; each row: referred, qualified, rate, won, plan") { $0.trend },
            .text("tier", "the tier it is in") { $0.tier ?? "" },
            .flag("has_tier", "whether it is in one") { $0.tier != nil },
            .text("next_tier", "the tier above") { $0.nextTier ?? "" },
            .flag("has_next_tier", "whether there is one that numbers earn") { $0.nextTier != nil },
            .text("next_tier_needs", "what the tier above needs, such as `2 more qualified referrals`") {
                $0.nextTierNeeds ?? ""
            },
            .flag("co_marketing", "whether it has earned co-marketing") { $0.coMarketing },
            .number("progressed", "its qualified referrals of the last four quarters that were won or are open") {
                $0.progressed
            },
            .number("co_marketing_threshold", "how many co-marketing takes") { $0.coMarketingThreshold },
            .list("opportunities", "what it referred, newest first: the latest 500") { $0.opportunities },
            .flag("has_opportunities", "whether it referred anything") { !$0.opportunities.isEmpty },
            .number("earlier_count", "how many earlier referrals the list leaves out") { $0.earlierCount },
            .flag("has_earlier", "whether it leaves any out") { $0.earlierCount > 0 },
        ])
}

package struct PlanLineContext: TemplateContext {
    var label: String
    var planned: Int
    var actual: Int

    package static let fields = ContextFields<Self>(
        "plan line", "One target of a quarter's plan.",
        [
            .text("label", "what is counted: `Qualified referrals` or `Deals won`") { $0.label },
            .number("planned", "the target") { $0.planned },
            .number("actual", "how many so far") { $0.actual },
            .flag("met", "whether the target is met") { $0.actual >= $0.planned },
        ])
}

/// One opportunity a partner referred, as its results page lists it.
package struct OpportunityContext: TemplateContext {
    var company: String
    var created: String
    var stage: String
    var outcome: String
    var outcomeLabel: String
    var closed: String?
    var lostReason: String?
    var amount: String?

    package static let fields = ContextFields<Self>(
        "opportunity", "A referral and what became of it.",
        [
            .text("company", "the company referred") { $0.company },
            .text("created", "when, `YYYY-MM-DD`") { $0.created },
            .text("stage", "its stage in the CRM") { $0.stage },
            .text("outcome", "`won`, `lost`, `not-qualified` or `open`") { $0.outcome },
            .text("outcome_label", "the outcome in words") { $0.outcomeLabel },
            .text("closed", "when it closed") { $0.closed ?? "" },
            .flag("has_closed", "whether it has") { $0.closed != nil },
            .text("lost_reason", "why it was lost") { $0.lostReason ?? "" },
            .flag("has_lost_reason", "whether the export says") { $0.lostReason != nil },
            .text("amount", "its amount, in whole units") { $0.amount ?? "" },
            .flag("has_amount", "whether it has one") { $0.amount != nil },
        ])
}
