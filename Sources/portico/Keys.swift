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

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make the master secret, or give people new access links.",
        discussion: """
            Private pages are encrypted with keys derived from a master secret, which lives outside
            content/ and site/ (docs/security.md).

            Examples:
              portico keys init
              portico keys rotate --contact helen.marsh@cargocompass.example
              portico keys rotate --all
            """,
        subcommands: [InitSecret.self, Rotate.self])

    struct InitSecret: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write a new master secret (mode 0600); never replaces one.",
            discussion: """
                Keep the file and back it up outside git: every access link derives from it.
                For CI, put its 64 hexadecimal digits in PORTICO_SECRET instead.

                Example:
                  portico keys init
                """)

        @OptionGroup var secret: SecretOption

        func run() throws {
            _ = try secret.source.createSecret()
            print("Wrote a new secret to \(secret.secretFile). Keep it and back it up, outside git.")
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give one person, or everyone, a new access link; the old link stops at the next build.",
            discussion: """
                Epochs are kept in portico-access.json, which holds no secret: commit it.

                Examples:
                  portico keys rotate --contact helen.marsh@cargocompass.example
                  portico keys rotate --all
                """)

        @Option(help: "The email address of the person whose link changes.")
        var contact: String?

        @Flag(help: "Change everyone's link.")
        var all = false

        @Option(help: ArgumentHelp("The access file.", valueName: "file"))
        var accessFile = AccessEpochs.defaultFile

        @OptionGroup var content: ContentOption

        func validate() throws {
            if (contact == nil) == !all {
                throw ValidationError("say whose link to change: --contact EMAIL or --all")
            }
        }

        func run() throws {
            let url = URL(fileURLWithPath: accessFile)
            var epochs = try AccessEpochs.load(url, displayPath: accessFile)
            if let contact {
                let email = try Self.currentAddress(contact, content: content.content)
                epochs.epochs[email, default: 0] += 1
                try epochs.save(url)
                print("\(email) now has epoch \(epochs.epoch(of: email)); rebuild, then send them 'portico links'.")
            } else {
                epochs.all += 1
                try epochs.save(url)
                print("Everyone's links change at the next build; send the new ones from 'portico links'.")
            }
        }

        /// `address` as a current contact's or team member's, trimmed and in lower case. Any other
        /// address would be rotated to no effect, while the link it was meant to end stays live.
        static func currentAddress(_ address: String, content folder: String) throws -> String {
            let email = EmailAddress.normalized(address.trimmingCharacters(in: .whitespacesAndNewlines))
            let options = ProjectOptions(content: folder, date: .today)
            try options.checkFolders()
            let log = DiagnosticLog()
            guard let project = Project.load(options, into: log), !log.hasErrors else {
                for diagnostic in log.all.sorted() where diagnostic.severity == .error {
                    FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
                }
                throw PorticoError.refused("the content must read without errors to know whose link to change")
            }
            let content = project.content
            let people =
                content.partners.filter { $0.status != .retired }.flatMap(\.contacts).compactMap(\.email)
                + content.program.team.compactMap(\.email)
            let addresses = people.map(EmailAddress.normalized)
            guard addresses.contains(email) else {
                throw PorticoError.refused(
                    "'\(email)' is not the address of a current contact or team member in \(options.contentDisplayPath)"
                        + Suggestion.didYouMean(email, in: addresses) + "; no link was changed")
            }
            return email
        }
    }
}
