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

struct Send: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send a month's brief: each built message to a sendmail-compatible command.",
        discussion: """
            Reads the messages 'portico build' wrote to mail/YYYY-MM/ and pipes each to the command \
            on its standard input. Each message the command accepts is recorded in portico-sent.log, \
            so running it again sends only what was not sent yet. Messages built before the content \
            last changed are refused, and each message is dated when it is sent.

            Examples:
              portico send 2026-11 --sendmail "msmtp -t" --dry-run
              portico send 2026-11 --sendmail "msmtp -t" --partner cargo-compass
            """)

    @Argument(help: ArgumentHelp("The brief's month.", valueName: "YYYY-MM"))
    var month: String

    @Option(help: ArgumentHelp("The command each message is piped to.", valueName: "command"))
    var sendmail: String

    @OptionGroup var contentOption: ContentOption

    @OptionGroup var mailOption: MailOption
    var mail: String { mailOption.mail }

    @Option(help: "The record of what was sent.")
    var record = SendRecord.defaultFile

    @Option(help: ArgumentHelp("Send only this partner's messages.", valueName: "id"))
    var partner: String?

    @Flag(help: "List who would get what; send nothing.")
    var dryRun = false

    @Flag(help: "Send messages the record says were sent already.")
    var resend = false

    func validate() throws {
        guard Month(month) != nil else { throw ValidationError("the month must be written YYYY-MM, not '\(month)'") }
    }

    func run() throws {
        guard let month = Month(month) else { throw ExitCode.validationFailure }
        var delivery = MailDelivery(
            month: month, mailFolder: URL(fileURLWithPath: mail), mailDisplayPath: mail,
            record: SendRecord(url: URL(fileURLWithPath: record)), command: sendmail, partner: partner)
        // A partner given by hand is checked against the content, when there is one to ask.
        let content = URL(fileURLWithPath: contentOption.content)
        delivery.content = (content, contentOption.content)
        if partner != nil, FileManager.default.fileExists(atPath: content.appendingPathComponent("partners").path) {
            let ids = ContentLoader(contentURL: content, displayPath: contentOption.content).partnerIDs()
            delivery.knownPartners = (ids, contentOption.content + "/partners")
        }
        delivery.dryRun = dryRun
        delivery.resend = resend
        let summary = try delivery.run { print($0) }
        let verb = dryRun ? "Would send" : "Sent"
        print("\(verb) \(summary.sent) of \(summary.total) messages for \(month).")
    }
}
