import Crypto
import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// `portico welcome PARTNER EMAIL`: one message for a new contact, built like the briefs' emails,
/// that carries their personal access link and the seven steps of their start path, each linked
/// with their own key, and says whom to ask. Written to `welcome/<partner>/<email>.eml` of the
/// mail folder.
public enum WelcomeMail {
    public struct Written: Sendable {
        /// The message's file, as the mail folder was named (`mail/welcome/acme/lee@acme.example.eml`).
        public var path: String
        /// Warnings about the message itself, such as its size; the content's own warnings are
        /// for `portico check`.
        public var diagnostics: [Diagnostic]
        /// How many warnings the content has, which the command counts rather than lists.
        public var contentWarnings: Int = 0
    }

    package static let templates = ["email/welcome-html", "email/welcome-text"]

    /// Writes the welcome message of the contact with `email` (in any case) at the partner
    /// `partnerID`. `options.mailURL` is the mail folder; `options.encrypt` false writes links
    /// without keys.
    public static func write(partner partnerID: String, email: String, options: BuildOptions) throws(PorticoError)
        -> Written
    {
        let log = DiagnosticLog()
        let theme = Theme.load(
            overridesIn: options.project.templatesURL, displayPath: options.project.templatesDisplayPath)
        let project = Project.load(options.project, into: log)
        let templateSet = TemplateSet.load(from: theme, requiring: templates, log: log)
        guard let content = project?.content, let templateSet, !log.hasErrors else {
            throw PorticoError.refused(
                "the content has errors; fix them, then run 'portico welcome' again", diagnostics: log.all)
        }
        let contentWarnings = Set(log.all)
        guard let partner = content.partners.first(where: { $0.id == partnerID }) else {
            let ids = content.partners.map(\.id)
            throw PorticoError.refused(
                "unknown partner '\(partnerID)'\(Suggestion.didYouMean(partnerID, in: ids)); "
                    + "the partners are \(ids.joined(separator: ", "))")
        }
        let address = EmailAddress.normalized(email.trimmingCharacters(in: .whitespaces))
        guard let contact = partner.contacts.first(where: { $0.email.map(EmailAddress.normalized) == address }) else {
            let known = partner.contacts.compactMap(\.email)
            let hint = known.isEmpty ? "" : " (its contacts are \(known.joined(separator: ", ")))"
            throw PorticoError.refused(
                "\(email) is not a contact of '\(partnerID)'\(hint); add them first with "
                    + "'portico new contact \(partnerID) --name NAME --email \(email) --role ROLE'")
        }
        guard partner.status != .retired else {
            throw PorticoError.refused(
                "'\(partnerID)' is retired: its contacts have no access link, so there is nothing to welcome them to")
        }
        guard !contact.hasPlaceholderAddress else {
            throw PorticoError.refused(
                "\(email) is a placeholder address, which gets no access link; write the contact's own address in "
                    + "\(options.project.contentDisplayPath)/partners/\(partnerID).yml, then build and welcome them")
        }
        guard let base = content.program.baseURL else {
            throw PorticoError.refused(
                "a welcome email needs base_url in program.yml: its links must be absolute; "
                    + "set it to the portal's address")
        }
        guard
            let manager = partner.manager.flatMap({ id in content.program.team.first { $0.id == id.id } })
                ?? content.program.team.first
        else {
            throw PorticoError.refused("the program has no team member to send the welcome from")
        }
        let access = try accessPlan(options, content: content)
        let site = SiteIndex(content: content, today: options.project.date, access: access)
        let fragment: String
        if let access {
            guard let personal = access.fragment(email: address) else {
                throw PorticoError.refused("\(email) has no access link; check 'portico links --partner \(partnerID)'")
            }
            fragment = personal
            try checkSiteOpens(for: address, partner: partnerID, access: access, options: options)
        } else {
            fragment = ""
        }

        let program = content.program
        let headers = MailMessage(
            from: MailAddress(name: manager.name, email: manager.email),
            to: MailAddress(name: contact.name, email: contact.email ?? address),
            subject: "Welcome to \(program.name)", date: options.project.date,
            messageID: messageID(partner: partner.id, email: address, host: FeedPlanner.host(of: base)),
            listUnsubscribe: nil, text: "", html: "")
        let isManager = partner.manager?.id == manager.id
        let steps = StartPath(site: site, partner: partner).steps()
        var mail = PlannedMail(message: headers, fragment: fragment) { scope in
            WelcomeMailContext(
                partner, contact: contact, manager: manager, isManager: isManager, steps: steps, scope: scope)
        }
        mail.template = "email/welcome"
        let relative = "welcome/\(partner.id)/\(address).eml"
        let renderer = PageRenderer(
            templates: templateSet, site: site, theme: theme, markdown: MarkdownRenderer(), log: log,
            generator: PorticoVersion.generator)
        guard let data = renderer.renderMail(mail, path: relative), !log.hasErrors else {
            throw PorticoError.refused("the welcome email could not be rendered", diagnostics: log.all)
        }
        let display =
            (options.mailDisplayPath.hasSuffix("/") ? options.mailDisplayPath : options.mailDisplayPath + "/")
            + relative
        try save(data, to: relative, options: options, display: display)
        return Written(
            path: display, diagnostics: log.all.filter { !contentWarnings.contains($0) },
            contentWarnings: contentWarnings.count { $0.severity == .warning })
    }

    /// Stable, so writing the message again gives the same one.
    package static func messageID(partner: String, email: String, host: String) -> String {
        let digest = SHA256.hash(data: Data(email.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
        return "welcome.\(partner).\(digest)@\(host)"
    }

    /// The plan of an encrypted portal, from the same secret and epochs as the build; nil when
    /// links carry no key.
    package static func accessPlan(_ options: BuildOptions, content: Content) throws(PorticoError) -> AccessPlan? {
        guard options.encrypt else { return nil }
        guard let secret = try options.keys.secret() else {
            throw PorticoError.usage(
                "no secret yet: run 'portico keys init' (or a first 'portico build') to make "
                    + "\(options.keys.secretDisplayPath); --no-encrypt writes links without keys")
        }
        return try options.keys.plan(secret: secret, content: content)
    }

    /// Writes the message below the mail folder. A folder made here gets the marker a build
    /// leaves, so the next `portico build` may replace it.
    package static func save(_ data: Data, to relative: String, options: BuildOptions, display: String)
        throws(PorticoError)
    {
        guard let mailURL = options.mailURL else { throw PorticoError.usage("no mail folder") }
        let folder: OutputFolder
        do {
            folder = try OutputFolder.checked(
                mailURL, contentFolder: options.project.contentURL, displayPath: options.mailDisplayPath)
        } catch {
            throw PorticoError.usage(error.description.replacingOccurrences(of: "--output", with: "--mail"))
        }
        let manager = FileManager.default
        do {
            // The folder is new or empty unless it has the marker (OutputFolder.checked).
            let marker = folder.url.appendingPathComponent(OutputFolder.markerName)
            if !manager.fileExists(atPath: marker.path) {
                try PrivateFiles.createFolder(folder.url)
                try PrivateFiles.write(Data(OutputFolder.markerText.utf8), to: marker)
            }
            let file = folder.url.appendingPathComponent(relative)
            try PrivateFiles.createFolder(file.deletingLastPathComponent())
            try PrivateFiles.write(data, to: file)
        } catch {
            throw PorticoError.refused("cannot write \(display): \(error.localizedDescription)")
        }
    }
}
