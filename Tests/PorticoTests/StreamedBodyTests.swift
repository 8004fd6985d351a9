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

/// A build leaves asset bodies in their files after loading them and reads them again when the
/// pages render, so that a large library is not held in memory whole.
@Suite struct StreamedBodyTests {
    func load(_ scratch: Scratch, bodies: AssetBody.Keeping) -> [String: Asset] {
        let loaded = ContentLoader(contentURL: scratch.path("content"), displayPath: "content", bodies: bodies)
            .load(into: DiagnosticLog())
        return Dictionary(uniqueKeysWithValues: loaded.assets.map { ($0.id, $0) })
    }

    @Test func aBodyLeftInItsFileReadsAsTheHeldOne() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        // Windows line ends and a byte-order mark are undone the same way on the second reading.
        let roi = try scratch.read("content/assets/roi-calculator.md")
        try scratch.write(
            Data([0xEF, 0xBB, 0xBF]) + Data(roi.replacingOccurrences(of: "\n", with: "\r\n").utf8),
            to: "content/assets/roi-calculator.md")
        let held = load(scratch, bodies: .held)
        let inFile = load(scratch, bodies: .inFile)
        #expect(held.count == 3 && Set(held.keys) == Set(inFile.keys))
        for (id, asset) in held {
            let streamed = try #require(inFile[id])
            #expect(try streamed.body.source().get() == asset.body.source().get(), "\(id)")
            #expect(streamed.body.words == asset.body.words && asset.body.words > 5, "\(id)")
            #expect(streamed.body.start == asset.body.start, "\(id)")
        }
    }

    @Test func aBodyChangedAfterLoadingIsAnErrorAtItsFile() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let assets = load(scratch, bodies: .inFile)
        let path = "content/assets/security-objections.md"
        let original = try scratch.read(path)
        try scratch.write(original + "\nOne more sentence.\n", to: path)
        let changed = try #require(assets["security-objections"])
        guard case .failure(let diagnostic) = changed.body.source() else {
            Issue.record("a changed body was read as if it were the loaded one")
            return
        }
        #expect(
            diagnostic.formatted
                == "content/assets/security-objections.md:1:1: error: the file changed while the site was being built\n"
                + "  hint: build again once the file is saved")
        #expect(diagnostic.code == "changed-during-build")
        // The same text again reads fine; a removed file is the same error.
        try scratch.write(original, to: path)
        #expect((try? changed.body.source().get()) != nil)
        try FileManager.default.removeItem(at: scratch.path(path))
        #expect((try? changed.body.source().get()) == nil)
        #expect((try? assets["roi-calculator"]?.body.source().get()) != nil)
    }
}

extension StreamedBodyTests {
    /// The render stage reports a body changed since loading at its file, and the build fails.
    @Test func aBuildWhoseAssetChangedBeforeItsPageFails() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        var options = BuildOptions(
            content: scratch.path("content").path, templates: scratch.path("templates").path,
            output: scratch.path("site").path, date: Day("2026-11-25") ?? .today)
        options.encrypt = false
        options.mailURL = nil
        let log = DiagnosticLog()
        let prepared = try #require(try Pipeline.prepare(options, clock: StageClock(), logs: .init(log)))
        #expect(!log.hasErrors)
        try scratch.write(
            try scratch.read("content/assets/roi-calculator.md") + "\nA late sentence.\n",
            to: "content/assets/roi-calculator.md")
        _ = Pipeline.renderAndWrite(
            prepared.outputs, renderer: prepared.renderer, writer: DiscardingWriter(), log: log)
        #expect(
            log.all.filter { $0.severity == .error }.map(\.formatted) == [
                scratch.path("content").path
                    + "/assets/roi-calculator.md:1:1: error: the file changed while the site was being built\n"
                    + "  hint: build again once the file is saved"
            ])
    }
}
