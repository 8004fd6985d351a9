import PorticoModel
import PorticoSupport

/// Values `portico new` wrote for the author to replace and that are still there: each is a
/// warning at the value, whose hint says what to write instead. A placeholder address also
/// costs its contact their access link and their email (`Contact.hasPlaceholderAddress`).
package struct PlaceholderValidator {
    package let loaded: LoadedContent

    package static let code = "placeholder"

    package func check() -> [Diagnostic] {
        var issues: [Diagnostic] = []
        // A retired partner's file is a record; nobody reads its pages or gets its mail.
        for partner in loaded.partners where partner.status != .retired {
            issues += self.partner(partner)
            for contact in partner.contacts {
                issues += self.contact(contact, of: partner)
            }
        }
        for asset in loaded.assets {
            if Placeholder.isText(asset.title) {
                issues.append(
                    warning(
                        "asset '\(asset.id)' still has the placeholder title '\(asset.title)'",
                        at: asset.titleLocation ?? asset.source,
                        hint: "write the title partners see in the library and on the asset's page"))
            }
            if Placeholder.isText(asset.summary) {
                issues.append(
                    warning(
                        "asset '\(asset.id)' still has a placeholder summary",
                        at: asset.summaryLocation ?? asset.source,
                        hint: "write one sentence on what the asset is for and when to use it: lists show it"))
            }
        }
        return issues
    }

    private func partner(_ partner: Partner) -> [Diagnostic] {
        var issues: [Diagnostic] = []
        if Placeholder.isText(partner.name) {
            issues.append(
                warning(
                    "partner '\(partner.id)' still has the placeholder name '\(partner.name)'",
                    at: partner.nameLocation ?? partner.source,
                    hint: "write the partner's name as it should appear on their page and in their emails"))
        }
        if Placeholder.isText(partner.audience.text) {
            issues.append(
                warning(
                    "partner '\(partner.id)' still has a placeholder audience", at: partner.audience.start,
                    hint: "write who the partner's customers are, and why those customers would want us"))
        }
        if let website = partner.website, Placeholder.isWebsite(website) {
            issues.append(
                warning(
                    "partner '\(partner.id)' has the placeholder website '\(website)'",
                    at: partner.websiteLocation ?? partner.source,
                    hint: "write the partner's own web address, or remove the line"))
        }
        return issues
    }

    private func contact(_ contact: Contact, of partner: Partner) -> [Diagnostic] {
        var issues: [Diagnostic] = []
        if Placeholder.isText(contact.name) {
            issues.append(
                warning(
                    "contact '\(contact.name)' of partner '\(partner.id)' has a placeholder name",
                    at: contact.nameLocation ?? contact.source,
                    hint: "write the person's full name, as their emails will greet them"))
        }
        if let email = contact.email, contact.hasPlaceholderAddress {
            issues.append(
                warning(
                    "contact '\(contact.name)' of partner '\(partner.id)' has the placeholder address '\(email)'; "
                        + "they get no access link and no email",
                    at: contact.emailLocation ?? contact.source,
                    hint: "write the address they read: example.com, example.org and example.net reach no one"))
        }
        return issues
    }

    private func warning(_ message: String, at location: SourceLocation, hint: String) -> Diagnostic {
        .warning(Self.code, message, at: location, hint: hint)
    }
}
