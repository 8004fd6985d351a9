import Foundation

/// RFC 2047 encoded-words, the only way to put non-ASCII text in a mail header.
package enum EncodedWord {
    /// RFC 2047 §2: an encoded-word is at most 75 characters.
    package static let maximumLength = 75
    /// `=?utf-8?Q?` and `?=`.
    package static let overhead = 12

    /// `text` for a header, its words (split at spaces) written as themselves when `isPlain`
    /// allows, and each run of the others, with the spaces inside it, as encoded-words. Only
    /// what needs it is encoded, which keeps names and subjects readable, and a plain word
    /// between two runs keeps their encoded-words from being adjacent (see `encode`).
    package static func mixed(_ text: String, firstLength: Int, isPlain: (Substring) -> Bool) -> String {
        var tokens: [String] = []
        var run: [Substring] = []
        func endRun() {
            guard !run.isEmpty else { return }
            tokens += encode(run.joined(separator: " "), firstLength: tokens.isEmpty ? firstLength : maximumLength)
            run = []
        }
        // Between an encoded-word and a plain word the space is kept by readers (only the space
        // between two encoded-words is dropped), so the words can be rejoined with one space.
        // An empty word (from two spaces in a row) joins a run, which carries the space itself.
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !word.isEmpty, isPlain(word) {
                endRun()
                tokens.append(String(word))
            } else {
                run.append(word)
            }
        }
        endRun()
        return tokens.joined(separator: " ")
    }

    /// `text` as encoded-words of at most 75 characters, the first at most `firstLength`, to be
    /// written separated by folding whitespace (which decoders drop between encoded-words).
    /// Words break between Characters, or between scalars for a Character too long for one word,
    /// so no word ends inside a UTF-8 sequence. Q is used when it is no longer than B, which
    /// keeps mostly-ASCII text readable; its alphabet is the one RFC 2047 §5(3) allows in a
    /// phrase, so the words are valid in display names as well as in Subject.
    package static func encode(_ text: String, firstLength: Int = maximumLength) -> [String] {
        let bytes = Array(text.utf8)
        let useQ = qLength(bytes) <= bLength(bytes)
        func length(_ pieces: [[UInt8]]) -> Int {
            let bytes = Array(pieces.joined())
            return useQ ? qLength(bytes) : bLength(bytes)
        }
        var pieces: [[UInt8]] = []
        for character in text {
            let piece = Array(character.utf8)
            if length([piece]) <= maximumLength - overhead {
                pieces.append(piece)
            } else {
                // A Character longer than a whole word (a long emoji sequence, stacked marks)
                // is split between its scalars; one scalar (4 bytes at most) always fits.
                pieces += character.unicodeScalars.map { Array(String($0).utf8) }
            }
        }
        var words: [String] = []
        var pending: [[UInt8]] = []
        func room() -> Int { (words.isEmpty ? min(firstLength, maximumLength) : maximumLength) - overhead }
        for piece in pieces {
            while !pending.isEmpty, length(pending + [piece]) > room() {
                // A word ends after a space when it can: a reader that wrongly keeps the space
                // between encoded-words (Python's email package in display names, CPython
                // gh-128110) then doubles a space instead of cutting a word in two.
                let space = pending.lastIndex(of: [0x20]).flatMap { $0 > 0 ? $0 : nil }
                let cut = space.map { $0 + 1 } ?? pending.count
                words.append(word(Array(pending[..<cut].joined()), useQ: useQ))
                pending.removeFirst(cut)
            }
            pending.append(piece)
        }
        if !pending.isEmpty { words.append(word(Array(pending.joined()), useQ: useQ)) }
        return words
    }

    package static func word(_ bytes: [UInt8], useQ: Bool) -> String {
        useQ
            ? "=?utf-8?Q?" + bytes.map(qEncoded).joined() + "?="
            : "=?utf-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    package static func qLength(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + qEncoded($1).count }
    }

    package static func bLength(_ bytes: [UInt8]) -> Int {
        (bytes.count + 2) / 3 * 4
    }

    /// Q encoding restricted to RFC 2047 §5(3): letters, digits and `!*+-/` as themselves, space
    /// as `_`, everything else `=XX`.
    package static func qEncoded(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "/"):
            return String(UnicodeScalar(byte))
        case UInt8(ascii: " "): return "_"
        default: return QuotedPrintable.hex(byte)
        }
    }
}
