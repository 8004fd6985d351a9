import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Checks of referral data that span files: the handoff owner is on the team, setup guides
/// are assets, and no two partners share a referral code (their credit would be mixed up).
package struct ReferralValidator {
    package let program: Program
    package let partners: [Partner]
    package let assetIDs: [String]
    /// Asset files that exist but failed to load: references to them are not reported again.
    package let assetFileIDs: Set<String>
    package let draftIDs: Set<String>

    package func check() -> [Diagnostic] {
        var issues: [Diagnostic] = []
        let owner = program.referral.handoff.owner
        let teamIDs = program.team.map(\.id)
        if !teamIDs.contains(owner.id) {
            issues.append(
                .error(
                    "unknown-reference",
                    "unknown team member '\(owner.id)' in owner\(Suggestion.didYouMean(owner.id, in: teamIDs))",
                    at: owner.location, hint: "team members are the ids listed under 'team' in program.yml"))
        }
        for partner in partners {
            if case .asset(let guide)? = partner.integration?.setupGuide, draftIDs.contains(guide.id) {
                issues.append(
                    .warning(
                        "link-to-draft", "setup guide '\(guide.id)' is a draft, which is not published",
                        at: guide.location,
                        hint: "publish '\(guide.id)' by removing 'draft: true', or name another guide"))
            }
            if case .asset(let guide)? = partner.integration?.setupGuide, !assetFileIDs.contains(guide.id) {
                issues.append(
                    .error(
                        "unknown-reference",
                        "unknown asset '\(guide.id)' in setup_guide\(Suggestion.didYouMean(guide.id, in: assetIDs))",
                        at: guide.location,
                        hint: "write an asset's id (its file name in assets/ without '.md') or an https address"))
            }
        }
        return issues + duplicateCodes()
    }

    /// Codes compare without case: a rep typing a code into a CRM field does not keep it.
    private func duplicateCodes() -> [Diagnostic] {
        var owners: [String: Partner] = [:]
        // Default codes first: an explicit code is the one to change when it collides.
        let ordered =
            partners.filter { $0.explicitReferralCode == nil } + partners.filter { $0.explicitReferralCode != nil }
        var issues: [Diagnostic] = []
        for partner in ordered {
            let key = partner.referralCode.uppercased()
            guard let first = owners[key] else {
                owners[key] = partner
                continue
            }
            let whose = first.explicitReferralCode == nil ? "the default code of" : "already the code of"
            issues.append(
                .error(
                    "duplicate-referral-code",
                    "referral code '\(partner.referralCode)' is \(whose) partner '\(first.id)'",
                    at: partner.explicitReferralCode?.location ?? partner.source,
                    hint: "each partner needs its own code, or their referrals would be credited to the wrong partner"))
        }
        return issues
    }
}
