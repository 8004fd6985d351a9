import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Reads `partners/<id>.yml`.
package enum PartnerLoader {
    package static let fields =
        [
            "name", "kind", "tier", "status", "since", "manager", "website", "audience", "contacts", "featured",
            "plan",
        ] + ReferralLoader.partnerKeys
    package static let contactFields = ["name", "role", "email", "since"]

    package static func read(_ fields: FieldReader, id: String) -> Partner? {
        let name = fields.string("name")
        let kind: PartnerKind? = fields.choice("kind")
        let tier = fields.id("tier")
        let status: PartnerStatus? = fields.choice("status")
        let since = fields.day("since")
        let manager = fields.id("manager", required: false)
        let website = fields.webURL("website")
        let audience = fields.markdown("audience")
        let contacts =
            fields.records("contacts", what: "a contact", known: contactFields, required: true) { contact -> Contact? in
                let name = contact.string("name")
                let role = contact.string("role")
                let email = contact.email("email", required: false)
                let since = contact.day("since", required: false)
                // An address that was written but is not valid has been reported; the contact is not
                // also reported as having none.
                guard let name, let role, email != nil || contact.value("email", required: false) == nil else {
                    return nil
                }
                var read = Contact(name: name, role: role, email: email, since: since?.0, source: contact.location)
                read.nameLocation = contact.valueLocation("name")
                read.emailLocation = contact.valueLocation("email")
                return read
            }
        let featured = fields.idList("featured") ?? []
        let referralCode = ReferralLoader.referralCode(fields)
        let overrides =
            fields.nested("referral", what: "referral", known: ReferralLoader.overrideFields, required: false)
            .map(ReferralLoader.overrides) ?? ReferralOverrides()
        let integration = ReferralLoader.integration(fields, partnerID: id, kind: kind)
        let plan = Self.plan(fields)
        guard let name, let kind, let tier, let status, let since, let audience, let contacts else { return nil }
        let statusLocation = fields.entry("status").map { fields.place($0.value) } ?? fields.location
        var partner = Partner(
            id: id, name: name, kind: kind, tier: tier, status: status, since: since.0, sinceLocation: since.1,
            statusLocation: statusLocation, manager: manager,
            website: website, audience: audience, contacts: contacts, featured: featured,
            explicitReferralCode: referralCode, referralOverrides: overrides ?? ReferralOverrides(),
            integration: integration, source: fields.location)
        partner.plan = plan
        partner.nameLocation = fields.valueLocation("name")
        partner.websiteLocation = fields.valueLocation("website")
        return partner
    }

    /// `plan:`: a mapping of quarters (`2026-Q4`) to `{qualified: 4, won: 1}`.
    private static func plan(_ fields: FieldReader) -> [Quarter: QuarterPlan] {
        guard let (_, node) = fields.entry("plan") else { return [:] }
        guard case .mapping(let mapping) = node else {
            fields.wrongType("plan", expected: "a mapping of quarters such as 2026-Q4", found: node)
            return [:]
        }
        var plan: [Quarter: QuarterPlan] = [:]
        for (key, value) in mapping {
            guard let text = key.scalar?.string, let quarter = Quarter(text) else {
                fields.issues.add(
                    .error(
                        "bad-quarter", "'\(key.scalar?.string ?? "")' is not a quarter", at: fields.place(key),
                        hint: "write quarters as YYYY-QN, such as 2026-Q4"))
                continue
            }
            guard
                let targets = FieldReader(
                    value, what: "a quarter's plan", known: ["qualified", "won"], file: fields.file,
                    lineOffset: fields.lineOffset, yaml: fields.yaml, issues: fields.issues, fallback: fields.place(key)
                )
            else { continue }
            plan[quarter] = QuarterPlan(
                qualified: targets.positiveInt("qualified", required: false),
                won: targets.positiveInt("won", required: false))
        }
        return plan
    }
}
