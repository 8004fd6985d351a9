import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// What an import did, printed for the person who ran it: every list sorted, so two runs over
/// the same input print the same text.
package struct ImportReport: Sendable {
    /// The imported folder as the user wrote it.
    package var sourceDisplay: String
    /// `content/assets` as the user would write it.
    package var assetsDisplay: String
    package var plan: ImportPlan
    /// Documents whose asset appeared between planning and writing, and were left alone.
    package var notWritten: [String] = []

    package var written: [PlannedAsset] {
        plan.assets.filter { !notWritten.contains($0.source) }.sorted { $0.source < $1.source }
    }

    package var text: String {
        var sections: [[String]] = []
        func section(_ heading: String, _ items: [String]) {
            if !items.isEmpty { sections.append([heading] + items.map { "  " + $0 }) }
        }
        let assets = written
        let imported = assets.map { "\($0.source) → \(assetsDisplay)/\($0.location.path)" }
        if let tool = plan.navigation.tool { sections.append(["Source: \(tool.description)."]) }
        sections.append(
            imported.isEmpty
                ? ["Nothing new to import from \(sourceDisplay)."]
                : ["Imported \(count(assets.count, "document")) from \(sourceDisplay):"] + imported.map { "  " + $0 })
        section(
            "Skipped \(count(plan.skipped.count, "document")) already imported:",
            plan.skipped.sorted { $0.source < $1.source }.map {
                "\($0.source) (imported as \($0.id)\($0.assetExists ? "" : ", which is no longer among the assets"))"
            })
        section(
            "Not written, because the asset appeared while importing:",
            notWritten.sorted())
        let copies = assets.flatMap { asset in
            asset.files.map { "\($0.source) → \(assetsDisplay)/\(asset.location.id)/\($0.inside)" }
        }
        section("Copied \(count(copies.count, "file")):", copies)
        section(
            "Links it could not resolve, left as written:",
            plan.unresolved.map { "\($0.source):\($0.line): \($0.written) (\($0.reason))" })
        section(
            "Fields it could not map, left out:",
            plan.unmapped.sorted { $0.source < $1.source }.map { "\($0.source): \($0.keys.joined(separator: ", "))" })
        section("Summaries taken from the first paragraph:", plan.summariesFromBody.sorted())
        section("Summaries taken from the title (no description and no paragraph):", plan.summariesFromTitle.sorted())
        section("Imported as drafts:", assets.filter(\.draft).map(\.source))
        section(
            "Review dates that are a guess:",
            plan.reviewedGuessed.sorted().map {
                "\($0): no commit or date: reviewed set to today (\(plan.importDay)), check it"
            })
        for (heading, lines) in plan.navigation.sections(assetsDisplay: assetsDisplay) {
            section(heading, lines)
        }
        section(
            "JSX images written as Markdown images:",
            plan.jsxImages.sorted { ($0.source, $0.line) < ($1.source, $1.line) }.map {
                "\($0.source):\($0.line): \($0.text)"
            })
        section(
            "MDX import and export lines removed:",
            plan.removedStatements.sorted { ($0.source, $0.line) < ($1.source, $1.line) }.map {
                "\($0.source):\($0.line): \($0.text)"
            })
        section(
            "Not imported:",
            plan.problems.sorted { $0.path < $1.path }.map { "\($0.path): \($0.message)" })
        sections.append([summary])
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// `Imported 12 documents (3 as folders with 5 files), rewrote 31 links; 4 links could not be resolved.`
    package var summary: String {
        let assets = written
        let folders = assets.filter(\.location.isFolder)
        var text = "Imported \(count(assets.count, "document"))"
        if !folders.isEmpty {
            let files = folders.reduce(0) { $0 + $1.files.count }
            text += " (\(folders.count) as \(folders.count == 1 ? "a folder" : "folders") with \(count(files, "file")))"
        }
        let unresolved = plan.unresolved.count
        text += ", rewrote \(count(plan.rewrittenLinks, "link")); \(count(unresolved, "link")) could not be resolved"
        if !plan.skipped.isEmpty { text += "; \(plan.skipped.count) already imported" }
        if !plan.problems.isEmpty { text += "; \(count(plan.problems.count, "file")) not imported" }
        return text + "."
    }

    private func count(_ number: Int, _ word: String) -> String {
        "\(number) \(word)\(number == 1 ? "" : "s")"
    }
}
