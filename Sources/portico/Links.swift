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

struct Links: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print each person's personal access link.",
        discussion: """
            A contact's link opens their partner's page; a team member's opens the home page. The key
            is in the part after '#', which browsers never send to the web host.

            Examples:
              portico links --partner cargo-compass
              portico links --json
            """)

    @OptionGroup var content: ContentOption

    @Option(help: "Only this partner's contacts.")
    var partner: String?

    @Flag(help: "Print the links as JSON.")
    var json = false

    @OptionGroup var secret: SecretOption

    func run() throws {
        let (all, diagnostics) = try AccessLink.all(
            ProjectOptions(content: content.content, date: .today), keys: secret.source)
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        let links = all.filter { partner == nil || $0.partner == partner }
        if let partner, links.isEmpty {
            throw ValidationError("no contacts with access for partner '\(partner)'")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(links), as: UTF8.self))
            return
        }
        for link in links {
            let who = link.team ? "team" : (link.partner ?? "")
            print("\(link.name) <\(link.email)> (\(who))\n  \(link.url)")
        }
    }
}
