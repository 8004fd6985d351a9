import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// How text becomes index terms, exactly as `static/search.js` turns a query into words: lower
/// case, diacritics folded (canonical decomposition, then every combining mark dropped), split on
/// everything that is not a letter or a digit (Unicode categories L and N); terms shorter than 2
/// or longer than 40 characters are left out.
package enum SearchTerms {
    package static let shortest = 2
    package static let longest = 40

    package static func terms(_ text: String) -> [String] {
        strings(of: list(text))
    }

    /// The terms of `text` as bytes, as a search document takes them.
    package static func list(_ text: String) -> TermList {
        // Most text is ASCII, where lowering and folding are byte operations: the Unicode path
        // below cost a quarter of a build's time on a large library.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiList(text) }
        var list = TermList()
        for term in unicodeTerms(text) { list.add(term.utf8) }
        return list
    }

    package static func strings(of list: TermList) -> [String] {
        list.terms.map { String(decoding: list.bytes[$0.start..<$0.start + $0.count], as: UTF8.self) }
    }

    package static func unicodeTerms(_ text: String) -> [String] {
        let folded = text.lowercased().decomposedStringWithCanonicalMapping
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        var length = 0
        func close() {
            if length >= shortest && length <= longest { terms.append(String(current)) }
            current = String.UnicodeScalarView()
            length = 0
        }
        for scalar in folded.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                current.append(scalar)
                length += 1
            default:
                close()
            }
        }
        close()
        return terms
    }

    package static func asciiTerms(_ text: String) -> [String] {
        strings(of: asciiList(text))
    }

    /// `list` for ASCII text, byte by byte: the same letters, digits, case and lengths, each
    /// term's bytes written once into the list and hashed as they are written.
    package static func asciiList(_ text: String) -> TermList {
        var text = text
        return text.withUTF8 { bytes in
            var list = TermList()
            list.bytes.reserveCapacity(bytes.count)
            var start = 0
            var hash: UInt64 = TermList.hashSeed
            func close() {
                let count = list.bytes.count - start
                if count >= shortest && count <= longest {
                    list.terms.append((start, count, hash))
                } else {
                    list.bytes.removeLast(count)
                }
                start = list.bytes.count
                hash = TermList.hashSeed
            }
            for byte in bytes {
                let folded: UInt8
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): folded = byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = byte | 0x20
                default:
                    if list.bytes.count > start { close() }
                    continue
                }
                list.bytes.append(folded)
                hash = TermList.hashing(hash, folded)
            }
            close()
            return list
        }
    }
}
