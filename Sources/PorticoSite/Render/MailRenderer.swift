import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Renders an email, a brief's or a welcome: the theme's `<template>-html` and `<template>-text`
/// (`email/brief-...`, `email/welcome-...`) with absolute links, made fit for mail clients and for
/// one reader (EmailHTML), as one message.
extension PageRenderer {
    /// Gmail clips a message's HTML beyond 102 KB; stay clear of it.
    package static let emailHTMLLimit = 100 * 1024

    package func renderMail(_ mail: PlannedMail, path: String) -> Data? {
        guard let base = site.program.baseURL else { return nil }
        let scope = PageScope(site: site, root: base, markdown: markdown, log: log)
        var message = mail.message
        let context = PageFrame(
            root: base, program: program,
            site: SiteContext(
                title: site.program.name, company: site.program.company, buildDate: site.today.description,
                generator: generator, homeHref: base),
            page: nil, nav: nil,
            mail: MailInfoContext(unsubscribeHref: message.listUnsubscribe, subject: message.subject),
            body: mail.context(scope))
        guard let html = templates.render(context, template: mail.template + "-html"),
            let text = templates.render(context, template: mail.template + "-text")
        else {
            log.report(
                .error(
                    "missing-template", "the theme has no '\(mail.template)-html' or '\(mail.template)-text'", at: nil))
            return nil
        }
        let shown = EmailHTML.keepImages(html) { source in publicFilePrefixes.contains { source.hasPrefix($0) } }
        message.text = EmailHTML.personalise(Self.tidy(text), base: base, fragment: mail.fragment)
        message.html = EmailHTML.personalise(shown, base: base, fragment: mail.fragment)
        if message.html.utf8.count > Self.emailHTMLLimit {
            log.report(
                .warning(
                    "large-email",
                    "the email '\(path)' has \(FileSize.describe(message.html.utf8.count)) of HTML; "
                        + "Gmail clips messages beyond 102 KB",
                    at: nil, hint: "shorten the brief, or list fewer campaigns and changes"))
        }
        return Data(message.rendered().utf8)
    }

    /// Where a message may show pictures from: the portal's public files. Worked out once per
    /// renderer (`PageRenderer.init`), not once per message of every contact.
    package static func publicFilePrefixes(of site: SiteIndex) -> [String] {
        guard let base = site.program.baseURL else { return [] }
        let fallback = site.program.defaultVisibility
        return [base + Routes.staticFolder]
            + site.content.assets.filter { $0.readers(default: fallback) == .public }.map {
                base + "assets/\($0.id)/"
            }
    }

    /// Templates leave runs of blank lines where sections were empty: keep at most one.
    package static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in Self.lines(of: text) {
            let blank = isBlank(line)
            if blank, lines.last.map(isBlank) ?? true { continue }
            lines.append(blank ? "" : line)
        }
        return lines.joined(separator: "\n").trimmed() + "\n"
    }

    /// The lines between `\n` Characters. Without a `\r` (which joins a following `\n` into one
    /// Character) every `\n` byte is such a Character, and splitting the bytes is the same.
    private static func lines(of text: String) -> [Substring] {
        guard text.utf8.contains(UInt8(ascii: "\r")) else {
            return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
                Substring($0)
            }
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Whether every Character of the line is whitespace; ASCII lines are looked at byte by byte.
    private static func isBlank(_ line: Substring) -> Bool {
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            return line.utf8.allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) }
        }
        return line.allSatisfy(\.isWhitespace)
    }
}
