import Foundation
import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoServe
import PorticoSite
import PorticoSupport
import Testing

/// `portico serve` keeps the site in memory and redoes only what an edit touches. After every
/// edit of a sequence, what it serves must be byte for byte what `portico build` writes for the
/// same files, with the same findings.
@Suite struct PreviewSessionTests {
    static let secret = String(repeating: "5a", count: 32)

    func options(_ scratch: Scratch) -> BuildOptions {
        var options = BuildOptions(
            content: scratch.path("content").path, templates: scratch.path("templates").path,
            output: scratch.path("site").path, date: Day("2026-11-25") ?? .today)
        options.keys.environment = [MasterSecretEnvironment.name: Self.secret]
        options.keys.secretURL = scratch.path("portico-secret.key")
        options.keys.accessURL = scratch.path("portico-access.json")
        options.mailURL = nil
        return options
    }

    /// What `portico build` writes and reports for the folder as it is now.
    func fullBuild(_ scratch: Scratch) throws -> (files: [String: Data], diagnostics: [Diagnostic]) {
        try? FileManager.default.removeItem(at: scratch.path("site"))
        let report = try Pipeline.run(options(scratch))
        var files = report.succeeded ? try scratch.snapshot("site") : [:]
        files[OutputFolder.markerName] = nil
        return (files, report.diagnostics)
    }

    func expectSameAsBuild(_ session: PreviewSession, _ update: PreviewUpdate, _ scratch: Scratch, after step: String)
        throws
    {
        let built = try fullBuild(scratch)
        #expect(update.diagnostics.map(\.formatted) == built.diagnostics.map(\.formatted), "findings after \(step)")
        let paths = Set(session.paths)
        let missing = built.files.keys.filter { !paths.contains($0) }.sorted()
        let extra = paths.filter { built.files[$0] == nil }.sorted()
        #expect(missing.isEmpty && extra.isEmpty, "after \(step), missing \(missing), extra \(extra)")
        let differing = built.files.keys.sorted().filter { session.file(at: $0) != built.files[$0] }
        #expect(differing.isEmpty, "files that differ from a build after \(step): \(differing)")
    }

    @Test func incrementalRebuildsMatchAFullBuildAfterEveryEdit() throws {
        let scratch = try Scratch()
        for fixture in ["base", "briefs", "search"] { try scratch.copyFixture(fixture) }
        try FileManager.default.createDirectory(at: scratch.path("templates"), withIntermediateDirectories: true)
        let session = PreviewSession(options: options(scratch))
        let first = try session.rebuild()
        #expect(first.succeeded)
        try expectSameAsBuild(session, first, scratch, after: "the first build")
        let total = first.renderedCount

        func edit(_ relative: String, _ change: (String) -> String) throws -> [String] {
            try scratch.write(change(scratch.read(relative)), to: relative)
            return [scratch.path(relative).path]
        }

        // A sentence in an asset's text: its page and the search indexes, nothing else.
        let sentence = try edit("content/assets/roi-calculator.md") { $0 + "\nRound the hours down.\n" }
        let text = try session.rebuild(changed: sentence)
        #expect(text.changedPaths.contains("assets/roi-calculator/index.html"))
        #expect(text.renderedCount < 10, "rendered \(text.renderedCount) of \(total) files")
        try expectSameAsBuild(session, text, scratch, after: "a sentence")

        let heading = try edit("content/assets/roi-calculator.md") { $0 + "\n## Caveats\n\nSeasonal peaks.\n" }
        try expectSameAsBuild(session, try session.rebuild(changed: heading), scratch, after: "a new heading")

        let title = try edit("content/assets/security-objections.md") {
            $0.replacingOccurrences(of: "title: ", with: "title: Answered, ")
        }
        try expectSameAsBuild(session, try session.rebuild(changed: title), scratch, after: "a title")

        let template = "templates/asset.mustache"
        let builtIn = Theme.load(overridesIn: nil, displayPath: "").files["asset.mustache"]?.data ?? Data()
        try scratch.write(String(decoding: builtIn, as: UTF8.self) + "<!-- edited -->\n", to: template)
        let templateEdit = try session.rebuild(changed: [scratch.path(template).path])
        #expect(templateEdit.renderedCount == 7, "one per published asset, not \(templateEdit.renderedCount)")
        try expectSameAsBuild(session, templateEdit, scratch, after: "a template")

        let partial = "templates/partials/tags.mustache"
        let tags = Theme.load(overridesIn: nil, displayPath: "").files["partials/tags.mustache"]?.data ?? Data()
        try scratch.write(String(decoding: tags, as: UTF8.self) + "<!-- tags -->", to: partial)
        let partialEdit = try session.rebuild(changed: [scratch.path(partial).path])
        #expect(partialEdit.renderedCount > 7 && partialEdit.renderedCount < total)
        try expectSameAsBuild(session, partialEdit, scratch, after: "a partial")

        let partner = try edit("content/partners/acme.yml") {
            $0.replacingOccurrences(
                of: "contacts:\n",
                with: "contacts:\n  - name: Ines Park\n    role: Partner lead\n    email: ines@acme.example\n")
        }
        let contact = try session.rebuild(changed: partner)
        #expect(contact.renderedCount < total, "a contact re-rendered \(contact.renderedCount) of \(total) files")
        try expectSameAsBuild(session, contact, scratch, after: "a new contact")

        let renamed = try edit("content/partners/bridge.yml") {
            $0.replacingOccurrences(of: "name: ", with: "name: Renamed ", options: [], range: $0.range(of: "name: "))
        }
        try expectSameAsBuild(session, try session.rebuild(changed: renamed), scratch, after: "a partner's name")
        let retired = try edit("content/partners/bridge.yml") {
            $0.replacingOccurrences(of: "status: active", with: "status: retired")
        }
        try expectSameAsBuild(session, try session.rebuild(changed: retired), scratch, after: "a retired partner")

        let added = "content/assets/new-guide.md"
        try scratch.write(
            "---\ntitle: New guide\nkind: guide\nsummary: Fresh.\nowner: omar\nreviewed: 2026-11-20\n"
                + "for: [referral]\n---\nSee [the calculator](roi-calculator.md).\n", to: added)
        try expectSameAsBuild(
            session, try session.rebuild(changed: [scratch.path(added).path]), scratch, after: "a new asset")

        let goodSite = session.paths.map { ($0, session.file(at: $0)) }
        let broken = try edit(added) { $0.replacingOccurrences(of: "reviewed: 2026-11-20", with: "reviewed: soon") }
        let failed = try session.rebuild(changed: broken)
        #expect(!failed.succeeded)
        #expect(failed.changedPaths.isEmpty)
        #expect(failed.diagnostics == (try fullBuild(scratch)).diagnostics)
        #expect(session.paths.map { ($0, session.file(at: $0)) }.elementsEqual(goodSite) { $0 == $1 })

        let fixed = try edit(added) { $0.replacingOccurrences(of: "reviewed: soon", with: "reviewed: 2026-11-21") }
        try expectSameAsBuild(session, try session.rebuild(changed: fixed), scratch, after: "the fix")

        try FileManager.default.removeItem(at: scratch.path(added))
        try expectSameAsBuild(
            session, try session.rebuild(changed: [scratch.path(added).path]), scratch, after: "a removed asset")
    }
}
