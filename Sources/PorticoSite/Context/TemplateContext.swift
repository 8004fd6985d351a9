import Mustache
import PorticoModel

/// A value a template reads. Its keys are declared once, in `fields`: the renderer looks values
/// up through them (`child(named:)`), and the theme check and docs/templates.md read the same
/// declaration, so what a theme may use and what it gets cannot differ.
package protocol TemplateContext: MustacheParent, Sendable {
    static var fields: ContextFields<Self> { get }
}

extension TemplateContext {
    package func child(named name: String) -> Any? { Self.fields.value(named: name, of: self) }
    package static var schema: ContextSchema { fields.schema }
}

/// A context as Mustache holds it while rendering: one type for every context, one reference
/// wide. Mustache keeps every value as `Any` and casts it to its protocols at each lookup, on
/// every level of its stack. A struct of a dozen strings was copied into a new box at each cast;
/// and each distinct type costs the runtime a search of every conformance the program has, for
/// each protocol it is cast to, so one type serves them all.
package struct ContextReference: MustacheParent, Sendable {
    private let box: ContextBox

    package init<Context: TemplateContext>(_ context: Context) { box = TypedContextBox(context) }

    package func child(named name: String) -> Any? { box.child(named: name) }
}

private class ContextBox: @unchecked Sendable {
    func child(named name: String) -> Any? { nil }
}

/// Immutable once made, so sharing it between render workers is safe.
private final class TypedContextBox<Context: TemplateContext>: ContextBox, @unchecked Sendable {
    let context: Context

    init(_ context: Context) { self.context = context }

    override func child(named name: String) -> Any? { context.child(named: name) }
}

/// What a template may read from one context type: the keys, what each holds and means.
package struct ContextSchema: Sendable {
    package indirect enum ValueType: Sendable {
        /// A string, HTML-escaped by `{{name}}`.
        case text
        /// HTML Portico has rendered and made safe, for `{{{name}}}`.
        case html
        /// True or false, for `{{#name}}` and `{{^name}}`.
        case flag
        case number
        case textList
        case object(ContextSchema)
        case list(ContextSchema)
    }

    package struct Field: Sendable {
        package let name: String
        package let type: ValueType
        package let meaning: String
    }

    /// What the shape is called in docs/templates.md ("person", "asset summary").
    package let name: String
    package let summary: String
    package let fields: [Field]

    package func field(named name: String) -> Field? { fields.first { $0.name == name } }
}

/// One key of a context type: its name, type and meaning, and how to read it from a value.
/// A value that is nil is missing, so Mustache looks for the name further up the stack.
package struct ContextField<Root>: Sendable {
    package let name: String
    package let type: ContextSchema.ValueType
    package let meaning: String
    package let value: @Sendable (Root) -> Any?

    package static func text(
        _ name: String, _ meaning: String, _ value: @escaping @Sendable (Root) -> String?
    ) -> ContextField {
        plain(name, .text, meaning, value)
    }

    package static func html(
        _ name: String, _ meaning: String, _ value: @escaping @Sendable (Root) -> String?
    ) -> ContextField {
        plain(name, .html, meaning, value)
    }

    package static func flag(
        _ name: String, _ meaning: String, _ value: @escaping @Sendable (Root) -> Bool?
    ) -> ContextField {
        plain(name, .flag, meaning, value)
    }

    package static func number(
        _ name: String, _ meaning: String, _ value: @escaping @Sendable (Root) -> Int?
    ) -> ContextField {
        plain(name, .number, meaning, value)
    }

    package static func texts(
        _ name: String, _ meaning: String, _ value: @escaping @Sendable (Root) -> [String]?
    ) -> ContextField {
        plain(name, .textList, meaning, value)
    }

    /// A value Mustache shows or tests as it is: text, HTML, a flag, a number, a list of text.
    private static func plain<Value: Sendable>(
        _ name: String, _ type: ContextSchema.ValueType, _ meaning: String,
        _ value: @escaping @Sendable (Root) -> Value?
    ) -> ContextField {
        ContextField(name: name, type: type, meaning: meaning) { value($0).map { $0 as Any } }
    }

    package static func object<Child: TemplateContext>(
        _ name: String, _ meaning: String, _ value: @escaping @Sendable (Root) -> Child?
    ) -> ContextField {
        ContextField(name: name, type: .object(Child.schema), meaning: meaning) {
            value($0).map { ContextReference($0) as Any }
        }
    }

    package static func list<Child: TemplateContext>(
        _ name: String, _ meaning: String, _ value: @escaping @Sendable (Root) -> [Child]?
    ) -> ContextField {
        ContextField(name: name, type: .list(Child.schema), meaning: meaning) {
            value($0).map { $0.map { ContextReference($0) } as Any }
        }
    }

    /// A list whose items are made as the template reaches them (LazyContextList).
    package static func lazyList<Element, Child>(
        _ name: String, _ meaning: String, _ value: @escaping @Sendable (Root) -> LazyContextList<Element, Child>
    ) -> ContextField {
        ContextField(name: name, type: .list(Child.schema), meaning: meaning) { value($0) }
    }
}

/// The keys of one context type, looked up by name when a template renders.
package struct ContextFields<Root>: Sendable {
    package let schema: ContextSchema
    package let all: [ContextField<Root>]
    private let byName: [String: @Sendable (Root) -> Any?]

    package init(_ name: String, _ summary: String, _ fields: [ContextField<Root>]) {
        self.all = fields
        self.schema = ContextSchema(
            name: name, summary: summary,
            fields: fields.map { ContextSchema.Field(name: $0.name, type: $0.type, meaning: $0.meaning) })
        var byName: [String: @Sendable (Root) -> Any?] = [:]
        // The first declaration of a name wins, so a shape can extend another and replace a key.
        for field in fields where byName[field.name] == nil { byName[field.name] = field.value }
        self.byName = byName
    }

    package func value(named name: String, of root: Root) -> Any? {
        guard let read = byName[name] else { return nil }
        return read(root)
    }

    /// These keys as keys of a type that holds this one (`\.summary`), for a shape that is
    /// another "plus" some keys of its own.
    package func lifted<Outer>(_ path: @escaping @Sendable (Outer) -> Root) -> [ContextField<Outer>] {
        all.map { field in
            let read = field.value
            return ContextField<Outer>(name: field.name, type: field.type, meaning: field.meaning) { read(path($0)) }
        }
    }
}
