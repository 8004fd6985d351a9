import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoSupport
import Yams

/// Reads typed fields out of one YAML mapping, reporting every problem with the place of the
/// offending value and carrying on, so that one run reports all the problems of a file.
package struct FieldReader {
    package let file: String
    package let lineOffset: Int
    /// The YAML text being read, to find where a block of Markdown is indented to.
    package let yaml: String
    package let mapping: Node.Mapping
    /// Where the mapping starts: missing fields are reported here.
    package let location: SourceLocation
    package let issues: IssueList

    /// Reads `node` as a mapping with the given known keys; unknown keys are warned about.
    package init?(
        _ node: Node?, what: String, known: [String], file: String, lineOffset: Int, yaml: String,
        issues: IssueList, fallback: SourceLocation
    ) {
        self.file = file
        self.lineOffset = lineOffset
        self.yaml = yaml
        self.issues = issues
        guard let node, case .mapping(let mapping) = node else {
            let found = node.map(FieldReader.describe) ?? "nothing"
            let at = node.map { FieldReader.place($0.mark, file: file, lineOffset: lineOffset) } ?? fallback
            issues.add(.error("wrong-type", "\(what) must be a mapping of fields, found \(found)", at: at))
            return nil
        }
        self.mapping = mapping
        self.location = FieldReader.place(mapping.mark, file: file, lineOffset: lineOffset)
        for (key, _) in mapping {
            guard let name = key.scalar?.string else {
                issues.add(.error("wrong-type", "field names must be plain text", at: place(key)))
                continue
            }
            if !known.contains(name) {
                issues.add(
                    .warning(
                        "unknown-field",
                        "unknown field '\(name)' in \(what)\(Suggestion.didYouMean(name, in: known))",
                        at: place(key)))
            }
        }
    }

    package static func place(_ mark: Mark?, file: String, lineOffset: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    package func place(_ node: Node) -> SourceLocation {
        FieldReader.place(node.mark, file: file, lineOffset: lineOffset)
    }

    package static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar(let scalar): scalar.isNull ? "an empty value" : "'\(scalar.string)'"
        }
    }

    // MARK: Looking up fields

    /// The value node of `key` and the location of the key itself.
    package func entry(_ key: String) -> (key: Node, value: Node)? {
        mapping.first { $0.key.scalar?.string == key }
    }

    /// Where the value of `key` is written, for a warning about the value rather than the field.
    package func valueLocation(_ key: String) -> SourceLocation? {
        entry(key).map { place($0.value) }
    }

    /// The value of `key`, or nil; reports a required field that is missing or empty.
    package func value(_ key: String, required: Bool) -> Node? {
        guard let (keyNode, value) = entry(key) else {
            if required {
                issues.add(.error("missing-field", "missing required field '\(key)'", at: location))
            }
            return nil
        }
        if case .scalar(let scalar) = value, scalar.isNull {
            if required {
                issues.add(.error("missing-field", "field '\(key)' has no value", at: place(keyNode)))
            }
            return nil
        }
        return value
    }

    package func wrongType(_ key: String, expected: String, found node: Node) {
        issues.add(
            .error(
                "wrong-type", "field '\(key)' must be \(expected), found \(FieldReader.describe(node))",
                at: place(node)))
    }

    // MARK: Typed fields

    package func string(_ key: String, required: Bool = true) -> String? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node else {
            wrongType(key, expected: "text", found: node)
            return nil
        }
        let text = scalar.string.trimmed()
        if text.isEmpty {
            if required {
                issues.add(.error("missing-field", "field '\(key)' has no value", at: place(node)))
            }
            return nil
        }
        return text
    }

    package func markdown(_ key: String, required: Bool = true) -> MarkdownSource? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node else {
            wrongType(key, expected: "Markdown text", found: node)
            return nil
        }
        // A block scalar (`key: |`) starts on the line after its indicator, and every line of it
        // is indented: the Markdown's first column is the indentation's end.
        var start = place(node)
        if scalar.style == .literal || scalar.style == .folded, let mark = node.mark {
            start.line += 1
            start.column = indentation(ofLine: mark.line + 1) + 1
        }
        return MarkdownSource(text: scalar.string, start: start)
    }

    /// Leading spaces of a line of the YAML text (counting from 1).
    package func indentation(ofLine line: Int) -> Int {
        var current = 1
        var spaces = 0
        for byte in yaml.utf8 {
            if current == line {
                guard byte == UInt8(ascii: " ") else { break }
                spaces += 1
            } else if byte == UInt8(ascii: "\n") {
                current += 1
            }
        }
        return spaces
    }

    package func day(_ key: String, required: Bool = true) -> (Day, SourceLocation)? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node else {
            wrongType(key, expected: "a date (YYYY-MM-DD)", found: node)
            return nil
        }
        guard let day = Day(scalar.string) else {
            issues.add(
                .error(
                    "bad-date", "'\(scalar.string)' in '\(key)' is not a valid date",
                    at: place(node), hint: "write dates as YYYY-MM-DD, for example 2026-03-01"))
            return nil
        }
        return (day, place(node))
    }

    /// `true` or `false` (YAML's other spellings, such as `yes`, are refused as unclear).
    package func bool(_ key: String) -> Bool? {
        guard let node = value(key, required: false) else { return nil }
        guard case .scalar(let scalar) = node, ["true", "false"].contains(scalar.string.lowercased()) else {
            wrongType(key, expected: "true or false", found: node)
            return nil
        }
        return scalar.string.lowercased() == "true"
    }

    package func positiveInt(_ key: String, required: Bool = true) -> Int? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node, let number = Int(scalar.string), number > 0 else {
            wrongType(key, expected: "a whole number above 0", found: node)
            return nil
        }
        return number
    }

    package func choice<Value: RawRepresentable & CaseIterable>(_ key: String, required: Bool = true) -> Value?
    where Value.RawValue == String {
        guard let node = value(key, required: required) else { return nil }
        return choice(node, field: key)
    }

    package func choice<Value: RawRepresentable & CaseIterable>(_ node: Node, field key: String) -> Value?
    where Value.RawValue == String {
        guard case .scalar(let scalar) = node else {
            wrongType(key, expected: "one word", found: node)
            return nil
        }
        if let value = Value(rawValue: scalar.string) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        issues.add(
            .error(
                "unknown-value",
                "unknown \(key) '\(scalar.string)'\(Suggestion.didYouMean(scalar.string, in: allowed))",
                at: place(node), hint: "\(key) is one of: \(allowed.joined(separator: ", "))"))
        return nil
    }

    /// An id, defining something (`id:`) or referring to something defined elsewhere.
    package func id(_ key: String, required: Bool = true) -> Reference? {
        guard let node = value(key, required: required) else { return nil }
        return id(node, field: key)
    }

    package func id(_ node: Node, field key: String) -> Reference? {
        guard case .scalar(let scalar) = node else {
            wrongType(key, expected: "an id", found: node)
            return nil
        }
        guard Identifier.isValid(scalar.string) else {
            issues.add(
                .error(
                    "bad-id", "'\(scalar.string)' in '\(key)' is not a valid id", at: place(node),
                    hint: Identifier.rule))
            return nil
        }
        return Reference(id: scalar.string, location: place(node))
    }

    package func list(_ key: String, required: Bool = false) -> [Node]? {
        guard let node = value(key, required: required) else { return nil }
        guard case .sequence(let sequence) = node else {
            wrongType(key, expected: "a list", found: node)
            return nil
        }
        return Array(sequence)
    }

    package func stringList(_ key: String, required: Bool = false) -> [String]? {
        guard let nodes = list(key, required: required) else { return nil }
        return nodes.compactMap { node in
            guard case .scalar(let scalar) = node, !scalar.isNull else {
                wrongType(key, expected: "a list of text", found: node)
                return nil
            }
            return scalar.string
        }
    }

    package func idList(_ key: String) -> [Reference]? {
        list(key)?.compactMap { id($0, field: key) }
    }

    /// A list of mappings, each read by `read`; nil when any of them failed.
    package func records<Record>(
        _ key: String, what: String, known: [String], required: Bool = false,
        _ read: (FieldReader) -> Record?
    ) -> [Record]? {
        guard let nodes = list(key, required: required) else { return nil }
        let records = nodes.compactMap { node in
            FieldReader(
                node, what: what, known: known, file: file, lineOffset: lineOffset, yaml: yaml, issues: issues,
                fallback: location
            ).flatMap(read)
        }
        // A record that failed has been reported; using the rest would report knock-on problems
        // (a "single contact" when the second one had a typo).
        return records.count == nodes.count ? records : nil
    }

    /// A nested mapping.
    package func nested(_ key: String, what: String, known: [String], required: Bool = true) -> FieldReader? {
        guard let node = value(key, required: required) else { return nil }
        return FieldReader(
            node, what: what, known: known, file: file, lineOffset: lineOffset, yaml: yaml, issues: issues,
            fallback: location)
    }

    /// An email address, checked enough that it is safe in a `mailto:` link.
    package func email(_ key: String, required: Bool = true) -> String? {
        guard let text = string(key, required: required) else { return nil }
        // Keys derive from the address (docs/security.md, "People and epochs"): only an ASCII
        // address has one lower case that every implementation agrees on.
        guard text.unicodeScalars.allSatisfy(\.isASCII) else {
            issues.add(
                .error(
                    "non-ascii-email", "'\(text)' in '\(key)' has characters outside ASCII",
                    at: entry(key).map { place($0.value) } ?? location,
                    hint: "write the address in ASCII: a domain in its xn-- form, a mailbox as the provider spells "
                        + "it in ASCII"))
            return nil
        }
        return checkedString(
            key, required: required, code: "bad-email", expected: "an email address",
            hint: "write one address such as name@example.com", FieldReader.isEmail)
    }

    /// One plain address, safe in a `mailto:` link: the rule every `email` field follows.
    package static func isEmail(_ text: String) -> Bool {
        let forbidden: Set<Character> = [
            "<", ">", "\"", "'", "(", ")", ",", ";", ":", "\\", "[", "]", "?", "&", "#", "%",
        ]
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: { $0.isWhitespace || forbidden.contains($0) })
    }

    /// An http or https URL; other schemes are refused because they end up in links.
    package func webURL(_ key: String, required: Bool = false) -> String? {
        checkedString(
            key, required: required, code: "bad-url", expected: "an http or https URL",
            hint: "write a full address such as https://example.com/"
        ) { text in
            let lower = text.lowercased()
            return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && text.count > 8
                && !text.contains(where: { $0.isWhitespace })
        }
    }

    /// A string that must pass `isValid`; otherwise an error with `code` points at the value.
    package func checkedString(
        _ key: String, required: Bool, code: String, expected: String, hint: String, _ isValid: (String) -> Bool
    ) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard isValid(text) else {
            issues.add(
                .error(
                    code, "'\(text)' in '\(key)' is not \(expected)",
                    at: entry(key).map { place($0.value) } ?? location,
                    hint: hint))
            return nil
        }
        return text
    }
}

extension Node.Scalar {
    /// `~`, `null` or nothing at all, written without quotes.
    package var isNull: Bool {
        style == .plain && ["", "~", "null", "Null", "NULL"].contains(string)
    }
}

/// The diagnostics found while reading one file.
package final class IssueList {
    package private(set) var items: [Diagnostic] = []
    package init() {}
    package func add(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    package var hasErrors: Bool { items.contains { $0.severity == .error } }
}
