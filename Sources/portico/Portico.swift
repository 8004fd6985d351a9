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
            FileHandle.standardError.write(Data((message(for: error) + "\n").utf8))
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }

    /// ArgumentParser's message in Portico's form: `error:` in lower case like every other error,
    /// and a command name that is not one, with the command meant.
    static func message(for error: any Error, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String
    {
        var text = fullMessage(for: error)
        if text.hasPrefix("Error: ") { text = "error: " + text.dropFirst("Error: ".count) }
        let commands = configuration.subcommands.map(commandName)
        // The first word decides: `portico rport --quarter 2026-Q3` is a mistyped command, whatever
        // ArgumentParser found wrong first.
        if let first = arguments.first, !first.hasPrefix("-"), first != "help", !commands.contains(first) {
            let rest = text.split(separator: "\n", maxSplits: 1).dropFirst().first.map { "\n" + $0 } ?? ""
            text = "error: '\(first)' is not a portico command" + Suggestion.didYouMean(first, in: commands) + rest
        } else if let first = arguments.first, arguments.count > 1, let group = command(named: first),
            case let names = group.configuration.subcommands.map(commandName), !names.isEmpty,
            !arguments[1].hasPrefix("-"), arguments[1] != "help", !names.contains(arguments[1])
        {
            // The same for the second word of a command made of subcommands (`portico new parnter`).
            let rest = text.split(separator: "\n", maxSplits: 1).dropFirst().first.map { "\n" + $0 } ?? ""
            text =
                "error: '\(arguments[1])' is not a 'portico \(first)' command"
                + (Suggestion.closest(to: arguments[1], in: names).map { " (did you mean '\($0)'?)" }
                    ?? ": the commands are \(names.joined(separator: ", "))") + rest
        }
        return text
    }

    static func commandName(_ command: any ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }

    static func command(named name: String) -> (any ParsableCommand.Type)? {
        configuration.subcommands.first { commandName($0) == name }
    }
}
