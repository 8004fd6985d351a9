import Foundation
import PorticoModel
import PorticoSupport

/// Where things are in an export's text, for diagnostics: SwiftCSV gives the values, not their
/// places, so the lines are kept to find the column a bad cell starts at.
package struct CSVText {
    private let lines: [Substring]
    private let delimiter: Character

    package init(text: String, delimiter: Character) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.delimiter = delimiter
    }

    /// The delimiter the header line uses most, outside quotes: `,`, `;` (European exports) or a tab.
    package static func guessDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted, character.isNewline { break }
            if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ","
    }

    /// How many line breaks the values of a row hold: a quoted field may span lines.
    package func lineBreaks(in row: [String]) -> Int {
        row.reduce(0) { count, field in
            // Most fields hold no line break: looking at their bytes is enough to tell.
            guard field.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return count }
            return count + field.count { $0.isNewline }
        }
    }

    /// The line and column where field `index` of the row starting on `line` begins.
    package func position(ofField index: Int, inRowAt line: Int) -> (line: Int, column: Int) {
        var current = line
        var column = 1
        var field = 0
        var quoted = false
        while current - 1 < lines.count {
            for character in lines[current - 1] {
                if field == index { return (current, column) }
                if character == "\"" {
                    quoted.toggle()
                } else if character == delimiter, !quoted {
                    field += 1
                }
                column += 1
            }
            if field == index || !quoted { return (current, column) }
            current += 1
            column = 1
        }
        return (line, 1)
    }
}

/// Dates as CRM exports write them, read with the patterns `pipeline.dates` lists. The
/// formatters are made once per file: making one costs more than reading a date with it.
package struct PipelineDates {
    private let formats: [(numeric: NumericDatePattern?, formatter: DateFormatter)]

    package init(formats: [String]) {
        self.formats = formats.map { (NumericDatePattern($0), Self.formatter($0)) }
    }

    package func day(_ text: String) -> Day? {
        if let day = Day(text) { return day }
        for (numeric, formatter) in formats {
            // Most exports write dates in digits; reading those directly keeps ICU, which cost half
            // of reading a large export, for the patterns that name months or days.
            if let numeric {
                if let day = numeric.day(text) { return day }
                continue
            }
            if let date = formatter.date(from: text) {
                let parts = Self.calendar.dateComponents(in: Self.utc, from: date)
                if let year = parts.year, let month = parts.month, let day = parts.day,
                    let result = Day(year: year, month: month, day: day)
                {
                    return result
                }
            }
        }
        return nil
    }

    package static func describe(_ formats: [String]) -> String {
        formats.map { "'\($0)'" }.joined(separator: " or ")
    }

    private static let utc = TimeZone(identifier: "UTC") ?? TimeZone.current
    private static let calendar = Calendar(identifier: .gregorian)

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = utc
        formatter.dateFormat = format
        formatter.isLenient = false
        return formatter
    }
}

/// Amounts, flags and outcomes as exports write them.
package enum PipelineNumbers {
    /// `12,500.00`, `12.500,00`, `$12,500`, `€ 12 500`: the last `.` or `,` followed by one or two
    /// digits is the decimal mark; other marks and spaces group thousands.
    package static func amount(_ text: String) -> Double? {
        let kept = text.filter { !$0.isWhitespace && !"$€£¥".contains($0) && $0 != "\u{00A0}" }
        guard !kept.isEmpty else { return nil }
        var digits = kept
        if let mark = kept.lastIndex(where: { $0 == "." || $0 == "," }) {
            let after = kept[kept.index(after: mark)...]
            let integer = kept[..<mark].filter { $0 != "." && $0 != "," }
            digits = (1...2).contains(after.count) ? integer + "." + after : integer + after
        }
        return Double(digits)
    }

    package static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "x", "qualified": true
        case "no", "n", "false", "0", "", "not qualified": false
        default: nil
        }
    }

    package static func outcome(_ text: String) -> OpportunityOutcome? {
        switch text.lowercased() {
        case "won", "closed won", "win": .won
        case "lost", "closed lost", "loss": .lost
        case "open", "pending", "in progress": .open
        default: nil
        }
    }
}
