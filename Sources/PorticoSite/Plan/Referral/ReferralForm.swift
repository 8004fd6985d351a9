import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The template context of a referral or deal-registration form (docs/templates.md). With a
/// form endpoint the form POSTs there; without one it composes an email to the program's
/// address (static/refer.js), and a prefilled `mailto:` link serves readers without JavaScript.
package struct ReferralForm {
    package enum Purpose: String {
        case referral
        case registration
        /// "I am new at a partner": a new contact asks for their link (sign-in page).
        case join

        package var formID: String { "\(rawValue)-form" }
        package var noun: String {
            switch self {
            case .referral: "Referral"
            case .registration: "Deal registration"
            case .join: "New partner contact"
            }
        }
        package var submitLabel: String {
            switch self {
            case .referral: "Send the referral"
            case .registration: "Register the deal"
            case .join: "Ask for my link"
            }
        }
    }

    package let purpose: Purpose
    package let terms: ReferralTerms
    package let fields: FieldSelection

    /// One control of the form, as the template and the email composer see it.
    package struct Control {
        package var name: String
        package var label: String
        package var help: String
        package var input: ReferralField.Input
        package var required: Bool
        package var autocomplete: String
    }

    /// The fields the opportunity needs, then who is referring: feedback goes to that person.
    package var controls: [Control] { opportunityControls + referrerControls }

    package var opportunityControls: [Control] {
        guard purpose != .join else { return [] }
        func control(_ field: ReferralField, required: Bool) -> Control {
            // The contact fields describe someone else: the browser must not offer the rep's own details.
            Control(
                name: field.rawValue, label: field.label, help: field.help, input: field.input, required: required,
                autocomplete: "off")
        }
        return fields.required.map { control($0, required: true) }
            + fields.optional.map { control($0, required: false) }
    }

    package var referrerControls: [Control] {
        if purpose == .join {
            return [
                Control(name: "name", label: "Your name", help: "", input: .text, required: true, autocomplete: "name"),
                Control(
                    name: "role", label: "Your role", help: "What you do at the partner.", input: .text,
                    required: true, autocomplete: "organization-title"),
                Control(
                    name: "email", label: "Your work email", help: "Your link is sent here.", input: .email,
                    required: true, autocomplete: "email"),
                Control(
                    name: "company", label: "Your company", help: "The partner you work for.", input: .text,
                    required: true, autocomplete: "organization"),
            ]
        }
        var controls = [
            Control(
                name: "referrer_name", label: "Your name", help: "", input: .text, required: true, autocomplete: "name"),
            Control(
                name: "referrer_email", label: "Your email", help: "We send the outcome here.", input: .email,
                required: true, autocomplete: "email"),
        ]
        if terms.partner == nil {
            controls += [
                Control(
                    name: "partner", label: "Your company", help: "The partner you work for.", input: .text,
                    required: true, autocomplete: "organization"),
                Control(
                    name: "referral_code", label: "Referral code", help: "It is on your partner page, if you have one.",
                    input: .text, required: false, autocomplete: "off"),
            ]
        }
        return controls
    }

    /// Hidden values that carry the partner's credit; `label` names the line in a composed email.
    package var hidden: [(name: String, value: String, label: String?, display: String?)] {
        var hidden: [(String, String, String?, String?)] = [("form", purpose.rawValue, nil, nil)]
        if let partner = terms.partner {
            hidden.append(("partner", partner.id, "Partner", partner.name))
            hidden.append(("referral_code", partner.referralCode, "Referral code", nil))
        }
        return hidden
    }

    package var subjectPrefix: String {
        terms.partner.map { "\(purpose.noun) from \($0.name):" } ?? "\(purpose.noun):"
    }

    /// What the rep reads next to the send button: who answers, and by when.
    package var promise: String {
        let owner = terms.owner.map { "\($0.name) (\($0.role))" } ?? "Your partner manager"
        switch purpose {
        case .referral:
            return "\(owner) picks this up, replies within \(terms.responseTime) and holds a first call with "
                + "the client within \(terms.firstCallTime)."
        case .join:
            return "\(owner) checks with your company and sends you your personal link within \(terms.responseTime)."
        case .registration:
            let days = terms.program.registration.map { ReferralTerms.count($0.protectionDays, "day") } ?? ""
            // When a registration is answered is the program's rule, written in its own words below
            // the form; the referral's response time is another promise.
            return "\(owner) tells you whether the registration is accepted, as the rules below say; "
                + "an accepted registration protects the deal in your name for \(days)."
        }
    }

    package func context() -> FormContext {
        let controls = controls
        let route: FormContext.Route
        if let endpoint = terms.program.formAction {
            route = .posts(action: endpoint)
        } else if let recipients = terms.mailRecipients {
            route = .mails(
                action: MailtoURL(to: recipients.to, cc: recipients.cc, subject: subjectPrefix).string,
                mailto: MailtoURL(to: recipients.to, cc: recipients.cc).string, subjectPrefix: subjectPrefix,
                email: recipients.to.joined(separator: ", "), fallbackMailto: fallback(recipients).string)
        } else {
            route = .none
        }
        return FormContext(
            id: purpose.formID, purpose: purpose.rawValue, submitLabel: purpose.submitLabel, promise: promise,
            opportunityFields: opportunityControls.map(controlContext), youFields: referrerControls.map(controlContext),
            hidden: hidden.map {
                HiddenFieldContext(name: $0.name, value: $0.value, label: $0.label, display: $0.display)
            },
            requiredCount: controls.count { $0.required }, fieldCount: controls.count, route: route)
    }

    private func controlContext(_ control: Control) -> FormFieldContext {
        FormFieldContext(
            name: control.name, id: "\(purpose.rawValue)-\(control.name)", label: control.label, help: control.help,
            required: control.required, type: control.input.rawValue, autocomplete: control.autocomplete)
    }

    /// A prefilled email for readers without JavaScript: one `Label: ` line per field to fill in.
    private func fallback(_ recipients: (to: [String], cc: [String])) -> MailtoURL {
        var lines = controls.map { "\($0.label): " }
        for field in hidden {
            if let label = field.label { lines.append("\(label): \(field.display ?? field.value)") }
        }
        return MailtoURL(
            to: recipients.to, cc: recipients.cc, subject: subjectPrefix + " ", body: lines.joined(separator: "\n"))
    }
}
