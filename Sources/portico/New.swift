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

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new partner, asset or monthly brief file, or add a contact to a partner.",
        discussion: """
            A brief is drafted with the campaigns of its window, the assets reviewed since the last \
            brief and the newest story not yet featured; it starts as a draft.

            'new contact PARTNER' adds a person to content/partners/PARTNER.yml in place, keeping the \
            file's comments and layout; it refuses an address that a contact or team member already has.

            Examples:
              portico new partner acme-consulting
              portico new asset security-objections --kind objection
              portico new brief 2026-12
              portico new contact acme-consulting --name "Zoë O'Neil" --email zoe@acme.example --role CTO
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case partner, asset, brief, contact
    }

    @Argument(help: "What to create: partner, asset, brief or contact.")
    var what: Kind

    @Argument(
        help: """
            The id: lowercase letters, digits and '-'; for a brief, its month (YYYY-MM). It becomes the file \
            name. For a contact, the partner's id.
            """)
    var id: String

    @Option(help: "For a contact: their full name.")
    var name: String?

    @Option(help: "For a contact: their email address, which identifies their access link.")
    var email: String?

    @Option(help: "For a contact: their job at the partner.")
    var role: String?

    @Option(help: ArgumentHelp("For a contact: when they became a contact.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: "For an asset: one-pager, objection, snapshot or guide.")
    var kind: String = "one-pager"

    @OptionGroup var contentOption: ContentOption
    var content: String { contentOption.content }

    func validate() throws {
        if what == .contact {
            for (option, value) in [("--name", name), ("--email", email), ("--role", role)] where value == nil {
                throw ValidationError("new contact needs \(option)")
            }
            if let since, Day(since) == nil {
                throw ValidationError("--since must be a date written YYYY-MM-DD, not '\(since)'")
            }
            return
        }
        for (option, value) in [("--name", name), ("--email", email), ("--role", role), ("--since", since)]
        where value != nil {
            throw ValidationError("\(option) is only for 'new contact'")
        }
        if what == .brief {
            guard Month(id) != nil else { throw ValidationError("a brief is named by its month, YYYY-MM, not '\(id)'") }
            return
        }
        guard Scaffold.isValidID(id) else {
            throw ValidationError("'\(id)' is not a valid id: use lowercase letters, digits and '-'")
        }
        guard Scaffold.assetKinds.contains(kind) else {
            throw ValidationError("--kind must be one of \(Scaffold.assetKinds.joined(separator: ", "))")
        }
    }

    func run() throws {
        if what == .contact { return try addContact() }
        let folder = URL(fileURLWithPath: content)
        let path: String
        switch what {
        case .partner: path = try Scaffold.newPartner(id: id, content: folder)
        case .asset: path = try Scaffold.newAsset(id: id, kind: kind, content: folder)
        case .brief: path = try Scaffold.newBrief(month: Month(id) ?? Month(containing: .today), content: folder)
        case .contact: return
        }
        print("Created \(content)/\(path)")
    }

    func addContact() throws {
        let contact = ContactEditor.NewContact(
            name: name ?? "", role: role ?? "", email: email ?? "", since: since.flatMap(Day.init))
        let displayPath = content.hasSuffix("/") && content.count > 1 ? String(content.dropLast()) : content
        let added = try ContactEditor.add(
            contact, partner: id, contentURL: URL(fileURLWithPath: content), contentDisplayPath: displayPath)
        for note in added.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        let contentOption = displayPath == "content" ? "" : " --content \(displayPath)"
        print(
            "Added \(contact.name) to \(added.path); build and send them their link: "
                + "portico welcome \(id) \(contact.email)\(contentOption)")
    }
}
