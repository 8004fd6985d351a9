import PorticoModel
import PorticoSupport
import Yams

/// Reads `pipeline:` of program.yml: one export shape, or a list of them when the program's
/// opportunities come from more than one CRM (a HubSpot export and a Salesforce report).
package enum PipelineSettingsLoader {
    package static let exportFields = ["files", "columns", "stages", "dates", "delimiter"]
    package static let stageFields = ["qualified", "won", "lost"]

    package static func read(_ fields: FieldReader) -> [PipelineExport]? {
        guard let (_, node) = fields.entry("pipeline") else { return [] }
        let nodes: [Node]
        if case .sequence(let sequence) = node { nodes = Array(sequence) } else { nodes = [node] }
        let exports = nodes.compactMap { node -> PipelineExport? in
            guard
                let export = FieldReader(
                    node, what: "a pipeline export", known: exportFields, file: fields.file,
                    lineOffset: fields.lineOffset, yaml: fields.yaml, issues: fields.issues, fallback: fields.location)
            else { return nil }
            return read(export: export)
        }
        return exports.count == nodes.count ? exports : nil
    }

    private static func read(export fields: FieldReader) -> PipelineExport? {
        let files = fields.string("files", required: false) ?? "*.csv"
        let columns = fields.nested(
            "columns", what: "the pipeline's columns", known: PipelineField.allCases.map(\.rawValue))
        var mapped: [PipelineField: String] = [:]
        if let columns {
            for field in PipelineField.allCases {
                if let header = columns.string(field.rawValue, required: field.isRequired) { mapped[field] = header }
            }
        }
        let stages = fields.nested("stages", what: "the pipeline's stages", known: stageFields, required: false)
        let won = stages?.stringList("won", required: true)
        let lost = stages?.stringList("lost", required: true)
        let qualified = stages?.stringList("qualified") ?? []
        if stages == nil, mapped[.outcome] == nil {
            fields.issues.add(
                .error(
                    "missing-field", "a pipeline export needs 'stages' (won and lost) or an 'outcome' column",
                    at: fields.location,
                    hint: "list the stage names that mean won and lost, as the export writes them"))
            return nil
        }
        let dates = fields.stringList("dates") ?? ["yyyy-MM-dd"]
        var delimiter: Character?
        if let text = fields.string("delimiter", required: false) {
            let named: [String: Character] = ["tab": "\t", ",": ",", ";": ";", "|": "|", "\\t": "\t"]
            guard let character = named[text] else {
                fields.issues.add(
                    .error(
                        "bad-value", "delimiter must be ',', ';', '|' or 'tab', not '\(text)'",
                        at: fields.entry("delimiter").map { fields.place($0.value) } ?? fields.location))
                return nil
            }
            delimiter = character
        }
        guard columns != nil, PipelineField.allCases.filter(\.isRequired).allSatisfy({ mapped[$0] != nil }) else {
            return nil
        }
        return PipelineExport(
            files: files, columns: mapped, qualifiedStages: qualified, wonStages: won ?? [], lostStages: lost ?? [],
            dateFormats: dates, delimiter: delimiter, source: fields.location)
    }
}
