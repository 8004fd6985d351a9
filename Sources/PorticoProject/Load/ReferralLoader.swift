import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Reads how partners refer and register deals: the program's sections in `program.yml` and a
/// partner's own overrides, referral code and integration block.
package enum ReferralLoader {
    package static let programKeys = ["referral", "incentives", "attribution", "deal_registration"]
    package static let referralFields = [
        "email", "form_action", "good_fit", "required", "optional", "qualification", "handoff", "feedback",
    ]
    package static let handoffFields = ["owner", "response_hours", "first_call_days", "steps"]
    package static let incentiveFields = ["stage", "reward"]
    package static let registrationFields = ["protection_days", "required", "optional", "rules", "conflicts"]
    package static let partnerKeys = ["referral_code", "referral", "integration"]
    package static let overrideFields = ["required", "qualification", "handoff"]
    package static let overrideHandoffFields = ["response_hours"]
    package static let integrationFields = ["summary", "setup_guide", "support", "support_email"]

    // MARK: program.yml

    package static func program(_ fields: FieldReader) -> ReferralProgram? {
        let referral = fields.nested("referral", what: "referral", known: referralFields)
        let incentives =
            fields.records("incentives", what: "an incentive", known: incentiveFields) { incentive -> Incentive? in
                let stage: IncentiveStage? = incentive.choice("stage")
                let reward = incentive.string("reward")
                guard let stage, let reward else { return nil }
                return Incentive(stage: stage, reward: reward)
            } ?? []
        let attribution = fields.string("attribution")
        let registration = fields.nested(
            "deal_registration", what: "deal_registration", known: registrationFields, required: false
        ).map(dealRegistration)
        guard let referral else { return nil }
        let email = referral.email("email", required: false)
        let formAction = formEndpoint(referral)
        let goodFit = referral.string("good_fit", required: false)
        let selection = fieldSelection(referral)
        let qualification = textList(referral, "qualification")
        let handoff = referral.nested("handoff", what: "handoff", known: handoffFields).flatMap(handoff)
        let feedback = referral.string("feedback")
        guard let selection, let qualification, let handoff, let feedback, let attribution,
            registration.map({ $0 != nil }) ?? true
        else { return nil }
        let source = fields.entry("referral").map { fields.place($0.key) } ?? fields.location
        if referral.entry("email") == nil, referral.entry("form_action") == nil {
            fields.issues.add(
                .warning(
                    "no-referral-route", "partners cannot refer: 'referral' has neither 'email' nor 'form_action'",
                    at: source,
                    hint: "set 'email' to the address referrals go to, or 'form_action' to a form endpoint"))
        }
        return ReferralProgram(
            email: email, formAction: formAction, goodFit: goodFit, fields: selection, qualification: qualification,
            handoff: handoff, feedback: feedback, incentives: incentives, attribution: attribution,
            registration: registration ?? nil, source: source)
    }

    private static func handoff(_ fields: FieldReader) -> Handoff? {
        let owner = fields.id("owner")
        let responseHours = fields.positiveInt("response_hours")
        let firstCallDays = fields.positiveInt("first_call_days")
        let steps = textList(fields, "steps")
        guard let owner, let responseHours, let firstCallDays, let steps else { return nil }
        return Handoff(owner: owner, responseHours: responseHours, firstCallDays: firstCallDays, steps: steps)
    }

    private static func dealRegistration(_ fields: FieldReader) -> DealRegistration? {
        let days = fields.positiveInt("protection_days")
        let selection = fieldSelection(fields)
        let rules = textList(fields, "rules")
        let conflicts = textList(fields, "conflicts")
        guard let days, let selection, let rules, let conflicts else { return nil }
        return DealRegistration(protectionDays: days, fields: selection, rules: rules, conflicts: conflicts)
    }

    /// `form_action`: https, or plain http to this machine for trying a form out locally.
    private static func formEndpoint(_ fields: FieldReader) -> String? {
        fields.checkedString(
            "form_action", required: false, code: "bad-form-action",
            expected: "an https URL (plain http only for localhost and 127.0.0.1)",
            hint: "forms carry people's details: use the https address of your form endpoint"
        ) { text in
            guard !text.contains(where: { $0.isWhitespace }), let url = URLComponents(string: text),
                let host = url.host, !host.isEmpty
            else { return false }
            switch url.scheme?.lowercased() {
            case "https": return true
            case "http": return ["localhost", "127.0.0.1"].contains(host.lowercased())
            default: return false
            }
        }
    }

    /// `required` and `optional`: catalogue names, each at most once across both lists.
    package static func fieldSelection(_ fields: FieldReader) -> FieldSelection? {
        var seen: [ReferralField: String] = [:]
        let required = fieldList(fields, "required", seen: &seen)
        let optional = fieldList(fields, "optional", seen: &seen) ?? []
        guard let required else { return nil }
        if required.isEmpty, let entry = fields.entry("required") {
            fields.issues.add(
                .error(
                    "missing-field", "'required' must name at least one form field", at: fields.place(entry.value),
                    hint: "most programs need at least company, contact_name and contact_email"))
            return nil
        }
        return FieldSelection(required: required, optional: optional)
    }

    /// A list of catalogue field names; nil when it is missing (and `required`) or has errors.
    package static func fieldList(_ fields: FieldReader, _ key: String, seen: inout [ReferralField: String])
        -> [ReferralField]?
    {
        guard let nodes = fields.list(key, required: key == "required") else { return nil }
        var chosen: [ReferralField] = []
        var failed = false
        for node in nodes {
            guard case .scalar(let scalar) = node, !scalar.isNull else {
                fields.wrongType(key, expected: "a list of form field names", found: node)
                failed = true
                continue
            }
            let name = scalar.string
            guard let field = ReferralField(rawValue: name) else {
                let names = ReferralField.allCases.map(\.rawValue)
                fields.issues.add(
                    .error(
                        "unknown-form-field", "unknown form field '\(name)'\(Suggestion.didYouMean(name, in: names))",
                        at: fields.place(node),
                        hint:
                            "form fields come from a fixed catalogue (docs/content.md): \(names.joined(separator: ", "))"
                    ))
                failed = true
                continue
            }
            if let first = seen[field] {
                fields.issues.add(
                    .error(
                        "duplicate-form-field", "form field '\(name)' is already listed in '\(first)'",
                        at: fields.place(node), hint: "list each field once, as required or as optional"))
                failed = true
                continue
            }
            seen[field] = key
            chosen.append(field)
        }
        return failed ? nil : chosen
    }

    /// A required, non-empty list of text.
    package static func textList(_ fields: FieldReader, _ key: String) -> [String]? {
        guard let items = fields.stringList(key, required: true) else { return nil }
        let texts = items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !texts.isEmpty else {
            if let entry = fields.entry(key) {
                fields.issues.add(
                    .error("missing-field", "'\(key)' must list at least one item", at: fields.place(entry.value)))
            }
            return nil
        }
        return texts
    }

    // MARK: partners/<id>.yml

    /// `referral_code`: letters, digits and '-', as written.
    package static func referralCode(_ fields: FieldReader) -> Reference? {
        guard
            let code = fields.checkedString(
                "referral_code", required: false, code: "bad-referral-code",
                expected: "a referral code (2 to 32 letters, digits or '-')",
                hint: "write a short code such as ACME-7; without it the code is the partner id in capitals",
                { isValidCode($0) }),
            let entry = fields.entry("referral_code")
        else { return nil }
        return Reference(id: code, location: fields.place(entry.value))
    }

    package static func isValidCode(_ code: String) -> Bool {
        (2...32).contains(code.count) && code.first != "-" && code.last != "-"
            && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    package static func overrides(_ fields: FieldReader) -> ReferralOverrides? {
        var seen: [ReferralField: String] = [:]
        let required = fields.entry("required") == nil ? nil : fieldList(fields, "required", seen: &seen)
        let qualification = fields.entry("qualification") == nil ? nil : textList(fields, "qualification")
        let handoff = fields.nested("handoff", what: "handoff", known: overrideHandoffFields, required: false)
        let responseHours = handoff?.positiveInt("response_hours")
        if let required, required.isEmpty, let entry = fields.entry("required") {
            fields.issues.add(
                .error("missing-field", "'required' must name at least one form field", at: fields.place(entry.value)))
            return nil
        }
        return ReferralOverrides(required: required, qualification: qualification, responseHours: responseHours)
    }

    /// `integration`, which only integration partners may have.
    package static func integration(_ fields: FieldReader, partnerID: String, kind: PartnerKind?) -> Integration? {
        guard let entry = fields.entry("integration") else { return nil }
        if kind == .referral {
            fields.issues.add(
                .error(
                    "integration-on-referral-partner",
                    "'integration' is only for integration partners, and '\(partnerID)' is a referral partner",
                    at: fields.place(entry.key), hint: "remove the block, or set 'kind: integration'"))
            return nil
        }
        guard
            let block = fields.nested(
                "integration", what: "integration", known: integrationFields, required: false)
        else { return nil }
        let summary = block.string("summary")
        let guide = setupGuide(block)
        let support = block.string("support")
        let supportEmail = block.email("support_email", required: false)
        guard let summary, let support else { return nil }
        return Integration(summary: summary, setupGuide: guide, support: support, supportEmail: supportEmail)
    }

    /// An asset id, or an http(s) address for a guide kept elsewhere.
    private static func setupGuide(_ fields: FieldReader) -> SetupGuide? {
        guard let node = fields.value("setup_guide", required: false) else { return nil }
        if case .scalar(let scalar) = node, scalar.string.lowercased().hasPrefix("http") {
            return fields.webURL("setup_guide").map(SetupGuide.url)
        }
        return fields.id(node, field: "setup_guide").map(SetupGuide.asset)
    }
}
