import PorticoSupport

/// Reads every template a page or email renders, partials and parents followed, against the
/// context type it will receive (ThemeContract), as Mustache looks names up: the first part of
/// a name on the context stack from the innermost section out, the rest inside it. A key no
/// context has, or a section over a value that is not a list, a flag or an object, is an error
/// at the tag: swift-mustache would render it as nothing, or as the section always shown.
package struct ThemeCheck {
    /// What a section has put on the context stack.
    private enum Scope {
        case object(ContextSchema)
        /// An item of a list of strings, read as `{{.}}`.
        case text
        /// After an error: anything goes, so one mistake is reported once.
        case anything
    }

    private let templates: [String: (file: Theme.File, tags: [TemplateTag])]
    private var issues: [Diagnostic] = []
    private var reported: Set<String> = []
    private var walked: Set<String> = []

    /// The problems of `theme`'s templates, given their text by name.
    package static func problems(in sources: [(name: String, file: Theme.File, text: String)]) -> [Diagnostic] {
        var check = ThemeCheck(
            templates: Dictionary(
                sources.map { ($0.name, (file: $0.file, tags: TemplateTag.scan($0.text))) },
                uniquingKeysWith: { a, _ in a }
            ))
        for root in ThemeContract.roots where check.templates[root.template] != nil {
            check.walk(root.template, stack: [.object(root.schema)], depth: 0)
        }
        return check.issues
    }

    private init(templates: [String: (file: Theme.File, tags: [TemplateTag])]) {
        self.templates = templates
    }

    private mutating func walk(_ name: String, stack start: [Scope], depth: Int) {
        // A partial is checked once for each context it is included from.
        let key = name + "|" + start.map(Self.describe).joined(separator: ">")
        guard depth < 32, let template = templates[name], walked.insert(key).inserted else { return }
        var stack = start
        var pushed: [Bool] = []
        for tag in template.tags {
            switch tag.kind {
            case .variable, .unescaped:
                guard let type = resolve(tag, stack: stack, file: template.file) else { continue }
                switch type {
                case .list, .textList, .object:
                    report(
                        "template-not-a-value",
                        "'\(tag.name)' is \(Self.describe(type)), which a variable tag cannot show",
                        tag, template.file, hint: "write {{#\(tag.name)}}…{{/\(tag.name)}} to show what it holds")
                default: break
                }
            case .section:
                let scope = sectionScope(tag, stack: stack, file: template.file)
                if let scope { stack.append(scope) }
                pushed.append(scope != nil)
            case .inverted:
                _ = resolve(tag, stack: stack, file: template.file)
                pushed.append(false)
            case .block, .parent:
                if tag.kind == .parent { walk(tag.name, stack: stack, depth: depth + 1) }
                pushed.append(false)
            case .close:
                if pushed.popLast() == true { stack.removeLast() }
            case .partial:
                if !tag.name.hasPrefix("*") { walk(tag.name, stack: stack, depth: depth + 1) }
            case .other:
                break
            }
        }
    }

    /// What a section over `tag`'s value puts on the stack; nil when it puts nothing (a flag).
    private mutating func sectionScope(_ tag: TemplateTag, stack: [Scope], file: Theme.File) -> Scope? {
        guard let type = resolve(tag, stack: stack, file: file) else { return .anything }
        switch type {
        case .flag: return nil
        case .object(let schema), .list(let schema): return .object(schema)
        case .textList: return .text
        case .text, .html, .number:
            report(
                "template-section-type",
                "'\(tag.name)' is \(Self.describe(type)), not a list, a flag or an object: a section over it is "
                    + "shown whenever it is set, even when empty",
                tag, file, hint: "use its has_ flag for the section, or show it with {{\(tag.name)}}")
            return .anything
        }
    }

    /// The type of the value `tag` names, or nil when it cannot be known here (after an error,
    /// or through a transform); reports a name no context has.
    private mutating func resolve(_ tag: TemplateTag, stack: [Scope], file: Theme.File) -> ContextSchema.ValueType? {
        var name = tag.name
        // `{{uppercased(name)}}`: a transform of swift-mustache; `first()` and the like read the list.
        if name.hasSuffix(")"), let open = name.firstIndex(of: "(") {
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            if name.isEmpty { return nil }
            _ = resolveName(name, tag: tag, stack: stack, file: file)
            return nil
        }
        return resolveName(name, tag: tag, stack: stack, file: file)
    }

    private mutating func resolveName(
        _ name: String, tag: TemplateTag, stack: [Scope], file: Theme.File
    ) -> ContextSchema.ValueType? {
        if name == "." {
            switch stack.last {
            case .object(let schema)?: return .object(schema)
            case .text?: return .text
            default: return nil
            }
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { return nil }
        let searched = name.hasPrefix(".") ? Array(stack.suffix(1)) : stack
        var type: ContextSchema.ValueType?
        for scope in searched.reversed() {
            switch scope {
            case .anything: return nil
            case .text: continue
            case .object(let schema):
                if let field = schema.field(named: first) { type = field.type }
            }
            if type != nil { break }
        }
        guard var current = type else {
            let visible = searched.reversed().flatMap { scope -> [String] in
                if case .object(let schema) = scope { return schema.fields.map(\.name) }
                return []
            }
            report(
                "template-unknown-key",
                "unknown key '\(first)'\(Suggestion.didYouMean(first, in: visible))", tag, file,
                hint: "docs/templates.md lists the keys each template receives")
            return nil
        }
        var path = first
        for part in parts.dropFirst() {
            guard case .object(let schema) = current else {
                report(
                    "template-unknown-key",
                    "unknown key '\(name)': '\(path)' is \(Self.describe(current)), which has no keys",
                    tag, file)
                return nil
            }
            guard let field = schema.field(named: part) else {
                report(
                    "template-unknown-key",
                    "unknown key '\(name)': \(schema.name) has no key '\(part)'"
                        + Suggestion.didYouMean(part, in: schema.fields.map(\.name)),
                    tag, file)
                return nil
            }
            current = field.type
            path += "." + part
        }
        return current
    }

    private mutating func report(
        _ code: String, _ message: String, _ tag: TemplateTag, _ file: Theme.File, hint: String? = nil
    ) {
        let location = SourceLocation(file: file.displayPath, line: tag.line, column: tag.column)
        guard reported.insert("\(file.displayPath):\(tag.line):\(tag.column):\(message)").inserted else { return }
        issues.append(.error(code, message, at: location, hint: hint))
    }

    private static func describe(_ scope: Scope) -> String {
        switch scope {
        case .object(let schema): schema.name
        case .text: "text"
        case .anything: "?"
        }
    }

    private static func describe(_ type: ContextSchema.ValueType) -> String {
        switch type {
        case .text: "text"
        case .html: "HTML"
        case .flag: "a flag"
        case .number: "a number"
        case .textList: "a list of text"
        case .object(let schema): "an object (\(schema.name))"
        case .list(let schema): "a list (of \(schema.name))"
        }
    }
}
