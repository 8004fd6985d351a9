import Foundation
import PorticoSite
import PorticoSupport

/// `send` hands over files a build wrote earlier; a brief edited, or a contact added, since
/// then would otherwise go out in the older message without a word. The build records the
/// content it read (ContentStamp); the content must be the same now.
extension MailDelivery {
    package func checkBuiltFromCurrentContent() throws {
        guard let content else { return }
        let rebuild = "run '\(buildCommand)', then send again"
        let recorded = mailFolder.appendingPathComponent(ContentStamp.fileName)
        guard let text = try? String(contentsOf: recorded, encoding: .utf8), let built = ContentStamp(text: text)
        else {
            throw PorticoError.refused(
                "\(mailDisplayPath)/\(month) does not say what content it was built from "
                    + "(it was written by an older portico); \(rebuild)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.url.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw PorticoError.usage(
                "content folder '\(content.displayPath)' does not exist: send checks that "
                    + "\(mailDisplayPath)/\(month) was built from the content as it is now (--content names it)")
        }
        let current: ContentStamp
        do {
            current = try ContentStamp.of(folder: content.url)
        } catch {
            throw PorticoError.refused("cannot read \(content.displayPath): \(error.localizedDescription)")
        }
        let changes = current.changes(since: built)
        guard let first = changes.first else { return }
        let others = changes.count - 1
        let more = others == 0 ? "" : ", and \(others) more file\(others == 1 ? "" : "s") changed"
        throw PorticoError.refused(
            "the content changed after \(mailDisplayPath)/\(month) was built "
                + "(\(first.described(in: content.displayPath))\(more)); \(rebuild)")
    }

    /// `portico build`, with the folders this run was given when they are not the defaults.
    var buildCommand: String {
        var words = ["portico", "build"]
        if let content, content.displayPath != "content" { words += ["--content", content.displayPath] }
        if mailDisplayPath != "mail" { words += ["--mail", mailDisplayPath] }
        return words.joined(separator: " ")
    }
}
