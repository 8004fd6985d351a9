import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The referral terms one page shows: the program's own, or a partner's, with their overrides
/// applied and their manager as the named owner.
package struct ReferralTerms {
    package let program: ReferralProgram
    package let partner: Partner?
    /// Who picks a referral up: the partner's manager, or the program's handoff owner.
    package let owner: TeamMember?
    package let fields: FieldSelection
    package let qualification: [String]
    package let responseHours: Int

    package init(site: SiteIndex, partner: Partner?) {
        program = site.program.referral
        self.partner = partner
        let overrides = partner?.referralOverrides ?? ReferralOverrides()
        fields = overrides.required.map(program.fields.requiring) ?? program.fields
        qualification = overrides.qualification ?? program.qualification
        responseHours = overrides.responseHours ?? program.handoff.responseHours
        owner = partner?.manager.flatMap { site.teamByID[$0.id] } ?? site.teamByID[program.handoff.owner.id]
    }

    /// Where a composed email goes; the named owner is copied in on a partner's own pages.
    package var mailRecipients: (to: [String], cc: [String])? {
        guard let email = program.email else { return nil }
        guard partner != nil, let owner, owner.email != email else { return ([email], []) }
        return ([email], [owner.email])
    }

    package var responseTime: String { Self.count(responseHours, "hour") }
    package var firstCallTime: String { Self.count(program.handoff.firstCallDays, "day") }

    package static func count(_ number: Int, _ unit: String) -> String {
        "\(number) \(unit)\(number == 1 ? "" : "s")"
    }
}
