/// The reference part of docs/templates.md, written from the context types (`make docs`), so
/// that every key a template can read is listed with its type and meaning, and no other.
package enum TemplateReference {
    package static let begin = "<!-- BEGIN REFERENCE: generated from Sources/PorticoSite/Context by `make docs` -->"
    package static let end = "<!-- END REFERENCE -->"

    package static func markdown() -> String {
        var shapes: [ContextSchema] = []
        var lines: [String] = []
        let shared = PageFrame.fields.schema
        lines += [
            "### Every page receives", "",
            "Each page's template gets these keys beside its own. The 404 page also has `inline_css`, a private "
                + "page's shell `sealed`; an email has `root`, `program`, `site` and `mail`, and no `page` or `nav`.",
            "",
        ]
        lines += table(
            shared.fields + ThemeContract.extraFrameFields(of: .notFound)
                + ThemeContract.extraFrameFields(of: .sealed) + PageFrame.mailFields.map(field), shapes: &shapes)
        // Templates that receive the same keys (refer and register, an email's two parts) share a table.
        var groups: [(templates: [String], own: ContextSchema)] = []
        for root in ThemeContract.roots {
            if root.own.name != NoOwnKeys.schema.name,
                let index = groups.firstIndex(where: { $0.own.name == root.own.name })
            {
                groups[index].templates.append(root.template)
            } else {
                groups.append(([root.template], root.own))
            }
        }
        for group in groups {
            lines += ["", "### " + group.templates.map { "`\($0)`" }.joined(separator: " and "), ""]
            lines += [group.own.summary, ""]
            lines += group.own.fields.isEmpty ? ["No keys of its own."] : table(group.own.fields, shapes: &shapes)
        }
        lines += ["", "### Shapes", "", "The values the keys above hold, each defined once.", ""]
        var index = 0
        var listed: Set<String> = []
        while index < shapes.count {
            let shape = shapes[index]
            index += 1
            guard listed.insert(shape.name).inserted else { continue }
            lines += ["#### Shape: \(shape.name)", "", shape.summary, ""]
            lines += table(shape.fields, shapes: &shapes)
            lines.append("")
        }
        while lines.last == "" { lines.removeLast() }
        return ([begin, ""] + lines + ["", end]).joined(separator: "\n")
    }

    /// `text` with its reference part replaced by `markdown()`; nil when it has no such part.
    package static func updating(_ text: String) -> String? {
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[..<start.lowerBound]) + markdown() + String(text[stop.upperBound...])
    }

    private static func field(_ field: ContextField<PageFrame>) -> ContextSchema.Field {
        ContextSchema.Field(name: field.name, type: field.type, meaning: field.meaning)
    }

    private static func table(_ fields: [ContextSchema.Field], shapes: inout [ContextSchema]) -> [String] {
        var rows = ["| key | type | what it is |", "| --- | --- | --- |"]
        for field in fields {
            rows.append("| `\(field.name)` | \(describe(field.type, shapes: &shapes)) | \(escaped(field.meaning)) |")
        }
        return rows
    }

    private static func describe(_ type: ContextSchema.ValueType, shapes: inout [ContextSchema]) -> String {
        switch type {
        case .text: return "text"
        case .html: return "HTML"
        case .flag: return "flag"
        case .number: return "number"
        case .textList: return "list of text"
        case .object(let schema):
            shapes.append(schema)
            return link(schema)
        case .list(let schema):
            shapes.append(schema)
            return "list of " + link(schema)
        }
    }

    private static func link(_ schema: ContextSchema) -> String {
        "[\(schema.name)](#shape-\(schema.name.replacingOccurrences(of: " ", with: "-")))"
    }

    private static func escaped(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
