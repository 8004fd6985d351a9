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

struct Welcome: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a welcome email for a new contact: their access link and their start path.",
        discussion: """
            The message goes to mail/welcome/PARTNER/EMAIL.eml, from the partner's manager, with the \
            contact's personal link and the seven steps of their start page, each linked with their \
            own key. Build and publish the site first, so that their key opens it; then send the file, \
            for example with 'msmtp -t < FILE'.

            Example:
              portico new contact acme --name "Lee Park" --email lee@acme.example --role "Alliance lead"
              portico build && portico welcome acme lee@acme.example
            """)

    @Argument(help: "The partner's id.")
    var partner: String

    @Argument(help: "The contact's email address, as in the partner's file (any case).")
    var email: String

    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "A folder whose files override the built-in theme (default: templates, when it exists).")
    var templates: String?

    @Option(help: "The mail folder the message is written below.")
    var mail = "mail"

    @Option(help: ArgumentHelp("The message's date (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Flag(inversion: .prefixedNo, help: "Give links the contact's key; --no-encrypt, for a portal built the same way.")
    var encrypt = true

    @Option(help: ArgumentHelp("The master secret's file, when PORTICO_SECRET is not set.", valueName: "file"))
    var secretFile = MasterSecret.defaultFile

    func validate() throws {
        if let date, Day(date) == nil {
            throw ValidationError("--date must be a date written YYYY-MM-DD, not '\(date)'")
        }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        let templatesFolder =
            templates
            ?? (FileManager.default.fileExists(atPath: "templates", isDirectory: &isDirectory) && isDirectory.boolValue
                ? "templates" : nil)
        var options = BuildOptions(
            content: content, templates: templatesFolder, date: date.flatMap(Day.init) ?? .today, writesOutput: false)
        options.encrypt = encrypt
        options.secretURL = URL(fileURLWithPath: secretFile)
        options.secretDisplayPath = secretFile
        options.mailURL = URL(fileURLWithPath: mail)
        options.mailDisplayPath = mail
        let written = try WelcomeMail.write(partner: partner, email: email, options: options)
        for diagnostic in written.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
        }
        print("Wrote \(written.path)")
    }
}
