import PorticoModel
import PorticoScorecard
import PorticoSupport

/// "Your referrals" in a partner's copy of a brief: what moved in its own pipeline in the month
/// before the brief's, so that each brief closes the loop on what the partner sent.
enum ReferralNews {
    /// Nil when the partner had referred nothing by the brief's month.
    static func lines(_ card: PartnerScorecard, month: Month) -> [String]? {
        let period = month.previous
        let start = month.firstDay
        let sent = card.opportunities.filter { $0.created < start }
        guard !sent.isEmpty else { return nil }
        let inPeriod = { (day: Day?) in day.map { Month(containing: $0) == period } ?? false }
        let referred = sent.filter { inPeriod($0.created) }
        let closed = sent.filter { $0.outcome != .open && inPeriod($0.closed) }
        let won = closed.filter { $0.outcome == .won }.map(\.company)
        let lost = closed.filter { $0.outcome == .lost && !$0.disqualified }.map { deal in
            deal.lostReason.map { "\(deal.company) (\($0))" } ?? deal.company
        }
        let notQualified = closed.count { $0.disqualified }
        // Open when the brief went out, not when the site was built.
        let open = sent.count { deal in deal.outcome == .open || (deal.closed.map { !($0 < start) } ?? false) }

        var lines: [String] = []
        if referred.isEmpty {
            lines.append("You referred no new opportunities in \(period.label).")
        } else {
            let qualified = referred.count { $0.qualified }
            let outcome =
                referred.count == 1
                ? (qualified == 1 ? "and it has qualified" : "which has not qualified yet")
                : "\(qualified) of them \(qualified == 1 ? "has" : "have") qualified so far"
            lines.append(
                "In \(period.label) you referred \(count(referred.count, "opportunity", "opportunities")), \(outcome).")
        }
        if !won.isEmpty { lines.append("Won: \(list(won)).") }
        if !lost.isEmpty { lines.append("Lost: \(list(lost)).") }
        if notQualified > 0 {
            lines.append("\(count(notQualified, "referral", "referrals")) did not qualify.")
        }
        if open > 0 { lines.append("\(count(open, "referral is", "referrals are")) still open.") }
        return lines
    }

    private static func count(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(number == 1 ? one : many)"
    }

    /// "A", "A and B", "A, B and C".
    private static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
