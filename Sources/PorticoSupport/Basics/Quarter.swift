/// A calendar quarter, as scorecards and plans name it: `2026-Q3`.
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1 to 4.
    public let quarter: Int

    public init?(year: Int, quarter: Int) {
        guard (1...9999).contains(year), (1...4).contains(quarter) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// Parses exactly `YYYY-QN`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            parts[1].count == 2, parts[1].first == "Q", let year = Int(parts[0]),
            let quarter = Int(parts[1].dropFirst())
        else { return nil }
        self.init(year: year, quarter: quarter)
    }

    public init(containing day: Day) {
        year = day.year
        quarter = (day.month - 1) / 3 + 1
    }

    public var description: String {
        "\(String(repeating: "0", count: max(0, 4 - String(year).count)))\(year)-Q\(quarter)"
    }

    /// "Q3 2026".
    public var label: String { "Q\(quarter) \(year)" }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter) }

    public var previous: Quarter {
        quarter == 1 ? Quarter(uncheckedYear: year - 1, quarter: 4) : Quarter(uncheckedYear: year, quarter: quarter - 1)
    }

    public var next: Quarter {
        quarter == 4 ? Quarter(uncheckedYear: year + 1, quarter: 1) : Quarter(uncheckedYear: year, quarter: quarter + 1)
    }

    public var firstDay: Day { Day(year: year, month: quarter * 3 - 2, day: 1) ?? Day(dayNumber: 0) }
    public var lastDay: Day { next.firstDay.adding(days: -1) }

    /// This quarter and the `count - 1` before it, oldest first.
    public func lastQuarters(_ count: Int) -> [Quarter] {
        var quarters = [self]
        while quarters.count < count, let first = quarters.first { quarters.insert(first.previous, at: 0) }
        return quarters
    }

    private init(uncheckedYear year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }
}
