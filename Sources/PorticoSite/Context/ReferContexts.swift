import PorticoModel

/// `refer` and `register`: the refer and deal-registration pages, public and each partner's.
package struct ReferPageContext: TemplateContext {
    var refer: ReferContext

    package static let fields = ContextFields<Self>(
        "refer and register",
        "`refer.mustache` renders `refer/index.html` and each partner's `partners/<folder>/refer/index.html`; "
            + "`register.mustache` renders `refer/register/index.html` and each partner's "
            + "`partners/<folder>/refer/register/index.html`, built only when the program has "
            + "`deal_registration`. On a partner's pages `refer` holds that partner's terms.",
        [.object("refer", "the terms and the form") { $0.refer }])
}

package struct ReferContext: TemplateContext {
    var partner: ReferPartnerContext?
    var goodFit: String?
    var weSolve: [String]
    var qualification: [String]
    var owner: PersonContext?
    var responseTime: String
    var firstCallTime: String
    var steps: [String]
    var feedback: String
    var incentives: [IncentiveContext]
    var attribution: String
    var referHref: String
    var registerHref: String
    var publicReferHref: String
    var registration: RegistrationTermsContext?
    var integration: IntegrationContext?
    var form: FormContext?

    package static let fields = ContextFields<Self>(
        "refer", "What qualifies, who picks a referral up and how fast, and how credit works.",
        [
            .flag("is_partner_page", "true on a partner's pages, false on the public ones") { $0.partner != nil },
            .object("partner", "on a partner's pages: the partner") { $0.partner },
            .text("good_fit", "the program's `referral.good_fit`") { $0.goodFit ?? "" },
            .flag("has_good_fit", "whether it is set") { $0.goodFit != nil },
            .texts("we_solve", "`boundaries.we_solve`, for when there is no `good_fit`") { $0.weSolve },
            .text("we_solve_line", "the same in one line, joined by semicolons") {
                $0.weSolve.joined(separator: "; ")
            },
            .list("qualification", "the checklist of what qualifies") {
                $0.qualification.enumerated().map { QualificationContext(text: $1, id: "qualifies-\($0 + 1)") }
            },
            .object(
                "owner",
                "who picks it up: the partner's manager on its pages (else the handoff `owner`), the handoff "
                    + "`owner` on the public ones"
            ) { $0.owner },
            .flag("has_owner", "whether there is one") { $0.owner != nil },
            .text("response_time", "the response time in words, such as `24 hours`") { $0.responseTime },
            .text("first_call_time", "`handoff.first_call_days` in words, such as `5 days`") { $0.firstCallTime },
            .texts("steps", "`handoff.steps`") { $0.steps },
            .text("feedback", "`referral.feedback`") { $0.feedback },
            .list("incentives", "the rewards, in the order written") { $0.incentives },
            .flag("has_incentives", "whether there are any") { !$0.incentives.isEmpty },
            .text("attribution", "how credit is given") { $0.attribution },
            .text("refer_href", "this reader's refer page: the partner's own, or the public one") { $0.referHref },
            .text("register_href", "this reader's register page") { $0.registerHref },
            .text("public_refer_href", "always the public `refer/index.html`") { $0.publicReferHref },
            .flag("has_registration", "whether the program has `deal_registration`") { $0.registration != nil },
            .object("registration", "only when it has: the protection and its rules") { $0.registration },
            .object("integration", "on the pages of a partner with an `integration` block") { $0.integration },
            .flag("has_integration", "whether there is one") { $0.integration != nil },
            .object(
                "form", "the referral form on refer pages, the registration form on register pages"
            ) { $0.form },
        ])
}

package struct QualificationContext: TemplateContext {
    var text: String
    var id: String

    package static let fields = ContextFields<Self>(
        "qualification", "One item of the checklist.",
        [
            .text("text", "what qualifies") { $0.text },
            .text("id", "`qualifies-1`, `qualifies-2`, …, for checkbox labels") { $0.id },
        ])
}

