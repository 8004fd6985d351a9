import Crypto
import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// One email to write: its headers, decided when planning, and its template context, built only
/// when it is rendered.
public struct PlannedMail: Sendable {
    /// The headers; the parts are rendered later.
    package var message: MailMessage
    /// `#k=...`: the reader's own key, added to every portal link; empty when pages are not encrypted.
    package var fragment: String
    /// The templates, `<template>-html` and `<template>-text`.
    package var template = "email/brief"
    package var context: @Sendable (PageScope) -> any TemplateContext

    package init(
        message: MailMessage, fragment: String, template: String = "email/brief",
        context: @escaping @Sendable (PageScope) -> any TemplateContext
    ) {
        self.message = message
        self.fragment = fragment
        self.template = template
        self.context = context
    }
}

/// The monthly briefs as email: one message per contact of every partner that is not retired,
/// for every brief partners read, below `YYYY-MM/<partner>/<email>.eml` of the mail folder.
package struct MailPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let selection = BriefSelection(site: site)
        let briefs = selection.partnerBriefs
        guard !briefs.isEmpty else { return [] }
        guard let base = site.program.baseURL else {
            log.report(
                .warning(
                    "mail-needs-base-url", "the briefs' emails are not written: program.yml has no base_url",
                    at: site.program.source,
                    hint: "set base_url to the portal's address; an email's links must be absolute"))
            return []
        }
        let host = FeedPlanner.host(of: base)
        var outputs: [PlannedOutput] = []
        for partner in selection.readers {
            let manager = partner.manager.flatMap { site.teamByID[$0.id] } ?? site.program.team.first
            guard let manager else { continue }
            let from = MailAddress(name: manager.name, email: manager.email)
            for brief in briefs {
                for contact in partner.contacts where !contact.hasPlaceholderAddress {
                    guard let address = contact.email else { continue }
                    let email = EmailAddress.normalized(address)
                    let unsubscribe = MailtoURL(
                        to: [manager.email], subject: "Unsubscribe \(email) from the \(site.program.name) briefs"
                    ).string
                    let headers = MailMessage(
                        from: from, to: MailAddress(name: contact.name, email: address),
                        subject: "\(brief.title) · \(site.program.name)", date: brief.month.firstDay,
                        messageID: Self.messageID(brief: brief, partner: partner, email: email, host: host),
                        listUnsubscribe: unsubscribe,
                        oneClickUnsubscribe: Self.oneClickUnsubscribe(site.program, partner: partner, email: email),
                        text: "", html: "")
                    let mail = PlannedMail(message: headers, fragment: site.access?.fragment(email: email) ?? "") {
                        scope in
                        var context = BriefContextBuilder(scope: scope, forEmail: true)
                            .context(brief, readers: .partner(partner.id), partner: partner)
                        context.contact = PersonContext(contact)
                        return BriefPageContext(brief: context)
                    }
                    outputs.append(
                        PlannedOutput(path: "\(brief.month)/\(partner.id)/\(email).eml", content: .mail(mail)))
                }
            }
        }
        return outputs
    }

    /// The referral form's endpoint, with who is unsubscribing in its query, since a one-click
    /// POST (RFC 8058) carries nothing but `List-Unsubscribe=One-Click`. Only an https endpoint
    /// qualifies; the portal itself never does, as a static host cannot act on a POST.
    package static func oneClickUnsubscribe(_ program: Program, partner: Partner, email: String) -> String? {
        guard let action = program.referral.formAction, action.lowercased().hasPrefix("https://") else { return nil }
        let address = String(action.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let separator = address.contains("?") ? "&" : "?"
        return address + separator + "form=unsubscribe&partner=" + MailtoURL.encode(partner.id) + "&email="
            + MailtoURL.encode(email)
    }

    /// Stable across builds, so a resent or rebuilt message is recognised as the same one.
    package static func messageID(brief: Brief, partner: Partner, email: String, host: String) -> String {
        let digest = SHA256.hash(data: Data(email.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
        return "brief-\(brief.month).\(partner.id).\(digest)@\(host)"
    }
}
