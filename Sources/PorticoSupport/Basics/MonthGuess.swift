/// The month someone most likely meant by a month not written YYYY-MM, for a did-you-mean: a
/// month's name ("december", "Dec", "December 2026") or a date written another way ("2026-1",
/// "2026/12", "12-2026").
package enum MonthGuess {
    private static let names = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// The month meant, or nil when `text` does not look like one. A name without a year is
    /// taken as that month nearest to `today`, the later one when two are as near: a brief is
    /// more often drafted ahead than behind.
    package static func guess(_ text: String, today: Day) -> Month? {
        let words = text.lowercased().split(whereSeparator: { " -/.,_".contains($0) }).map(String.init)
        guard !words.isEmpty, words.count <= 2 else { return nil }
        var number: Int?
        var year: Int?
        for word in words {
            if let value = Int(word), word.allSatisfy(\.isASCII) {
                if word.count == 4, year == nil {
                    year = value
                } else if word.count <= 2, number == nil {
                    number = value
                } else {
                    return nil
                }
            } else if let index = monthNumber(word), number == nil {
                number = index
            } else {
                return nil
            }
        }
        guard let number, (1...12).contains(number) else { return nil }
        if let year { return Month(year: year, month: number) }
        // A bare number is too ambiguous to guess from; a name is not.
        guard words.count == 1, Int(words[0]) == nil else { return nil }
        let current = Month(containing: today)
        let candidates = [current.year - 1, current.year, current.year + 1].compactMap {
            Month(year: $0, month: number)
        }
        func distance(_ month: Month) -> Int { abs((month.year - current.year) * 12 + month.month - current.month) }
        return candidates.min { (distance($0), $1) < (distance($1), $0) }
    }

    /// January is 1; a name may be cut short to three letters or more ("sept", "dec").
    private static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return names.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }
}
