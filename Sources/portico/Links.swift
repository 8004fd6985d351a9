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

            Content warnings are counted in one line; 'portico check' lists them.

            Examples:
              portico links --partner cargo-compass
              portico links --json --date 2026-11-25
            """)

    @OptionGroup var content: ContentOption
    @OptionGroup var date: DateOption

    @Option(help: ArgumentHelp("Only this partner's contacts.", valueName: "id"))
    var partner: String?

    @Flag(help: "Print the links as JSON.")
    var json = false

    @OptionGroup var secret: SecretOption
    @OptionGroup var quiet: QuietOption

    func run() throws {
        let (all, diagnostics, partners) = try AccessLink.all(
            ProjectOptions(content: content.content, date: date.day), keys: secret.source)
        quiet.printContentProblems(diagnostics, content: content.content)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        var links = all
        if let partner {
            links = all.filter { $0.partner == partner }
            try Self.explainNoLinks(for: partner, links: links, partners: partners, content: content.content)
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

    /// A partner given by hand that has no links: a typo, a retired partner, or one whose
    /// contacts have no address of their own yet, each said as such.
    static func explainNoLinks(for id: String, links: [AccessLink], partners: [Partner], content: String) throws {
        guard links.isEmpty else { return }
        guard let partner = partners.first(where: { $0.id == id }) else {
            throw PorticoError.usage(
                "no partner '\(id)' in \(content)/partners" + Suggestion.didYouMean(id, in: partners.map(\.id)))
        }
        if partner.status == .retired {
            let place = partner.statusLocation
            throw PorticoError.refused(
                "partner '\(id)' is retired (\(place.file):\(place.line):\(place.column)): its contacts have no "
                    + "access link")
        }
        if let placeholder = partner.contacts.first(where: \.hasPlaceholderAddress) {
            let place = placeholder.emailLocation ?? placeholder.source
            throw PorticoError.refused(
                "partner '\(id)' has no contact with an access link: their addresses are placeholders, such as "
                    + "'\(placeholder.email ?? "")' (\(place.file):\(place.line):\(place.column)); write their own")
        }
        throw PorticoError.refused(
            "partner '\(id)' has no contact with an access link: each needs an address of their own "
                + "('portico new contact \(id) --name NAME --email EMAIL --role ROLE')")
    }
}
