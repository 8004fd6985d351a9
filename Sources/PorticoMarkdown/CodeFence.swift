/// Where fenced code starts and ends, line by line, for passes over the Markdown source that must
/// leave code alone: a `:::` or `{% %}` shown in a code block is an example, not markup.
package struct CodeFence {
    private var open: (character: Character, count: Int)?

    package init() {}

    /// Whether `line` belongs to a fence (its opening, its code or its closing).
    package mutating func skips(_ line: String) -> Bool {
        var text = line[...]
        if text.last == "\r" { text.removeLast() }
        let spaces = text.prefix { $0 == " " }.count
        let rest = text.dropFirst(spaces)
        let run = rest.prefix { $0 == "`" || $0 == "~" }
        guard let character = run.first else { return open != nil }
        let count = run.prefix { $0 == character }.count
        if let current = open {
            if spaces < 4, character == current.character, count >= current.count,
                rest.dropFirst(count).allSatisfy(\.isWhitespace)
            {
                open = nil
            }
            return true
        }
        // CommonMark: a backtick fence's info string has no backtick.
        guard spaces < 4, count >= 3, character == "~" || !rest.dropFirst(count).contains("`") else { return false }
        open = (character, count)
        return true
    }
}
