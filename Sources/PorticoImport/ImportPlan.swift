import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// An asset to write: its file's text and the files copied beside it.
package struct PlannedAsset: Sendable {
    package var source: String
    package var location: AssetLocation
    package var text: String
    /// Files copied into the asset's folder: path below the imported folder, path inside the asset folder.
    package var files: [(source: String, inside: String)]
    package var draft: Bool
}

/// Everything an import will write and report, worked out before anything is written, so a
/// problem found late cannot leave half an import behind.
package struct ImportPlan: Sendable {
    package struct Skipped: Sendable, Equatable {
        package var source: String
        package var id: String
        /// False when the asset has since been renamed or deleted: it is still not imported again.
        package var assetExists: Bool
    }

    package struct Unmapped: Sendable, Equatable {
        package var source: String
        package var keys: [String]
    }

    package struct RemovedStatement: Sendable, Equatable {
        package var source: String
        package var line: Int
        package var text: String
    }

    package var assets: [PlannedAsset] = []
    package var skipped: [Skipped] = []
    package var problems: [ImportProblem] = []
    package var unresolved: [UnresolvedLink] = []
    package var unmapped: [Unmapped] = []
    package var summariesFromBody: [String] = []
    package var summariesFromTitle: [String] = []
    package var removedStatements: [RemovedStatement] = []
    package var rewrittenLinks = 0
    /// Documents with no commit and no date, whose `reviewed` is the import day.
    package var reviewedGuessed: [String] = []
    package var importDay: Day = .today
    package var navigation = ImportNavigation()
    /// JSX images written as Markdown images: document, line, the image's path as written.
    package var jsxImages: [RemovedStatement] = []

    /// What every imported asset gets regardless of its source.
    package struct Settings: Sendable {
        package var kind: String
        package var owner: String
        /// The import day, for documents that say nothing about when they were reviewed.
        package var today: Day = .today
    }

    /// A document whose front matter could be read, ready to become an asset.
    private struct Prepared {
        package var document: SourceDocument
        package var frontMatter: SourceFrontMatter
        package var finder: LinkFinder
        package var preamble: MDXPreamble?
        package var id = ""
        package var links: [ResolvedLink] = []
        package var unlocated: [(line: Int, written: String)] = []
        package var files: [String: String] = [:]
    }

    /// - Parameters:
    ///   - recorded: asset ids by document path from earlier imports of this folder.
    ///   - takenIDs: ids no new asset may have: every asset in the content folder and every id
    ///     the record has handed out.
    ///   - existing: the assets in the content folder, by id.
    package static func make(
        _ source: ImportSource, settings: Settings, recorded: [String: String], takenIDs: Set<String>,
        existing: [String: AssetLocation]
    ) -> ImportPlan {
        var plan = ImportPlan()
        plan.problems = source.problems
        plan.importDay = settings.today
        var prepared: [Prepared] = []
        plan.navigation.tool = source.tool
        let summary = ImportNavigation.summaryPath(source.tool)
        for document in source.documents {
            // GitBook's table of contents gives the library its order; it is no guide itself.
            if document.path == summary { continue }
            if let id = recorded[document.path] {
                plan.skipped.append(Skipped(source: document.path, id: id, assetExists: existing[id] != nil))
                continue
            }
            switch SourceFrontMatter.read(document.text) {
            case .failure(let problem):
                plan.problems.append(
                    ImportProblem(path: "\(document.path):\(problem.line):\(problem.column)", message: problem.message))
            case .success(let frontMatter):
                prepared.append(
                    Prepared(
                        document: document, frontMatter: frontMatter, finder: LinkFinder(body: frontMatter.body),
                        preamble: MDXPreamble.find(in: frontMatter.body)))
            }
        }

        var taken = takenIDs
        let docsRoot = source.tool?.docsRoot ?? ""
        for index in prepared.indices {
            // Below a generator's docs root, ids leave the root out: `docs/intro.md` is `intro`.
            var idPath = prepared[index].document.path
            if !docsRoot.isEmpty, idPath.hasPrefix(docsRoot + "/") { idPath.removeFirst(docsRoot.count + 1) }
            let id = uniqueID(naturalID(idPath, folderName: source.name), taken: taken)
            prepared[index].id = id
            taken.insert(id)
        }

        // Docusaurus serves a document with a `slug` at that address, and links use it.
        var slugs: [String: String] = [:]
        for item in prepared {
            guard let slug = item.frontMatter.fields["slug"]?.text,
                let page = source.tool?.slugPage(slug, document: item.document.path)
            else { continue }
            slugs[page] = item.document.path
        }
        let targets = LinkTargets(
            documents: source.documents.map(\.path) + recorded.keys, files: source.files, hidden: source.hidden,
            tool: source.tool, slugs: slugs)
        var locations: [String: AssetLocation] = [:]
        for (path, id) in recorded {
            locations[path] = existing[id]
        }
        for index in prepared.indices {
            let path = prepared[index].document.path
            let (links, unlocated) = LinkRewriter.resolve(prepared[index].finder, path: path, targets: targets)
            prepared[index].links = links
            prepared[index].unlocated = unlocated
            prepared[index].files = LinkRewriter.placeFiles(links, documentPath: path)
            locations[path] = AssetLocation(id: prepared[index].id, isFolder: !prepared[index].files.isEmpty)
        }

        for item in prepared {
            plan.add(item, settings: settings, locations: locations, recorded: recorded, folderName: source.name)
        }
        if let summary, let document = source.documents.first(where: { $0.path == summary }) {
            plan.navigation.summaryOrder = ImportNavigation.order(
                of: document, targets: targets, ids: locations.mapValues(\.id))
        }
        plan.unresolved.sort()
        return plan
    }

    private mutating func add(
        _ item: Prepared, settings: Settings, locations: [String: AssetLocation], recorded: [String: String],
        folderName: String
    ) {
        let path = item.document.path
        let lineOffset = item.frontMatter.bodyFirstLine - 1
        guard let location = locations[path] else { return }
        var edits: [(range: Range<Int>, text: String)] = []
        edits += CodeBlockTitles.edits(item.finder)
        edits += GitBookHeadingAnchors.edits(item.finder)
        if let preamble = item.preamble {
            edits.append((preamble.range, ""))
            for statement in preamble.statements {
                removedStatements.append(
                    RemovedStatement(source: path, line: statement.line + lineOffset, text: statement.text))
            }
        }
        for link in item.links {
            let occurrence = link.occurrence
            func unresolvable(_ reason: String) {
                unresolved.append(
                    UnresolvedLink(
                        source: path, line: occurrence.line + lineOffset, written: occurrence.written, reason: reason))
            }
            if let preamble = item.preamble, preamble.range.overlaps(occurrence.range) { continue }
            switch link.target {
            case .unresolved(let reason):
                unresolvable(reason)
                continue
            case .document(let target) where locations[target] == nil:
                if let id = recorded[target] {
                    unresolvable("imported earlier as '\(id)', which is no longer among the assets")
                } else {
                    unresolvable("that document was not imported")
                }
                continue
            default:
                break
            }
            guard
                let text = LinkRewriter.replacement(
                    for: link, in: location, assets: locations, files: item.files),
                text != occurrence.written || !occurrence.form.replacesTargetOnly
            else { continue }
            edits.append((occurrence.range, text))
            rewrittenLinks += 1
            if case .jsxImage = occurrence.form {
                jsxImages.append(
                    RemovedStatement(source: path, line: occurrence.line + lineOffset, text: occurrence.written))
            }
        }
        for (line, written) in item.unlocated {
            unresolved.append(
                UnresolvedLink(
                    source: path, line: line + lineOffset, written: written,
                    reason: "its place in the text could not be found"))
        }

        let body = ImportPlan.apply(edits, to: item.frontMatter.body)
        let mapped = FrontMatterMapping.map(item.frontMatter.fields)
        let title = mapped.title ?? item.finder.scan.firstHeading ?? ImportPlan.fallbackTitle(path, folderName)
        var summary = mapped.summary
        if summary == nil {
            // The removed MDX lines parse as a paragraph; the summary must not come from them.
            let removed = item.preamble.map { preamble in
                let first = item.finder.line(ofOffset: preamble.range.lowerBound)
                return first...max(first, item.finder.line(ofOffset: preamble.range.upperBound - 1))
            }
            let paragraphs = item.finder.scan.paragraphs.filter { !(removed?.contains($0.line) ?? false) }
            if let sentence = paragraphs.lazy.compactMap({ ImportPlan.firstSentence(of: $0.text) }).first {
                summary = sentence
                summariesFromBody.append(path)
            }
        }
        if summary == nil { summariesFromTitle.append(path) }
        if !mapped.unmapped.isEmpty { unmapped.append(Unmapped(source: path, keys: mapped.unmapped)) }
        navigation.add(path, id: location.id, assetPath: location.path, mapped)
        // A date that says the text was updated, then the last commit, then the publication date.
        let reviewed = mapped.reviewed ?? item.document.committed ?? mapped.dated
        if reviewed == nil { reviewedGuessed.append(path) }
        let fields = AssetFields(
            title: title, kind: settings.kind, summary: summary ?? title, owner: settings.owner,
            reviewed: reviewed ?? settings.today, tags: mapped.tags, draft: mapped.draft)
        assets.append(
            PlannedAsset(
                source: path, location: location, text: AssetText.make(fields, body: body),
                files: item.files.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }, draft: mapped.draft))
    }

    /// Replaces each range of `body`'s UTF-8 bytes; ranges never overlap.
    package static func apply(_ edits: [(range: Range<Int>, text: String)], to body: String) -> String {
        var bytes = Array(body.utf8)
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Ids

    /// The path without its extension as an id: `operations/02-weekly-standup.md` gives
    /// `operations-02-weekly-standup`; an index or README stands for its folder, and a
    /// top-level one for the imported folder itself.
    package static func naturalID(_ path: String, folderName: String) -> String {
        var name = (path as NSString).deletingPathExtension
        if LinkTargets.indexRank(path) != nil {
            let folder = ImportPath.folder(of: path)
            name = folder.isEmpty ? folderName : folder
        }
        let slug = Slug.truncated(Slug.make(name), to: 100)
        return slug.isEmpty ? "document" : slug
    }

    package static func uniqueID(_ id: String, taken: Set<String>) -> String {
        guard taken.contains(id) else { return id }
        var number = 2
        while true {
            let suffix = "-\(number)"
            let candidate = Slug.truncated(id, to: 100 - suffix.count) + suffix
            if !taken.contains(candidate) { return candidate }
            number += 1
        }
    }

    // MARK: Title and summary

    private static func fallbackTitle(_ path: String, _ folderName: String) -> String {
        var name = ImportPath.stem(of: ImportPath.name(of: path))
        if LinkTargets.indexRank(path) != nil {
            let folder = ImportPath.folder(of: path)
            name = folder.isEmpty ? folderName : ImportPath.name(of: folder)
        }
        return Slug.humanised(name)
    }

    package static let summaryLimit = 200
    private static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "st", "no", "approx", "incl", "fig", "cf", "inc", "ltd",
        "corp", "co", "jr", "sr", "prof", "eg", "ie", "al",
    ]

    /// The first sentence of a paragraph's text, cut at a word to at most `summaryLimit`
    /// characters. Wikilinks read as their text and Hugo shortcodes are left out.
    package static func firstSentence(of paragraph: String) -> String? {
        var text = paragraph
        text = text.replacingOccurrences(of: #"!?\[\[[^\]|]*\|([^\]]*)\]\]"#, with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(
            of: #"!?\[\[([^\]#]*)#([^\]]*)\]\]"#, with: "$1 > $2", options: .regularExpression)
        text = text.replacingOccurrences(of: #"!?\[\[([^\]]*)\]\]"#, with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\{\{[<%].*?[>%]\}\}"#, with: "", options: .regularExpression)
        text = FrontMatterMapping.oneLine(text)
        guard !text.isEmpty else { return nil }
        var sentence = text
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if ".!?".contains(text[index]), next == text.endIndex || text[next] == " " {
                let word = (text[..<index].split(separator: " ").last.map { $0.lowercased() } ?? "")
                    .trimmingCharacters(in: CharacterSet(charactersIn: "([{\"'\u{201C}\u{2018}"))
                let isInitial = word.count == 1 && word.first?.isLetter == true
                if text[index] != "." || (!abbreviations.contains(word) && !isInitial) {
                    sentence = String(text[...index])
                    break
                }
            }
            index = next
        }
        guard sentence.count > summaryLimit else { return sentence }
        let cut = sentence.prefix(summaryLimit - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }
}
