import PorticoModel
import PorticoSupport

/// The numbers of one quarter, for one partner or for every other channel. Volume and
/// qualification count opportunities by the quarter they were created in; wins, losses, revenue
/// and time to close count them by the quarter they closed in (a deal created in one quarter and
/// won in the next is the next quarter's win).
public struct QuarterNumbers: Sendable, Equatable {
    public var volume = 0
    public var qualified = 0
    public var won = 0
    /// Deals lost after qualifying; referrals lost without qualifying are `disqualified`.
    public var lost = 0
    public var disqualified = 0
    public var revenueWon = 0.0
    /// Days from creation to close of each win.
    public var daysToClose: [Int] = []
    /// Wins whose customer the export says is active, and wins whose status it gives at all.
    public var activeCustomers = 0
    public var customersWithStatus = 0

    public init() {}

    /// Qualified over volume; nil (shown as n/a) with no volume.
    public var qualificationRate: Double? { volume == 0 ? nil : Double(qualified) / Double(volume) }
    /// Won over deals closed after qualifying (won and lost); nil with none closed.
    public var winRate: Double? { won + lost == 0 ? nil : Double(won) / Double(won + lost) }

    public var medianDaysToClose: Double? {
        guard !daysToClose.isEmpty else { return nil }
        let sorted = daysToClose.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Active customers among the wins whose status is known; nil when none is.
    public var activeShare: Double? {
        customersWithStatus == 0 ? nil : Double(activeCustomers) / Double(customersWithStatus)
    }

    public static func + (lhs: QuarterNumbers, rhs: QuarterNumbers) -> QuarterNumbers {
        var sum = lhs
        sum.volume += rhs.volume
        sum.qualified += rhs.qualified
        sum.won += rhs.won
        sum.lost += rhs.lost
        sum.disqualified += rhs.disqualified
        sum.revenueWon += rhs.revenueWon
        sum.daysToClose += rhs.daysToClose
        sum.activeCustomers += rhs.activeCustomers
        sum.customersWithStatus += rhs.customersWithStatus
        return sum
    }

    /// Adds `opportunity` to `numbers`: to its creation quarter, and when it closed, to its close quarter.
    static func add(_ opportunity: Opportunity, to numbers: inout [Quarter: QuarterNumbers]) {
        let created = Quarter(containing: opportunity.created)
        numbers[created, default: QuarterNumbers()].volume += 1
        if opportunity.qualified { numbers[created, default: QuarterNumbers()].qualified += 1 }
        guard opportunity.outcome != .open else { return }
        let closed = Quarter(containing: opportunity.closed ?? opportunity.created)
        var quarter = numbers[closed, default: QuarterNumbers()]
        if opportunity.outcome == .won {
            quarter.won += 1
            quarter.revenueWon += opportunity.amount ?? 0
            if let days = opportunity.daysToClose { quarter.daysToClose.append(days) }
            if let status = opportunity.customerStatus {
                quarter.customersWithStatus += 1
                if status == .active { quarter.activeCustomers += 1 }
            }
        } else if opportunity.disqualified {
            quarter.disqualified += 1
        } else {
            quarter.lost += 1
        }
        numbers[closed] = quarter
    }
}
