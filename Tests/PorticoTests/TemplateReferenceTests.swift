import Foundation
import PorticoSite
import Testing

/// docs/templates.md lists every key from the context types themselves; `make docs` rewrites it.
@Suite struct TemplateReferenceTests {
    static let docs = PorticoRun.packageRoot.appendingPathComponent("docs/templates.md")

    @Test func theCommittedReferenceIsTheOneTheTypesGive() throws {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        let updated = try #require(TemplateReference.updating(text), "docs/templates.md has no reference markers")
        if ProcessInfo.processInfo.environment["PORTICO_WRITE_DOCS"] == "1", updated != text {
            try updated.write(to: Self.docs, atomically: true, encoding: .utf8)
            return
        }
        #expect(updated == text, "docs/templates.md is out of date: run `make docs`")
    }

    @Test func everyShapeNameStandsForOneShape() {
        var byName: [String: [String]] = [:]
        var mismatched: [String] = []
        func visit(_ schema: ContextSchema) {
            let keys = schema.fields.map(\.name)
            if let known = byName[schema.name] {
                if known != keys { mismatched.append(schema.name) }
                return
            }
            byName[schema.name] = keys
            for field in schema.fields {
                switch field.type {
                case .object(let child), .list(let child): visit(child)
                default: break
                }
            }
        }
        for root in ThemeContract.roots { visit(root.own) }
        #expect(mismatched == [])
        #expect(byName["person"]?.contains("has_email") == true)
    }

    @Test func everyPageKindIsDocumented() {
        let headings = TemplateReference.markdown().split(separator: "\n").filter { $0.hasPrefix("### ") }
        for template in PageKind.allCases.map(\.template) + ["email/brief-text", "email/welcome-html"] {
            #expect(headings.contains { $0.contains("`\(template)`") }, "\(template) has no heading")
        }
    }
}
