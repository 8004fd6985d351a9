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
            Each kind of file is its own subcommand, with its own options: 'portico new partner --help'.

            Examples:
              portico new partner acme-consulting
              portico new asset security-objections --kind objection
              portico new brief 2026-12
              portico new contact acme --name "Lee Ng" --email lee@acme.example --role CTO
            """,
        subcommands: [NewPartner.self, NewAsset.self, NewBrief.self, NewContact.self])
}

/// The id a new file is named by, checked before anything is written.
private func checkedID(_ id: String) throws {
    guard Scaffold.isValidID(id) else {
        throw ValidationError("'\(id)' is not a valid id: use lowercase letters, digits and '-'")
    }
}

struct NewPartner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner",
        abstract: "Write partners/ID.yml, with every field filled in; never overwrites.",
        discussion: """
            The tier and manager are the program's; the name, audience, website and contacts are \
            placeholders, which 'portico check' points at until they are replaced. Contacts with a \
            placeholder address get no access link.

            Example:
              portico new partner acme-consulting
            """)

    @Argument(help: "The partner's id: lowercase letters, digits and '-'. It becomes the file name.")
    var id: String

    @OptionGroup var content: ContentOption
    @OptionGroup var date: DateOption

    func validate() throws { try checkedID(id) }

    func run() throws {
        let path = try Scaffold.newPartner(id: id, content: URL(fileURLWithPath: content.content), today: date.day)
        print("Created \(content.content)/\(path)")
    }
}

struct NewAsset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asset",
        abstract: "Write assets/ID.md, an asset of one kind; never overwrites.",
        discussion: """
            The title and summary are placeholders, which 'portico check' points at until they are \
            replaced.

            Example:
              portico new asset security-objections --kind objection
            """)

    @Argument(help: "The asset's id: lowercase letters, digits and '-'. It becomes the file name.")
    var id: String

    @Option(help: "one-pager, objection, snapshot or guide.")
    var kind: String = "one-pager"

    @OptionGroup var content: ContentOption
    @OptionGroup var date: DateOption

    func validate() throws {
        try checkedID(id)
        guard Scaffold.assetKinds.contains(kind) else {
            throw ValidationError(
                "--kind must be one of \(Scaffold.assetKinds.joined(separator: ", ")), not '\(kind)'"
                    + Suggestion.didYouMean(kind, in: Scaffold.assetKinds))
        }
    }

    func run() throws {
        let path = try Scaffold.newAsset(
            id: id, kind: kind, content: URL(fileURLWithPath: content.content), today: date.day)
        print("Created \(content.content)/\(path)")
    }
}

struct NewBrief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Draft briefs/YYYY-MM.md, a month's brief; never overwrites.",
        discussion: """
            The draft has the campaigns of its window, the assets reviewed since the last brief and \
            the newest story not yet featured; it stays a draft until you remove 'draft: true'.

            Example:
              portico new brief 2026-12
            """)

    @Argument(help: ArgumentHelp("The brief's month.", valueName: "YYYY-MM"))
    var month: String

    @OptionGroup var content: ContentOption
    @OptionGroup var date: DateOption

    func validate() throws {
        guard Month(month) == nil else { return }
        if let meant = MonthGuess.guess(month, today: date.day) {
            throw ValidationError(
                "a brief is named by its month, written YYYY-MM, not '\(month)' (did you mean '\(meant)'?)")
        }
        throw ValidationError(
            "a brief is named by its month, written YYYY-MM (\(Month(containing: date.day)) for this month), "
                + "not '\(month)'")
    }

    func run() throws {
        guard let month = Month(month) else { throw ExitCode.validationFailure }
        print(
            "Created \(content.content)/\(try Scaffold.newBrief(month: month, content: URL(fileURLWithPath: content.content)))"
        )
    }
}

struct NewContact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Add a person to partners/PARTNER.yml in place, keeping its comments and layout.",
        discussion: """
            Refuses an address that a contact or team member already has. Then build, and send them \
            their link with 'portico welcome'.

            Example:
              portico new contact acme --name "Lee Ng" --email lee@acme.example --role CTO
            """)

    @Argument(help: "The partner's id.")
    var partner: String

    @Option(help: "Their full name.")
    var name: String?

    @Option(help: "Their email address, which identifies their access link.")
    var email: String?

    @Option(help: "Their job at the partner.")
    var role: String?

    @Option(help: ArgumentHelp("When they became a contact.", valueName: "YYYY-MM-DD"))
    var since: String?

    @OptionGroup var content: ContentOption

    // Checked here rather than by ArgumentParser, so that each missing option is named the same
    // way as the other mistakes.
    func validate() throws {
        for (option, value) in [("--name", name), ("--email", email), ("--role", role)] where value == nil {
            throw ValidationError("new contact needs \(option)")
        }
        if let since, Day(since) == nil {
            throw ValidationError("--since must be a date written YYYY-MM-DD, not '\(since)'")
        }
    }

    func run() throws {
        let contact = ContactEditor.NewContact(
            name: name ?? "", role: role ?? "", email: email ?? "", since: since.flatMap(Day.init))
        let folder = content.content
        let displayPath = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        let added = try ContactEditor.add(
            contact, partner: partner, contentURL: URL(fileURLWithPath: folder), contentDisplayPath: displayPath)
        for note in added.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        let contentOption = displayPath == "content" ? "" : " --content \(displayPath)"
        print(
            "Added \(contact.name) to \(added.path); build and send them their link: "
                + "portico welcome \(partner) \(contact.email)\(contentOption)")
    }
}
