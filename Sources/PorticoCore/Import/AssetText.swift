/// The fields an imported asset's front matter gets.
struct AssetFields: Sendable, Equatable {
    var title: String
    var kind: String
    var summary: String
    var owner: String
    var reviewed: Day
    var tags: [String]
    var draft: Bool
}

/// Writes an asset file: front matter in the order `portico new asset` uses, then the body.
enum AssetText {
    static func make(_ fields: AssetFields, body: String) -> String {
        var lines = [
            "---",
            "title: \(scalar(fields.title))",
            "kind: \(fields.kind)",
            "summary: \(scalar(fields.summary))",
            "owner: \(fields.owner)",
            "reviewed: \(fields.reviewed)",
        ]
        if !fields.tags.isEmpty {
            lines.append("tags: [\(fields.tags.map(scalar).joined(separator: ", "))]")
        }
        if fields.draft { lines.append("draft: true") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + body
    }

    /// `text` as a YAML scalar that reads back as exactly that string: plain when that is
    /// certain, double-quoted otherwise. Plain text must start with a letter, so it can be no
    /// number, date or indicator, and must not hold ": " or " #", which end a plain value.
    static func scalar(_ text: String) -> String {
        let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        let isPlain =
            text.first?.isLetter == true && text.last.map { !$0.isWhitespace && $0 != ":" } == true
            && !words.contains(text.lowercased()) && !text.contains(": ") && !text.contains(" #")
            && !text.contains(where: { $0.isNewline || $0 == "\t" || $0.unicodeScalars.contains(where: isControl) })
        if isPlain { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if isControl(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    quoted += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
            || scalar.value == 0xFEFF
    }
}
