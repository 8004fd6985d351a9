import PorticoModel
import PorticoSupport

/// The program's health from the CRM's exports: each partner's numbers by quarter, the tier they
/// earn, whether they have earned co-marketing, their first joint win, and what the numbers say
/// is wrong; and the same numbers for every other channel, as the baseline.
public struct ProgramScorecard: Sendable {
    /// The quarter the review is of: the one holding the build date unless asked otherwise.
    public var quarter: Quarter
    /// The last four quarters up to `quarter`, oldest first: what tiers and co-marketing are judged on.
    public var window: [Quarter]
    public var partners: [PartnerScorecard]
    /// Opportunities no partner referred, by quarter.
    public var otherChannels: [Quarter: QuarterNumbers]
    /// Every quarter some opportunity was created or closed in, oldest first.
    public var quarters: [Quarter]
    private var positions: [String: Int] = [:]

    /// A co-marketing campaign is earned with this many qualified opportunities that were won or are still open.
    public static let coMarketingThreshold = 3
    /// A partner is expected to have a first joint win this many days after joining.
    public static let firstWinDays = 90

    public init(content: Content, today: Day, quarter: Quarter? = nil) {
        let quarter = quarter ?? Quarter(containing: today)
        self.quarter = quarter
        window = quarter.lastQuarters(4)
        var byPartner: [String: [Opportunity]] = [:]
        var others: [Quarter: QuarterNumbers] = [:]
        var seen: Set<Quarter> = []
        for opportunity in content.opportunities {
            seen.insert(Quarter(containing: opportunity.created))
            if let closed = opportunity.closed, opportunity.outcome != .open {
                seen.insert(Quarter(containing: closed))
            }
            if let id = opportunity.partnerID {
                byPartner[id, default: []].append(opportunity)
            } else {
                QuarterNumbers.add(opportunity, to: &others)
            }
        }
        otherChannels = others
        quarters = seen.sorted()
        let window = window
        partners = content.partners.filter { $0.status != .retired }.map { partner in
            PartnerScorecard(
                partner: partner, opportunities: byPartner[partner.id] ?? [], program: content.program,
                assets: content.assets, today: today, quarter: quarter, window: window)
        }
        positions = Dictionary(
            partners.enumerated().map { ($1.partnerID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The scorecard of the partner with this id.
    public func partner(_ id: String) -> PartnerScorecard? { positions[id].map { partners[$0] } }

    /// The other channels' numbers over `quarters`.
    public func otherChannels(over quarters: [Quarter]) -> QuarterNumbers {
        quarters.reduce(QuarterNumbers()) { $0 + (otherChannels[$1] ?? QuarterNumbers()) }
    }
}

/// One partner's scorecard.
public struct PartnerScorecard: Sendable {
    public var partnerID: String
    public var name: String
    public var since: Day
    public var byQuarter: [Quarter: QuarterNumbers]
    /// The last four quarters together.
    public var window: QuarterNumbers
    public var plan: QuarterPlan?
    public var assignedTier: Tier?
    public var earnedTier: Tier?
    public var coMarketing: Bool
    /// Qualified opportunities in the window that were won or are still open.
    public var progressed: Int
    public var firstWin: Day?
    /// True when the partner joined more than `firstWinDays` ago and has no win.
    public var overdueFirstWin: Bool
    public var diagnosis: [Finding]
    /// Every opportunity the partner sent, newest first: what its results page lists.
    public var opportunities: [Opportunity]

    init(
        partner: Partner, opportunities: [Opportunity], program: Program, assets: [Asset], today: Day,
        quarter: Quarter, window: [Quarter]
    ) {
        partnerID = partner.id
        name = partner.name
        since = partner.since
        var numbers: [Quarter: QuarterNumbers] = [:]
        for opportunity in opportunities { QuarterNumbers.add(opportunity, to: &numbers) }
        byQuarter = numbers
        let total = window.reduce(QuarterNumbers()) { $0 + (numbers[$1] ?? QuarterNumbers()) }
        self.window = total
        plan = partner.plan[quarter]
        assignedTier = program.tier(partner.tier.id)
        earnedTier = Self.earned(program.tiers, by: total)
        let windowSet = Set(window)
        progressed = opportunities.count {
            $0.qualified && $0.outcome != .lost && windowSet.contains(Quarter(containing: $0.created))
        }
        coMarketing = progressed >= ProgramScorecard.coMarketingThreshold
        firstWin = opportunities.filter { $0.outcome == .won }.compactMap { $0.closed ?? $0.created }.min()
        overdueFirstWin =
            firstWin == nil && today.dayNumber - partner.since.dayNumber > ProgramScorecard.firstWinDays
        diagnosis = Finding.diagnose(
            total, partner: partner, assets: assets, overdueFirstWin: overdueFirstWin,
            joinedBeforeWindow: partner.since < (window.first?.firstDay ?? partner.since))
        self.opportunities = opportunities.sorted { ($1.created, $1.company) < ($0.created, $0.company) }
    }

    /// The highest tier whose `earn:` rule the numbers meet; below every rule, the lowest tier
    /// when it has none (the tier anyone is in). A tier without a rule above it is given, not
    /// earned, and no program without rules gets a suggestion.
    static func earned(_ tiers: [Tier], by numbers: QuarterNumbers) -> Tier? {
        guard tiers.contains(where: { $0.earn != nil }) else { return nil }
        let met = tiers.first { tier in
            guard let rule = tier.earn else { return false }
            return numbers.qualified >= (rule.qualified ?? 0) && numbers.won >= (rule.won ?? 0)
        }
        return met ?? tiers.last.flatMap { $0.earn == nil ? $0 : nil }
    }

    /// The move the numbers suggest: up, down or none, from the assigned tier to the earned one.
    public func move(in tiers: [Tier]) -> TierMove {
        guard let assigned = assignedTier, let earned = earnedTier,
            let from = tiers.firstIndex(where: { $0.id == assigned.id }),
            let to = tiers.firstIndex(where: { $0.id == earned.id })
        else { return .none }
        // Tiers are listed highest first.
        return to < from ? .up(earned) : to > from ? .down(earned) : .none
    }
}

public enum TierMove: Sendable {
    case up(Tier)
    case down(Tier)
    case none

    public var description: String {
        switch self {
        case .up(let tier): "up to \(tier.name)"
        case .down(let tier): "down to \(tier.name)"
        case .none: "stays"
        }
    }
}
