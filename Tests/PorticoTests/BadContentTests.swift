import Foundation
import Testing

/// Each folder of Tests/Fixtures/bad/ is a broken variant of Tests/Fixtures/base/: its `content/`
/// (and `templates/`) files are laid over the base's, paths listed in `remove` are deleted, `args` adds command-line
/// arguments, and `expected` holds the exit status and every line Portico prints to stderr.
@Suite struct BadContentTests {
    static let casesFolder = PorticoRun.fixtures.appendingPathComponent("bad")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: casesFolder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: cases)
    func reportsExactlyTheExpectedDiagnostics(_ name: String) throws {
        let folder = Self.casesFolder.appendingPathComponent(name)
        let scratch = try Self.prepare(name)
        let arguments = ["build", "--date", "2026-11-25"] + Self.lines(folder.appendingPathComponent("args"))
        let run = try PorticoRun.run(arguments, in: scratch.url)

        let expected = try String(contentsOf: folder.appendingPathComponent("expected"), encoding: .utf8)
        #expect("exit: \(run.status)\n" + run.stderr == expected, "case \(name)")
        if run.status != 0 {
            #expect(!scratch.exists("site"), "a failed build must not write site/ (case \(name))")
        }
    }

    @Test func thereAreCasesForEveryCategory() {
        #expect(Self.cases.count >= 20)
    }

    /// A scratch folder holding the base fixture with the case laid over it.
    static func prepare(_ name: String) throws -> Scratch {
        let folder = casesFolder.appendingPathComponent(name)
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        for overlay in ["content", "templates"] {
            let source = folder.appendingPathComponent(overlay)
            if FileManager.default.fileExists(atPath: source.path) {
                try Scratch.merge(source, into: scratch.path(overlay))
            }
        }
        for line in lines(folder.appendingPathComponent("remove")) {
            try FileManager.default.removeItem(at: scratch.path(line))
        }
        return scratch
    }

    static func lines(_ url: URL) -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}
