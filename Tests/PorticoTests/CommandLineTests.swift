import Foundation
import Testing

/// What the command line says when it is used wrongly: one form of error, and the command meant.
@Suite struct CommandLineTests {
    @Test(arguments: [
        (
            ["biuld"],
            "error: 'biuld' is not a portico command (did you mean 'build'?)\nUsage: portico <subcommand>\n"
                + "  See 'portico --help' for more information.\n"
        ),
        (
            ["rport", "--quarter", "2026-Q3"],
            "error: 'rport' is not a portico command (did you mean 'report'?)\nUsage: portico <subcommand>\n"
                + "  See 'portico --help' for more information.\n"
        ),
        (
            ["build", "--bogus"],
            "error: Unknown option '--bogus'\nUsage: portico build <options>\n"
                + "  See 'portico build --help' for more information.\n"
        ),
    ])
    func aMistypedCommandOrOptionIsAnErrorInLowerCaseWithTheCommandMeant(arguments: [String], stderr: String) throws {
        let scratch = try Scratch()
        let run = try PorticoRun.run(arguments, in: scratch.url)
        #expect(run.status == 2)
        #expect(run.stderr == stderr)
        #expect(run.stdout.isEmpty)
    }
}
