import Foundation
import Mustache
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The theme's Mustache templates, parsed once and shared by every render worker.
public struct TemplateSet: Sendable {
    package let library: MustacheLibrary
    package let names: Set<String>

    /// Parses every template of `theme`; each parse error, unknown partial or missing page
    /// template becomes a diagnostic naming the template file and line.
    public static func load(from theme: Theme, requiring required: [String], log: DiagnosticLog) -> TemplateSet? {
        var library = MustacheLibrary()
        var names: Set<String> = []
        var issues: [Diagnostic] = []
        var sources: [(name: String, file: Theme.File, text: String)] = []
        for (name, file) in theme.templates {
            guard let text = String(data: file.data, encoding: .utf8) else {
                issues.append(
                    .error("not-utf8", "template is not valid UTF-8", at: SourceLocation(file: file.displayPath)))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
                sources.append((name, file, text))
            } catch let error as MustacheTemplate.ParserError {
                issues.append(
                    .error(
                        "template-syntax", "template syntax error: \(describe(error.error))",
                        at: SourceLocation(
                            file: file.displayPath, line: error.context.lineNumber,
                            column: error.context.columnNumber + 1)))
            } catch {
                issues.append(
                    .error(
                        "template-syntax", "template syntax error: \(error)", at: SourceLocation(file: file.displayPath)
                    ))
            }
        }
        for source in sources {
            issues += unknownPartials(in: source.text, file: source.file, known: names)
        }
        // Keys the context types cannot provide; only once the templates parse and every partial is known.
        if issues.isEmpty { issues += ThemeCheck.problems(in: sources) }
        for name in required where !theme.files.keys.contains(name + ".mustache") {
            issues.append(
                .error("missing-template", "the theme has no '\(name).mustache' template", at: nil))
        }
        log.report(contentsOf: issues)
        return issues.isEmpty ? TemplateSet(library: library, names: names) : nil
    }

    package func render<Context: TemplateContext>(_ context: Context, template: String) -> String? {
        library.render(ContextReference(context), withTemplate: template)
    }

    /// swift-mustache renders an unknown partial as nothing; a theme author wants to hear about it.
    package static func unknownPartials(in text: String, file: Theme.File, known: Set<String>) -> [Diagnostic] {
        references(in: text).compactMap { reference in
            guard !reference.name.hasPrefix("*"), !known.contains(reference.name) else { return nil }
            let kind = reference.isParent ? "parent template" : "partial"
            return .error(
                "unknown-template",
                "unknown \(kind) '\(reference.name)'\(Suggestion.didYouMean(reference.name, in: known))",
                at: SourceLocation(file: file.displayPath, line: reference.line, column: reference.column))
        }
    }

    /// The partials (`{{> name}}`) and parent templates (`{{< name}}`) a template names, with
    /// where; a name starting with `*` is a dynamic partial, chosen by the context.
    package static func references(in text: String) -> [(name: String, isParent: Bool, line: Int, column: Int)] {
        var found: [(String, Bool, Int, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.firstUTF8Range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let marker = afterOpen.first, marker == ">" || marker == "<",
                    let close = afterOpen.firstUTF8Range(of: "}}")
                else {
                    rest = afterOpen
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                if !name.isEmpty {
                    found.append(
                        (name, marker == "<", index + 1, line.distance(from: line.startIndex, to: open.lowerBound) + 1))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return found
    }

    /// For each template, every template rendering it can use: itself, and the partials and
    /// parents it names, followed to the end. Nil when a template names a dynamic partial, which
    /// could be any.
    package static func uses(_ theme: Theme) -> [String: Set<String>]? {
        var direct: [String: Set<String>] = [:]
        for (name, file) in theme.templates {
            let named = references(in: String(decoding: file.data, as: UTF8.self)).map(\.name)
            guard !named.contains(where: { $0.hasPrefix("*") }) else { return nil }
            direct[name] = Set(named)
        }
        var closure: [String: Set<String>] = [:]
        for name in direct.keys {
            var seen: Set<String> = [name]
            var queue = [name]
            while let next = queue.popLast() {
                for used in direct[next] ?? [] where seen.insert(used).inserted { queue.append(used) }
            }
            closure[name] = seen
        }
        return closure
    }

    package static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with a name that does not match its opening tag"
        case .unfinishedName: return "tag is not closed with '}}'"
        case .expectedSectionEnd: return "section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only blocks may appear inside a parent template tag"
        case .textInsideInheritSection: return "only blocks may appear inside a parent template tag"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "invalid configuration tag"
        @unknown default: return "\(error)"
        }
    }
}
