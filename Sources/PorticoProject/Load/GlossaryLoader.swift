import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Reads `glossary.yml`: a `terms` list of `term`, `definition` and optional `also` (other
/// spellings).
package enum GlossaryLoader {
    package static let fields = ["terms"]
    package static let termFields = ["term", "definition", "also"]

    package static func read(_ fields: FieldReader) -> [GlossaryTerm]? {
        fields.records("terms", what: "a glossary term", known: termFields, required: true) { term in
            let name = term.string("term")
            let definition = term.markdown("definition")
            let also = term.stringList("also") ?? []
            guard let name, let definition else { return nil }
            return GlossaryTerm(term: name, aliases: also, definition: definition, source: term.location)
        }
    }
}
