import Foundation
import PorticoModel
import PorticoSupport
import SwiftCSV

/// One export file: its header mapped to the fields through `columns`, then each row read, or
/// reported and dropped.
package struct PipelineFileReader {
    package let file: ContentFolder.File
    package let export: PipelineExport
    package let partners: PartnerIndex
    package let lenient: Bool
    package let issues: IssueList

    package func read() -> ([Opportunity], PipelineFileSummary) {
        let empty = PipelineFileSummary(displayPath: file.displayPath, read: 0, used: 0)
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            issues.add(.error("unreadable", "cannot read this file", at: SourceLocation(file: file.displayPath)))
            return ([], empty)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            issues.add(
                .error(
                    "not-utf8", "the export is not UTF-8 text", at: SourceLocation(file: file.displayPath),
                    hint: "export the file again as CSV UTF-8"))
            return ([], empty)
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let delimiter = export.delimiter ?? CSVText.guessDelimiter(text)
        let csv: CSV<Enumerated>
        do {
            csv = try CSV<Enumerated>(string: text, delimiter: .character(delimiter), loadColumns: false)
        } catch {
            issues.add(
                .error(
                    "bad-csv", "the export is not well-formed CSV: \(error)",
                    at: SourceLocation(file: file.displayPath),
                    hint: "a quoted field must end with a quote; a quote inside it is written twice"))
            return ([], empty)
        }
        let places = CSVText(text: text, delimiter: delimiter)
        let header = csv.header.map { $0.trimmed() }
        var columns: [PipelineField: Int] = [:]
        var missing = false
        for (field, name) in export.columns.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            if let index = header.firstIndex(of: name)
                ?? header.firstIndex(where: { $0.lowercased() == name.lowercased() })
            {
                columns[field] = index
            } else {
                missing = true
                issues.add(
                    .error(
                        "pipeline-missing-column",
                        "the export has no column '\(name)' (\(field.rawValue))"
                            + Suggestion.didYouMean(name, in: header),
                        at: SourceLocation(file: file.displayPath, line: 1, column: 1),
                        hint: "its columns are " + header.map { "'\($0)'" }.joined(separator: ", ")
                            + "; 'pipeline.columns' in program.yml names the one for each field"))
            }
        }
        let dates = PipelineDates(formats: export.dateFormats)
        var line = 2 + places.lineBreaks(in: csv.header)
        var opportunities: [Opportunity] = []
        var read = 0
        for row in csv.rows {
            let start = line
            line += 1 + places.lineBreaks(in: row)
            guard row.contains(where: { !$0.trimmed().isEmpty }) else { continue }
            read += 1
            guard !missing else { continue }
            let cells = RowCells(row: row, columns: columns, line: start, file: file, places: places)
            if let opportunity = opportunity(cells, dates: dates) { opportunities.append(opportunity) }
        }
        return (
            opportunities, PipelineFileSummary(displayPath: file.displayPath, read: read, used: opportunities.count)
        )
    }

    /// The row as an opportunity, or nil after reporting what is wrong with it.
    private func opportunity(_ cells: RowCells, dates: PipelineDates) -> Opportunity? {
        var problems: [Diagnostic] = []
        func problem(_ code: String, _ message: String, _ field: PipelineField, hint: String? = nil) {
            let severity: Severity = lenient ? .warning : .error
            let text = lenient ? message + "; the row is left out" : message
            problems.append(Diagnostic(severity, code, text, at: cells.place(field), hint: hint))
        }
        func required(_ field: PipelineField) -> String? {
            guard let value = cells[field], !value.isEmpty else {
                problem(
                    "pipeline-empty-cell", "the \(field.rawValue) ('\(export.columns[field] ?? "")') is empty", field)
                return nil
            }
            return value
        }
        let created = required(.created).flatMap { text -> Day? in
            guard let day = dates.day(text) else {
                problem(
                    "pipeline-bad-date",
                    "'\(text)' is not a date written " + PipelineDates.describe(export.dateFormats),
                    .created, hint: "list the export's date formats in 'pipeline.dates'")
                return nil
            }
            return day
        }
        let company = required(.company)
        let stage = required(.stage)
        var partnerID: String?
        if let text = cells[.partner], !text.isEmpty {
            partnerID = partners.id(for: text)
            if partnerID == nil {
                problem(
                    "pipeline-unknown-partner",
                    "unknown partner '\(text)'" + Suggestion.didYouMean(text, in: partners.names), .partner,
                    hint: "write the partner's id, name or referral code, as in content/partners/")
            }
        }
        var closed: Day?
        if let text = cells[.closeDate], !text.isEmpty {
            closed = dates.day(text)
            if closed == nil {
                problem(
                    "pipeline-bad-date",
                    "'\(text)' is not a date written " + PipelineDates.describe(export.dateFormats),
                    .closeDate, hint: "list the export's date formats in 'pipeline.dates'")
            }
        }
        var amount: Double?
        if let text = cells[.amount], !text.isEmpty {
            amount = PipelineNumbers.amount(text)
            if amount == nil { problem("pipeline-bad-amount", "'\(text)' is not an amount", .amount) }
        }
        var outcome: OpportunityOutcome = .open
        if let text = cells[.outcome], !text.isEmpty {
            if let parsed = PipelineNumbers.outcome(text) {
                outcome = parsed
            } else {
                problem("pipeline-bad-value", "'\(text)' is not an outcome: write won, lost or open", .outcome)
            }
        } else if let stage {
            outcome =
                Self.matches(stage, export.wonStages) ? .won : Self.matches(stage, export.lostStages) ? .lost : .open
        }
        // The stage or the qualified column may say so; a win always qualified.
        var qualified = outcome == .won || stage.map { Self.matches($0, export.qualifiedStages) } ?? false
        var disqualified = false
        if let text = cells[.qualified] {
            if let flag = PipelineNumbers.flag(text) {
                qualified = qualified || flag
                disqualified = outcome == .lost && !qualified
            } else {
                problem("pipeline-bad-value", "'\(text)' is not yes or no", .qualified)
            }
        }
        var status: CustomerStatus?
        if let text = cells[.customerStatus], !text.isEmpty {
            status = CustomerStatus(rawValue: text.lowercased())
            if status == nil { problem("pipeline-bad-value", "'\(text)' is not active or churned", .customerStatus) }
        }
        for problem in problems { issues.add(problem) }
        guard problems.isEmpty, let created, let company, let stage else { return nil }
        return Opportunity(
            partnerID: partnerID, company: company, stage: stage, created: created, qualified: qualified,
            outcome: outcome, disqualified: disqualified, amount: amount, closed: closed,
            lostReason: cells[.lostReason].flatMap { $0.isEmpty ? nil : $0 },
            customerStatus: status, channel: cells[.channel].flatMap { $0.isEmpty ? nil : $0 },
            source: SourceLocation(file: file.displayPath, line: cells.line, column: 1))
    }

    private static func matches(_ stage: String, _ names: [String]) -> Bool {
        names.contains { $0.caseInsensitiveCompare(stage) == .orderedSame }
    }
}

/// The cells of one row by field, and where each one is.
private struct RowCells {
    let row: [String]
    let columns: [PipelineField: Int]
    let line: Int
    let file: ContentFolder.File
    let places: CSVText

    subscript(field: PipelineField) -> String? {
        guard let index = columns[field], index < row.count else { return nil }
        return row[index].trimmed()
    }

    func place(_ field: PipelineField) -> SourceLocation {
        let position = places.position(ofField: columns[field] ?? 0, inRowAt: line)
        return SourceLocation(file: file.displayPath, line: position.line, column: position.column)
    }
}
