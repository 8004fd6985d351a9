/// A calendar month, as a brief names it: `YYYY-MM`.
public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    public init(containing day: Day) {
        year = day.year
        month = day.month
    }

    public var description: String {
        let padded = month < 10 ? "0\(month)" : "\(month)"
        return "\(String(repeating: "0", count: max(0, 4 - String(year).count)))\(year)-\(padded)"
    }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public var firstDay: Day { Day(year: year, month: month, day: 1) ?? Day(dayNumber: 0) }
    public var lastDay: Day { next.firstDay.adding(days: -1) }

    public var next: Month {
        month == 12 ? Month(uncheckedYear: year + 1, month: 1) : Month(uncheckedYear: year, month: month + 1)
    }

    public var previous: Month {
        month == 1 ? Month(uncheckedYear: year - 1, month: 12) : Month(uncheckedYear: year, month: month - 1)
    }

    private init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// "November 2026": English, like the rest of the default theme's words.
    public var label: String { "\(Month.names[month - 1]) \(year)" }
    public var name: String { Month.names[month - 1] }

    package static let names = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}

extension Day {
    /// "1 November 2026".
    public var label: String { "\(day) \(Month.names[month - 1]) \(year)" }
}
