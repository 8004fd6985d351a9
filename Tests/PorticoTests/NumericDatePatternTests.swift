import Foundation
import PorticoSupport
import Testing

@testable import PorticoProject

/// Dates written in digits are read without a DateFormatter, and read as one would.
@Suite struct NumericDatePatternTests {
    static func formatter(_ pattern: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        formatter.isLenient = false
        return formatter
    }

    @Test(arguments: [
        (
            "yyyy-MM-dd HH:mm",
            ["2026-07-02 14:05", "2026-7-2 14:05", "2026-02-30 10:00", "2026-07-02", "2026-07-02 25:00"]
        ),
        ("M/d/yyyy", ["7/2/2026", "07/02/2026", "12/31/2025", "13/1/2026", "0/1/2026"]),
        ("dd.MM.yyyy", ["02.07.2026", "2.7.2026", "29.02.2024", "29.02.2026", "31.04.2026"]),
        ("yyyyMMdd", ["20260702", "2026072", "20261301"]),
    ])
    func readsAsDateFormatterDoes(pattern: String, samples: [String]) throws {
        let numeric = try #require(NumericDatePattern(pattern))
        let formatter = Self.formatter(pattern)
        for text in samples {
            let expected = formatter.date(from: text).map { date -> String in
                let parts = Calendar(identifier: .gregorian).dateComponents(
                    in: TimeZone(identifier: "UTC")!, from: date)
                return Day(year: parts.year!, month: parts.month!, day: parts.day!)!.description
            }
            #expect(numeric.day(text)?.description == expected, "\(pattern): \(text)")
        }
    }

    /// Where DateFormatter guesses, the export's row is reported instead: a two-digit year where the
    /// pattern has four would be the year 26, and a separator other than the pattern's is a typo.
    @Test func readsNothingDateFormatterWouldGuessAt() throws {
        #expect(try #require(NumericDatePattern("M/d/yyyy")).day("7/2/26") == nil)
        #expect(try #require(NumericDatePattern("dd.MM.yyyy")).day("02-07-2026") == nil)
        #expect(try #require(NumericDatePattern("yy-MM-dd")).day("26-07-02")?.description == "2026-07-02")
    }

    @Test func aPatternThatNamesMonthsOrZonesIsLeftToDateFormatter() {
        #expect(NumericDatePattern("d MMM yyyy") == nil)
        #expect(NumericDatePattern("yyyy-MM-dd'T'HH:mm") == nil)
        #expect(NumericDatePattern("M/d/yyyy h:mm a") == nil)
        #expect(NumericDatePattern("yyyy-MM-dd") != nil)
    }
}