package struct IncentiveContext: TemplateContext {
    var stage: String
    var reward: String

    package static let fields = ContextFields<Self>(
        "incentive", "A reward for a referral that reaches a stage.",
        [
            .text("stage", "the stage, such as `Discovery call held`") { $0.stage },
            .text("reward", "the reward") { $0.reward },
        ])
}

package struct RegistrationTermsContext: TemplateContext {
    var protectionDays: Int
    var protectionTime: String
    var rules: [String]
    var conflicts: [String]

    package static let fields = ContextFields<Self>(
        "registration", "How a registered deal is protected.",
        [
            .number("protection_days", "how many days") { $0.protectionDays },
            .text("protection_time", "the same in words, such as `90 days`") { $0.protectionTime },
            .texts("rules", "the rules") { $0.rules },
            .texts("conflicts", "how conflicts are settled") { $0.conflicts },
        ])
}

package struct ReferPartnerContext: TemplateContext {
    var id: String
    var name: String
    var referralCode: String
    var href: String
    var kindLabel: String

    package static let fields = ContextFields<Self>(
        "refer partner", "The partner whose refer page this is.",
        [
            .text("id", "its id") { $0.id },
            .text("name", "its name") { $0.name },
            .text("referral_code", "its referral code") { $0.referralCode },
            .text("href", "its partner page") { $0.href },
            .text("kind_label", "its kind in words") { $0.kindLabel },
        ])
}

/// A referral, deal-registration or join form.
package struct FormContext: TemplateContext {
    var id: String
    var purpose: String
    var submitLabel: String
    var promise: String
    var opportunityFields: [FormFieldContext]
    var youFields: [FormFieldContext]
    var hidden: [HiddenFieldContext]
    var requiredCount: Int
    var fieldCount: Int
    var route: Route

    package enum Route: Sendable {
        case posts(action: String)
        case mails(action: String, mailto: String, subjectPrefix: String, email: String, fallbackMailto: String)
        case none
    }

    package static let fields = ContextFields<Self>(
        "form", "A form: the referral form, the registration form, or a new contact's request for a link.",
        [
            .text("id", "the form element's id: `referral-form`, `registration-form` or `join-form`") { $0.id },
            .text("purpose", "`referral`, `registration` or `join`") { $0.purpose },
            .text("submit_label", "the send button's text, such as `Send the referral`") { $0.submitLabel },
            .text("promise", "one sentence for beside the send button: who picks it up, and by when") {
                $0.promise
            },
            .list("opportunity_fields", "the required catalogue fields, then the optional ones") {
                $0.opportunityFields
            },
            .list("required_fields", "the required catalogue fields alone") {
                $0.opportunityFields.filter(\.required)
            },
            .list("optional_fields", "the optional catalogue fields alone") {
                $0.opportunityFields.filter { !$0.required }
            },
            .flag("has_optional_fields", "whether there are any") { $0.opportunityFields.contains { !$0.required } },
            .text("optional_labels", "the optional fields' labels, such as `Website, Number of sites`") {
                $0.opportunityFields.filter { !$0.required }.map(\.label).joined(separator: ", ")
            },
            .list("you_fields", "the fields about the sender") { $0.youFields },
            .list(
                "hidden",
                "hidden values: `form`, and on a partner's pages `partner` and `referral_code`"
            ) { $0.hidden },
            .number("required_count", "how many controls are required (hidden ones not counted)") {
                $0.requiredCount
            },
            .number("field_count", "how many controls there are (hidden ones not counted)") { $0.fieldCount },
            .flag("has_route", "false when there is neither `form_action` nor `email` to send the form to") {
                if case .none = $0.route { return false }
                return true
            },
            .flag("posts", "true when `referral.form_action` is set: the form posts to the endpoint") {
                if case .posts = $0.route { return true }
                return nil
            },
            .flag("mails", "true when the form is sent as an email (no `form_action`, but an `email`)") {
                if case .mails = $0.route { return true }
                return nil
            },
            .text(
                "action",
                "the form's `action`: the endpoint, or when `mails` a `mailto:` URL with the subject prefix"
            ) {
                switch $0.route {
                case .posts(let action): action
                case .mails(let action, _, _, _, _): action
                case .none: nil
                }
            },
            .text(
                "mailto",
                "when `mails`: a `mailto:` URL with the recipients only, for the form's `data-mailto`"
            ) {
                if case .mails(_, let mailto, _, _, _) = $0.route { return mailto }
                return nil
            },
            .text(
                "subject_prefix", "when `mails`: such as `Referral from <name>:`, for the form's `data-subject`"
            ) {
                if case .mails(_, _, let prefix, _, _) = $0.route { return prefix }
                return nil
            },
            .text("email", "when `mails`: the recipients' addresses") {
                if case .mails(_, _, _, let email, _) = $0.route { return email }
                return nil
            },
            .text(
                "fallback_mailto",
                "when `mails`: a prefilled email for readers without JavaScript, one `Label: ` line per field"
            ) {
                if case .mails(_, _, _, _, let fallback) = $0.route { return fallback }
                return nil
            },
        ])
}

