import Foundation
import Yams

/// Scalars written into YAML by hand: plain when YAML reads them back as the same text, double
/// quoted otherwise.
package enum YAMLScalar {
    package static func text(_ value: String, flow: Bool) -> String {
        isPlain(value, flow: flow) ? value : doubleQuoted(value)
    }

    package static func isPlain(_ value: String, flow: Bool) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
            first != " ", last != " ", !"-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first),
            !value.contains(": "), !value.contains(" #"), !value.hasSuffix(":"),
            !value.unicodeScalars.contains(where: needsEscape)
        else { return false }
        if flow, value.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        // Whatever YAML would read as a number, a date, a boolean or null stays text only in quotes.
        let yaml = flow ? "{k: \(value)}\n" : "k: \(value)\n"
        guard case .mapping(let mapping)? = try? Yams.compose(yaml: yaml), let node = mapping["k"],
            case .scalar(let scalar) = node
        else { return false }
        return scalar.string == value && Resolver.default.resolveTag(of: node) == .str
    }

    package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F, 0x80...0x9F, 0x2028, 0x2029, 0xFEFF: true
        default: false
        }
    }

    package static func doubleQuoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{0085}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            default:
                if needsEscape(scalar) {
                    result += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
