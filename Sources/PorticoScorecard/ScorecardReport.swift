import Foundation
import PorticoModel
import PorticoSupport

/// The scorecard of one quarter as `portico report` prints it: a table for the terminal, CSV for
/// spreadsheets, JSON for scripts, Markdown for the quarterly review's notes.
public struct ScorecardReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case table
        case csv
        case json
        case markdown
    }

    public let scorecard: ProgramScorecard
    public let tiers: [Tier]
    /// Only this partner, when set.
    public let partnerID: String?

    public init(scorecard: ProgramScorecard, tiers: [Tier], partnerID: String? = nil) {
        self.scorecard = scorecard
        self.tiers = tiers
        self.partnerID = partnerID
    }

    /// One line of the report: a partner, or every other channel.
    public struct Row: Sendable, Encodable {
        public var partner: String
        public var name: String
        public var volume: Int
        public var qualified: Int
        public var qualificationRate: Double?
        public var won: Int
        public var winRate: Double?
        public var medianDaysToClose: Double?
        public var activeCustomers: Int
        public var customersWithStatus: Int
        public var revenueWon: Double
        public var planQualified: Int?
        public var planWon: Int?
        public var tier: String?
        public var earnedTier: String?
        public var tierMove: String?
        public var coMarketing: Bool?
        public var firstWin: String?
        public var findings: [String]
    }

    public var rows: [Row] {
        var rows = scorecard.partners.filter { partnerID == nil || $0.partnerID == partnerID }.map(row)
        if partnerID == nil { rows.append(baselineRow) }
        return rows
    }

    /// A partner's line for the quarter reviewed.
    public func row(_ card: PartnerScorecard) -> Row {
        Self.row(
            card.byQuarter[scorecard.quarter] ?? QuarterNumbers(), partner: card.partnerID, name: card.name,
            plan: card.plan, tier: card.assignedTier?.name, earned: card.earnedTier?.name,
            move: card.move(in: tiers).description, coMarketing: card.coMarketing, firstWin: card.firstWin?.description,
            findings: card.diagnosis.map(Self.describe))
    }

    /// The other channels' line for the quarter reviewed: the baseline partners compare with.
    public var baselineRow: Row {
        Self.row(
            scorecard.otherChannels[scorecard.quarter] ?? QuarterNumbers(), partner: "", name: "Other channels",
            plan: nil, tier: nil, earned: nil, move: nil, coMarketing: nil, firstWin: nil, findings: [])
    }

    private static func row(
        _ numbers: QuarterNumbers, partner: String, name: String, plan: QuarterPlan?, tier: String?, earned: String?,
        move: String?, coMarketing: Bool?, firstWin: String?, findings: [String]
    ) -> Row {
        Row(
            partner: partner, name: name, volume: numbers.volume, qualified: numbers.qualified,
            qualificationRate: numbers.qualificationRate, won: numbers.won, winRate: numbers.winRate,
            medianDaysToClose: numbers.medianDaysToClose, activeCustomers: numbers.activeCustomers,
            customersWithStatus: numbers.customersWithStatus, revenueWon: numbers.revenueWon,
            planQualified: plan?.qualified, planWon: plan?.won, tier: tier, earnedTier: earned, tierMove: move,
            coMarketing: coMarketing, firstWin: firstWin, findings: findings)
    }

    /// A finding with the enablement it names, for the review to go through.
    static func describe(_ finding: Finding) -> String {
        finding.assetIDs.isEmpty
            ? finding.message : finding.message + " (enablement: " + finding.assetIDs.joined(separator: ", ") + ")"
    }

    public static let columns = [
        "Partner", "Referred", "Qualified", "Qual. rate", "Won", "Win rate", "Median days", "Active", "Revenue",
        "Plan", "Tier", "Earns", "Co-marketing", "First win",
    ]

    /// A row's cells as text: a rate with nothing to divide by is "n/a", never 0%.
    public struct RowText: Sendable {
        public var name: String
        public var volume: String
        public var qualified: String
        public var qualificationRate: String
        public var won: String
        public var winRate: String
        public var medianDays: String
        public var active: String
        public var revenue: String
        public var plan: String
        public var tier: String
        public var earnedTier: String
        public var coMarketing: String
        public var firstWin: String

        /// In the order of `columns`.
        public var cells: [String] {
            [
                name, volume, qualified, qualificationRate, won, winRate, medianDays, active, revenue, plan, tier,
                earnedTier, coMarketing, firstWin,
            ]
        }

        public init(_ row: Row) {
            name = row.name
            volume = String(row.volume)
            qualified = String(row.qualified)
            qualificationRate = percent(row.qualificationRate)
            won = String(row.won)
            winRate = percent(row.winRate)
            medianDays = row.medianDaysToClose.map(days) ?? "n/a"
            active = row.customersWithStatus == 0 ? "n/a" : "\(row.activeCustomers)/\(row.customersWithStatus)"
            revenue = amount(row.revenueWon)
            plan = ScorecardReport.plan(row)
            tier = row.tier ?? ""
            // "Preferred (up)": the move's own tier is the one named.
            let move = row.tierMove.flatMap { $0.split(separator: " ").first.map(String.init) } ?? ""
            earnedTier = row.earnedTier.map { "\($0) (\(move))" } ?? ""
            coMarketing = row.coMarketing.map { $0 ? "yes" : "no" } ?? ""
            firstWin = row.firstWin ?? (row.partner.isEmpty ? "" : "none")
        }
    }

    public static func cells(_ row: Row) -> [String] { RowText(row).cells }

    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "n/a" }
        return "\(Int((rate * 100).rounded()))%"
    }

    static func days(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Whole units with thousands grouped: `48,500`.
    public static func amount(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var grouped = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0, digit != "-" { grouped.append(",") }
            grouped.append(digit)
        }
        return String(grouped.reversed())
    }

    static func plan(_ row: Row) -> String {
        plan(
            qualified: row.qualified, won: row.won, target: QuarterPlan(qualified: row.planQualified, won: row.planWon))
    }

    /// Actuals against a quarter's plan, "2/4 qualified, 0/1 won"; empty without one.
    public static func plan(qualified: Int, won: Int, target: QuarterPlan?) -> String {
        var parts: [String] = []
        if let planned = target?.qualified { parts.append("\(qualified)/\(planned) qualified") }
        if let planned = target?.won { parts.append("\(won)/\(planned) won") }
        return parts.joined(separator: ", ")
    }

    public func render(_ format: Format) throws -> String {
        let rows = rows
        let title = "Partner scorecard, \(scorecard.quarter.label)"
        switch format {
        case .csv:
            return CSVWriter.text(
                header: ["Partner ID"] + Self.columns + ["Findings"],
                rows: rows.map { [$0.partner] + Self.cells($0) + [$0.findings.joined(separator: "; ")] })
        case .json:
            struct Document: Encodable {
                var quarter: String
                var window: [String]
                var rows: [Row]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            let data = try encoder.encode(
                Document(
                    quarter: scorecard.quarter.description, window: scorecard.window.map(\.description), rows: rows))
            return String(decoding: data, as: UTF8.self) + "\n"
        case .markdown:
            var lines = ["## \(title)", "", "| " + Self.columns.joined(separator: " | ") + " |"]
            lines.append("|" + String(repeating: " --- |", count: Self.columns.count))
            for row in rows {
                lines.append(
                    "| "
                        + Self.cells(row).map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
                        + " |")
            }
            lines += findings(rows).map { "- " + $0 }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            let table = [Self.columns] + rows.map(Self.cells)
            let widths = Self.columns.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
            var lines = [title, ""]
            for (index, cells) in table.enumerated() {
                let padded = cells.enumerated().map { column, cell in
                    // Names and words to the left, numbers to the right.
                    let pad = String(repeating: " ", count: widths[column] - cell.count)
                    return column == 0 || column >= 9 ? cell + pad : pad + cell
                }
                lines.append(padded.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
                if index == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
            }
            let notes = findings(rows)
            if !notes.isEmpty { lines += [""] + notes }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private func findings(_ rows: [Row]) -> [String] {
        rows.flatMap { row in row.findings.map { "\(row.name): \($0)" } }
    }
}
