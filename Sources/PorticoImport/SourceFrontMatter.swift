import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport
import TOMLKit
import Yams

/// The front matter of a document being imported, read from YAML between `---` lines (Jekyll,
/// Hugo, Docusaurus, Starlight, Obsidian), TOML between `+++` lines (Hugo) or `Key: value` lines
/// before the first blank line (MkDocs and Python-Markdown meta-data), and the body after it.
package struct SourceFrontMatter: Sendable {
    package enum Format: Sendable {
        case none, yaml, toml, meta
    }

    package var format: Format
    package var fields: [String: FrontMatterValue]
    package var body: String
    /// Line of the source file on which `body` starts.
    package var bodyFirstLine: Int

    /// Front matter that cannot be read; the document is not imported rather than imported
    /// without the fields it meant to have.
    package struct Problem: Error, Sendable {
        package var line: Int
        package var column: Int
        package var message: String
    }

    /// Splits `text` (with `\n` line ends). A file that does not open with a fence, or whose
    /// fence never closes, has no front matter: a lone `---` at the top is then a thematic break.
    package static func read(_ text: String) -> Result<SourceFrontMatter, Problem> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let plain = SourceFrontMatter(format: .none, fields: [:], body: text, bodyFirstLine: 1)
        guard let first = lines.first else { return .success(plain) }
        let format: Format
        let closers: [Substring]
        switch trimmedEnd(first) {
        case "---":
            format = .yaml
            closers = ["---", "..."]
        case "+++":
            format = .toml
            closers = ["+++"]
        default:
            return .success(metaData(lines) ?? plain)
        }
        guard let close = lines.indices.dropFirst().first(where: { closers.contains(trimmedEnd(lines[$0])) }) else {
            return .success(plain)
        }
        let source = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        let fields: Result<[String: FrontMatterValue], Problem> =
            format == .toml ? readTOML(source, firstLine: 2) : readYAML(source, firstLine: 2)
        return fields.map { SourceFrontMatter(format: format, fields: $0, body: body, bodyFirstLine: close + 2) }
    }

    private static func trimmedEnd(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == " " || last == "\t" { line.removeLast() }
        return line
    }

    // MARK: Meta-data

    /// Keys that mark a top block of `Key: value` lines as meta-data rather than prose that
    /// happens to start with a colon ("Note: ...").
    package static let metaKeys: Set<String> = [
        "title", "summary", "description", "date", "authors", "author", "tags", "keywords", "template",
    ]

    /// MultiMarkdown-style meta-data: `Key: value` lines, values continued on lines indented by
    /// four spaces or a tab, ended by a blank line.
    private static func metaData(_ lines: [Substring]) -> SourceFrontMatter? {
        var fields: [String: [String]] = [:]
        var order: [String] = []
        var current: String?
        var end = 0
        for line in lines {
            if line.allSatisfy(\.isWhitespace) { break }
            if let key = current, line.hasPrefix("    ") || line.hasPrefix("\t") {
                fields[key, default: []].append(line.trimmingCharacters(in: .whitespaces))
            } else if let colon = line.firstIndex(of: ":"),
                case let key = line[..<colon].lowercased(),
                !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
            {
                current = key
                order.append(key)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                fields[key, default: []] += value.isEmpty ? [] : [value]
            } else {
                return nil
            }
            end += 1
        }
        guard end > 0, end < lines.count, order.contains(where: metaKeys.contains) else { return nil }
        var table: [String: FrontMatterValue] = [:]
        for (key, values) in fields where !values.isEmpty {
            table[key] = values.count == 1 ? .text(values[0]) : .list(values.map(FrontMatterValue.text))
        }
        let body = lines[(end + 1)...].joined(separator: "\n")
        return SourceFrontMatter(format: .meta, fields: table, body: body, bodyFirstLine: end + 2)
    }

    // MARK: YAML

    private static func readYAML(_ yaml: String, firstLine: Int) -> Result<[String: FrontMatterValue], Problem> {
        switch YAMLDocument.parse(yaml, path: "", firstLine: firstLine) {
        case .failure(let diagnostic):
            let place = diagnostic.location ?? SourceLocation(file: "", line: firstLine)
            return .failure(Problem(line: place.line, column: place.column, message: diagnostic.message))
        case .success(nil):
            return .success([:])
        case .success(.some(let node)):
            guard case .mapping(let mapping) = node else {
                if case .scalar(let scalar) = node, scalar.isNull { return .success([:]) }
                return .failure(
                    Problem(
                        line: firstLine, column: 1, message: "the front matter is not a list of 'key: value' fields"))
            }
            return .success(table(mapping))
        }
    }

    private static func table(_ mapping: Node.Mapping) -> [String: FrontMatterValue] {
        var fields: [String: FrontMatterValue] = [:]
        for (key, value) in mapping {
            guard case .scalar(let name) = key, let converted = convert(value) else { continue }
            fields[name.string] = converted
        }
        return fields
    }

    /// nil for null values, so `title:` with nothing after it counts as no title.
    private static func convert(_ node: Node) -> FrontMatterValue? {
        switch node {
        case .scalar(let scalar):
            return scalar.isNull ? nil : .text(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.compactMap(convert))
        case .mapping(let mapping):
            return .table(table(mapping))
        case .alias:
            // Yams resolves aliases while composing; an alias node left over carries no value.
            return nil
        }
    }

    // MARK: TOML

    private static func readTOML(_ toml: String, firstLine: Int) -> Result<[String: FrontMatterValue], Problem> {
        do {
            let table = try TOMLTable(string: toml)
            return .success(convert(table))
        } catch let error as TOMLParseError {
            return .failure(
                Problem(
                    line: error.source.begin.line + firstLine - 1, column: error.source.begin.column,
                    message: "invalid TOML: \(error.description)"))
        } catch {
            return .failure(Problem(line: firstLine, column: 1, message: "invalid TOML: \(error)"))
        }
    }

    private static func convert(_ table: TOMLTable) -> [String: FrontMatterValue] {
        var fields: [String: FrontMatterValue] = [:]
        for key in table.keys {
            if let value = table[key] {
                fields[key] = convert(value.tomlValue)
            }
        }
        return fields
    }

    private static func convert(_ value: TOMLValue) -> FrontMatterValue {
        switch value.type {
        case .table:
            return .table(value.table.map(convert) ?? [:])
        case .array:
            return .list(value.array.map { array in array.map { convert($0.tomlValue) } } ?? [])
        case .string:
            return .text(value.string ?? "")
        case .int:
            return .text(value.int.map(String.init) ?? "")
        case .double:
            return .text(value.double.map { String($0) } ?? "")
        case .bool:
            return .text(value.bool.map { $0 ? "true" : "false" } ?? "")
        case .date:
            return .text(value.date.map(text) ?? "")
        case .time:
            return .text(value.time.map(text) ?? "")
        case .dateTime:
            return .text(value.dateTime.map { text($0.date) + "T" + text($0.time) } ?? "")
        }
    }

    private static func text(_ date: TOMLDate) -> String {
        Day(year: date.year, month: date.month, day: date.day)?.description
            ?? "\(date.year)-\(date.month)-\(date.day)"
    }

    private static func text(_ time: TOMLTime) -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))"
    }
}
