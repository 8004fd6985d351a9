import PorticoMarkdown
import PorticoModel
import PorticoSupport
import Yams

/// Parses YAML text into Yams nodes, turning libyaml's errors into diagnostics at their place.
package enum YAMLDocument {
    /// Parses `yaml` whose first line is line `firstLine` of the file `path`.
    package static func parse(_ yaml: String, path: String, firstLine: Int) -> Result<Node?, Diagnostic> {
        let lineOffset = firstLine - 1
        func place(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column)
        }
        if let (line, column) = AliasExpansionGuard.firstExcessiveAlias(in: yaml) {
            return .failure(
                .error(
                    "yaml-alias-bomb",
                    "YAML aliases expand to more than \(AliasExpansionGuard.limit) values; refusing to read further",
                    at: SourceLocation(file: path, line: line + lineOffset, column: column),
                    hint: "write the values out instead of repeating anchors inside anchors"))
        }
        do {
            // The encoding is given because Yams's default reads the whole process environment
            // on every parse, which was a third of the YAML time of a large library's load.
            // Content fields are read from the text of their scalars, never from an implicit tag,
            // so no scalar is matched against the default resolver's patterns: that took as long
            // as the rest of the parse. Keys are then compared as text when duplicates are sought.
            return .success(try Yams.compose(yaml: yaml, .basic, .default, .utf8))
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _),
                .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                if problem.hasPrefix("Maximum nesting level") {
                    return .failure(
                        .error(
                            "yaml-syntax", "invalid YAML: values are nested too deeply", at: place(mark),
                            hint: "content files need only a few levels of lists and mappings"))
                }
                let during = context.map { " (\($0.text))" } ?? ""
                return .failure(.error("yaml-syntax", "invalid YAML: \(problem)\(during)", at: place(mark)))
            case .duplicatedKeysInMapping(let duplicates, let context):
                let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                return .failure(
                    .error(
                        "duplicate-key", "key \(names) appears more than once in the same mapping",
                        at: place(context.mark), hint: "keep one of them"))
            case .reader(let problem, _, _, _):
                return .failure(
                    .error("yaml-syntax", "invalid YAML: \(problem)", at: SourceLocation(file: path, line: firstLine)))
            default:
                return .failure(
                    .error("yaml-syntax", "invalid YAML: \(error)", at: SourceLocation(file: path, line: firstLine)))
            }
        } catch {
            return .failure(
                .error("yaml-syntax", "invalid YAML: \(error)", at: SourceLocation(file: path, line: firstLine)))
        }
    }
}