package struct FormFieldContext: TemplateContext {
    var name: String
    var id: String
    var label: String
    var help: String
    var required: Bool
    var type: String
    var autocomplete: String

    package static let fields = ContextFields<Self>(
        "form field", "One labelled control.",
        [
            .text("name", "the control's name") { $0.name },
            .text("id", "its id") { $0.id },
            .text("label", "its label") { $0.label },
            .text("help", "help text") { $0.help },
            .flag("has_help", "whether there is help text") { !$0.help.isEmpty },
            .text("help_id", "the help text's id, for `aria-describedby`") { $0.id + "-help" },
            .flag("required", "whether it is required") { $0.required },
            .text("type", "the input type: `text`, `url`, `email`, `tel`, `number`, `date`, `textarea` or `checkbox`") {
                $0.type
            },
            .flag("is_textarea", "whether it is a `<textarea>`") { $0.type == "textarea" },
            .flag("is_checkbox", "whether it is a checkbox") { $0.type == "checkbox" },
            .flag("is_input", "whether it is any other `<input>`") { $0.type != "textarea" && $0.type != "checkbox" },
            .flag("is_number", "whether it is a number") { $0.type == "number" },
            .text("autocomplete", "its `autocomplete` value") { $0.autocomplete },
        ])
}

package struct HiddenFieldContext: TemplateContext {
    var name: String
    var value: String
    var label: String?
    var display: String?

    package static let fields = ContextFields<Self>(
        "hidden field",
        "A hidden value that carries a partner's credit. `label` and `display` are what `refer.js` writes into "
            + "an email: put them in `data-label` and `data-display`.",
        [
            .text("name", "its name") { $0.name },
            .text("value", "its value") { $0.value },
            .text("label", "the line's label in a composed email") { $0.label ?? "" },
            .flag("has_label", "whether it has one") { $0.label != nil },
            .text("display", "what the email shows instead of the value") { $0.display ?? "" },
            .flag("has_display", "whether it has one") { $0.display != nil },
        ])
}

/// `sign-in` (sign-in/index.html): how to open the private pages, and a new contact's request.
package struct SignInContext: TemplateContext {
    var join: FormContext
    var startHref: String
    var contactEmail: String
    var hasContactEmail: Bool

    package static let fields = ContextFields<Self>(
        "sign-in", "The sign-in page, `sign-in/index.html`.",
        [
            .object("join", "the form a new contact at a partner uses to ask for a link") { $0.join },
            .text("start_href", "the public start page") { $0.startHref },
            .text("contact_email", "who to write to") { $0.contactEmail },
            .flag("has_contact_email", "whether there is anyone") { $0.hasContactEmail },
        ])
}
