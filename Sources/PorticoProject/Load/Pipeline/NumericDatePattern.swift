import PorticoSupport

/// A Unicode date pattern made only of numeric fields (`yyyy`, `yy`, `M`, `MM`, `d`, `dd`, `H`,
/// `HH`, `h`, `hh`, `m`, `mm`, `s`, `ss`) and literal separators, such as `yyyy-MM-dd HH:mm` or
/// `M/d/yyyy`, read without a DateFormatter. A pattern with any other letter (`MMM`, `EEE`, `a`,
/// a zone) is nil, and DateFormatter reads it.
struct NumericDatePattern: Sendable {
    private enum Field: Sendable, Equatable {
        case year, month, day, hour, minute, second
    }

    private enum Part: Sendable, Equatable {
        /// A field of `least` to `most` digits: exactly its letters' count beside another field
        /// without a separator (`yyyyMMdd`), one or two otherwise (`M/d/yyyy`).
        case field(Field, least: Int, most: Int)
        case literal(UInt8)
    }

    private let parts: [Part]

    init?(_ pattern: String) {
        // Each byte of the pattern: a field with its letter count, or a literal.
        var raw: [(field: Field?, letters: Int, byte: UInt8)] = []
        let bytes = Array(pattern.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var run = 1
            while index + run < bytes.count, bytes[index + run] == byte { run += 1 }
            let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isLetter || byte == UInt8(ascii: "'") || byte >= 0x80 {
                guard let field = Self.field(byte, letters: run) else { return nil }
                raw.append((field, run, byte))
            } else {
                let literal: (field: Field?, letters: Int, byte: UInt8) = (nil, 1, byte)
                raw.append(contentsOf: repeatElement(literal, count: run))
            }
            index += run
        }
        parts = raw.indices.map { position in
            guard let field = raw[position].field else { return .literal(raw[position].byte) }
            let besideField =
                (position + 1 < raw.count && raw[position + 1].field != nil)
                || (position > 0 && raw[position - 1].field != nil)
            let letters = raw[position].letters
            let exact = field == .year || besideField
            return .field(field, least: exact ? letters : 1, most: exact ? letters : 2)
        }
    }

    /// The numeric field `letters` of `letter` stand for; nil for anything else (`MMM`, `a`, `'`).
    private static func field(_ letter: UInt8, letters: Int) -> Field? {
        switch (letter, letters) {
        case (UInt8(ascii: "y"), 2), (UInt8(ascii: "y"), 4): .year
        case (UInt8(ascii: "M"), 1...2): .month
        case (UInt8(ascii: "d"), 1...2): .day
        case (UInt8(ascii: "H"), 1...2), (UInt8(ascii: "h"), 1...2): .hour
        case (UInt8(ascii: "m"), 1...2): .minute
        case (UInt8(ascii: "s"), 1...2): .second
        default: nil
        }
    }

    /// The day `text` names, or nil when it does not match the pattern as a whole or names no
    /// real date or time.
    func day(_ text: String) -> Day? {
        var year: Int?
        var month: Int?
        var day: Int?
        let bytes = Array(text.utf8)
        var index = 0
        for part in parts {
            switch part {
            case .literal(let byte):
                guard index < bytes.count, bytes[index] == byte else { return nil }
                index += 1
            case .field(let field, let least, let most):
                guard let value = Self.number(bytes, &index, least: least, most: most) else { return nil }
                switch field {
                case .year: year = most == 2 ? 2000 + value : value
                case .month: month = value
                case .day: day = value
                case .hour: guard value < 24 else { return nil }
                case .minute, .second: guard value < 60 else { return nil }
                }
            }
        }
        guard index == bytes.count, let year, let month, let day else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private static func number(_ bytes: [UInt8], _ index: inout Int, least: Int, most: Int) -> Int? {
        var value = 0
        var count = 0
        while count < most, index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
            count += 1
        }
        return count >= least ? value : nil
    }
}
