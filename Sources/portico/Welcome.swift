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
            own key. Build and publish the site first, so that their key opens it: a site built before \
            the contact was added is refused. Then send the file, for example with 'msmtp -t < FILE'.

            Example:
              portico new contact acme --name "Lee Park" --email lee@acme.example --role "Alliance lead"
              portico build && portico welcome acme lee@acme.example
            """)

    @Argument(help: "The partner's id.")
    var partner: String

    @Argument(help: "The contact's email address, as in the partner's file (any case).")
    var email: String

    @OptionGroup var project: ProjectOptionGroup

    @Option(help: "The built site, which must have the contact's key for their link to open.")
    var output = "site"

    @OptionGroup var mail: MailOption
    @OptionGroup var encryption: EncryptOption
    @OptionGroup var secret: SecretOption
    @OptionGroup var quiet: QuietOption

    func run() throws {
        var options = BuildOptions(project: project.options, output: output, writesOutput: false)
        options.encrypt = encryption.encrypt
        options.keys = secret.source
        options.mailURL = URL(fileURLWithPath: mail.mail)
        options.mailDisplayPath = mail.mail
        let written = try WelcomeMail.write(partner: partner, email: email, options: options)
        for diagnostic in written.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
        }
        quiet.printWarningCount(written.contentWarnings, content: project.content.content)
        print("Wrote \(written.path)")
    }
}
