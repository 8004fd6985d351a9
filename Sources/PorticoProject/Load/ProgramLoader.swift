import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Reads `program.yml`.
package enum ProgramLoader {
    package static let fields =
        [
            "name", "company", "base_url", "positioning", "boundaries", "tiers", "team", "review_every",
            "default_visibility", "pipeline", "brand",
        ] + ReferralLoader.programKeys
    package static let brandFields = ["color", "logo"]
    package static let boundaryFields = ["we_solve", "partner_solves", "journey"]
    package static let tierFields = ["id", "name", "criteria", "benefits", "earn"]
    package static let earnFields = ["qualified", "won"]
    package static let teamFields = ["id", "name", "role", "email", "phone"]
    package static let defaultReviewEvery = 180

    package static func read(_ fields: FieldReader) -> Program? {
        let name = fields.string("name")
        let company = fields.string("company")
        let baseURL = fields.webURL("base_url").map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        let positioning = fields.markdown("positioning")
        let boundaries = fields.nested("boundaries", what: "boundaries", known: boundaryFields).flatMap {
            boundary -> Boundaries? in
            let weSolve = boundary.stringList("we_solve", required: true)
            let partnerSolves = boundary.stringList("partner_solves", required: true)
            let journey = boundary.string("journey")
            guard let weSolve, let partnerSolves, let journey else { return nil }
            return Boundaries(weSolve: weSolve, partnerSolves: partnerSolves, journey: journey)
        }
        let tiers = fields.records("tiers", what: "a tier", known: tierFields, required: true) { tier -> Tier? in
            let id = tier.id("id")
            let name = tier.string("name")
            let criteria = tier.string("criteria")
            let benefits = tier.stringList("benefits") ?? []
            let earn = tier.nested("earn", what: "a tier's earn rule", known: earnFields, required: false).map {
                EarnRule(
                    qualified: $0.positiveInt("qualified", required: false), won: $0.positiveInt("won", required: false)
                )
            }
            guard let id, let name, let criteria else { return nil }
            return Tier(id: id.id, name: name, criteria: criteria, benefits: benefits, earn: earn, source: id.location)
        }
        let team = fields.records("team", what: "a team member", known: teamFields, required: true) {
            member -> TeamMember? in
            let id = member.id("id")
            let name = member.string("name")
            let role = member.string("role")
            let email = member.email("email")
            let phone = member.string("phone", required: false)
            guard let id, let name, let role, let email else { return nil }
            return TeamMember(id: id.id, name: name, role: role, email: email, phone: phone, source: id.location)
        }
        let reviewEvery = fields.positiveInt("review_every", required: false) ?? defaultReviewEvery
        let referral = ReferralLoader.program(fields)
        let defaultVisibility: AssetVisibility = fields.choice("default_visibility", required: false) ?? .partners
        let pipeline = PipelineSettingsLoader.read(fields)
        if let tiers, tiers.isEmpty {
            fields.issues.add(
                .error(
                    "missing-field", "the program needs at least one tier",
                    at: fields.entry("tiers").map { fields.place($0.key) } ?? fields.location))
        }
        guard let name, let company, let positioning, let boundaries, let tiers, let team, let referral, let pipeline
        else {
            return nil
        }
        var program = Program(
            name: name, company: company, baseURL: baseURL, positioning: positioning, boundaries: boundaries,
            tiers: tiers, team: team, reviewEvery: reviewEvery, referral: referral,
            defaultVisibility: defaultVisibility, source: fields.location)
        program.pipeline = pipeline
        program.baseURLLocation = fields.entry("base_url").map { fields.place($0.value) }
        program.brand = brand(fields)
        return program
    }

    private static func brand(_ fields: FieldReader) -> Brand? {
        guard let reader = fields.nested("brand", what: "brand", known: brandFields, required: false) else {
            return nil
        }
        var brand = Brand()
        if let text = reader.string("color", required: false) {
            let location = reader.valueLocation("color") ?? reader.location
            if let color = RGBColor(hex: text) {
                (brand.color, brand.colorLocation) = (color, location)
            } else {
                reader.issues.add(
                    .error(
                        "bad-colour", "the brand colour must be written #rrggbb, not '\(text)'", at: location,
                        hint: "write it as in CSS, such as #0b5cad"))
            }
        }
        if let logo = reader.string("logo", required: false) {
            (brand.logo, brand.logoLocation) = (logo, reader.valueLocation("logo") ?? reader.location)
        }
        return brand
    }
}
