import ArgumentParser
import Foundation
import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoModel
import PorticoProject
import PorticoServe
import PorticoSite
import PorticoSupport

@main
struct Portico: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portico",
        abstract: "Build a static partner portal from Markdown and YAML.",
        discussion: """
            Portico turns content/ (program.yml, partners/*.yml, assets/*.md) and templates/ into a \
            static site in site/ that any web host can serve.

            Example:
              portico init my-portal && cd my-portal && portico build
            """,
        version: PorticoVersion.number,
        subcommands: [
            Build.self, Check.self, Serve.self, Init.self, New.self, Import.self, Keys.self, Links.self, Send.self,
            Welcome.self, Report.self,
        ],
        defaultSubcommand: nil
    )

    /// Exit statuses: 0 built, 1 content or template errors or a refusal, 2 usage errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error as PorticoError {
            let stderr = FileHandle.standardError
            for diagnostic in error.diagnostics { stderr.write(Data((diagnostic.formatted + "\n").utf8)) }
            stderr.write(Data("error: \(error.description)\n".utf8))
            Foundation.exit(error.exitStatus)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}
