import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// The program's turnover and freshness rules: where a partnership, or a piece of content, is
/// one departure away from failing. Each finding is a warning at the line to change, with a
/// one-line reason in its hint. The codes are listed in `codes`, which the health page and
/// `portico check --summary` use to pick them out.
package struct TurnoverValidator {
    package let program: Program
    package let loaded: LoadedContent
    package let today: Day

    package static let codes: Set<String> = [
        "single-contact", "no-contacts", "contact-without-email", "no-manager", "manager-not-in-team",
        "owner-not-in-team", "review-due", "no-one-pager-for-kind", "no-joint-win", "long-onboarding",
        "campaign-targets-sunsetting",
    ]

    /// A partner this long past `since` without a joint win, or still onboarding, needs attention.
    package static let firstWinDays = 90
    package static let onboardingDays = 60

    package func check() -> [Diagnostic] {
        var issues: [Diagnostic] = []
        let teamIDs = program.team.map(\.id)
        let winners = Set(loaded.opportunities.lazy.filter { $0.outcome == .won }.compactMap(\.partnerID))
        for partner in loaded.partners where partner.status != .retired {
            issues += contacts(of: partner)
            if let manager = partner.manager, !teamIDs.contains(manager.id) {
                issues.append(
                    .warning(
                        "manager-not-in-team",
                        "partner '\(partner.id)' is managed by '\(manager.id)', who is not in the team"
                            + Suggestion.didYouMean(manager.id, in: teamIDs),
                        at: manager.location,
                        hint: "name a current team member: until then the partner's pages and briefs name no manager"))
            }
            issues += progress(of: partner, wonInExports: winners.contains(partner.id))
        }
        for asset in loaded.assets where !teamIDs.contains(asset.owner.id) {
            issues.append(
                .warning(
                    "owner-not-in-team",
                    "asset '\(asset.id)' is owned by '\(asset.owner.id)', who is not in the team"
                        + Suggestion.didYouMean(asset.owner.id, in: teamIDs),
                    at: asset.owner.location, hint: "name a current team member, who keeps it true and reviews it"))
        }
        issues += missingOnePagers()
        issues += sunsettingTargets()
        return issues
    }

    private func contacts(of partner: Partner) -> [Diagnostic] {
        var issues: [Diagnostic] = []
        switch partner.contacts.count {
        case 0:
            issues.append(
                .warning(
                    "no-contacts", "partner '\(partner.id)' has no contacts", at: partner.source,
                    hint: "list the people at the partner who refer or integrate"))
        case 1:
            issues.append(
                .warning(
                    "single-contact", "partner '\(partner.id)' has a single contact",
                    at: partner.contacts[0].source,
                    hint: "add a second contact so the partnership survives when one person moves on"))
        default:
            break
        }
        for contact in partner.contacts where contact.email == nil {
            issues.append(
                .warning(
                    "contact-without-email", "contact '\(contact.name)' of partner '\(partner.id)' has no email",
                    at: contact.source, hint: "add their address: without one they get no access link and no brief"))
        }
        if partner.manager == nil {
            issues.append(
                .warning(
                    "no-manager", "partner '\(partner.id)' has no manager", at: partner.source,
                    hint: "set 'manager' to the id of the team member who looks after them"))
        }
        return issues
    }

    /// A partnership that has not produced a win, or has not finished onboarding, in good time.
    /// A win in the CRM's exports counts as much as a story written about one.
    private func progress(of partner: Partner, wonInExports: Bool) -> [Diagnostic] {
        var issues: [Diagnostic] = []
        let hasWin = wonInExports || loaded.stories.contains { $0.partner.id == partner.id }
        if partner.status == .active, !hasWin, partner.since.adding(days: Self.firstWinDays) < today {
            issues.append(
                .warning(
                    "no-joint-win",
                    "partner '\(partner.id)' has had no joint win in the \(today.dayNumber - partner.since.dayNumber) "
                        + "days since \(partner.since)",
                    at: partner.sinceLocation,
                    hint: "plan a first win with them, and write it in stories/ when it comes: "
                        + "partners without one in \(Self.firstWinDays) days rarely get one"))
        }
        if partner.status == .onboarding, partner.since.adding(days: Self.onboardingDays) < today {
            issues.append(
                .warning(
                    "long-onboarding",
                    "partner '\(partner.id)' has been onboarding for \(today.dayNumber - partner.since.dayNumber) "
                        + "days, since \(partner.since)",
                    at: partner.statusLocation,
                    hint: "finish onboarding and set 'status: active', or decide it is not working out"))
        }
        return issues
    }

    /// Every kind of partner the program has needs a positioning one-pager written for it.
    private func missingOnePagers() -> [Diagnostic] {
        let current = loaded.partners.filter { $0.status != .retired }
        return PartnerKind.allCases.compactMap { kind -> Diagnostic? in
            guard let first = current.first(where: { $0.kind == kind }),
                !loaded.assets.contains(where: {
                    !$0.draft && $0.kind == .onePager && $0.serves(kind)
                        && $0.readers(default: program.defaultVisibility) != .team
                })
            else { return nil }
            return .warning(
                "no-one-pager-for-kind", "no positioning one-pager is written for \(kind.label.lowercased())s",
                at: first.source,
                hint: "write one with 'portico new asset ID --kind one-pager' and 'for: [\(kind.rawValue)]': "
                    + "it is what a new contact at '\(first.id)' reads first")
        }
    }

    /// A campaign aimed at a kind or tier that still names a partner on its way out.
    private func sunsettingTargets() -> [Diagnostic] {
        let sunsetting = loaded.partners.filter { $0.status == .sunsetting }
        var issues: [Diagnostic] = []
        for campaign in loaded.campaigns
        where !(campaign.kinds.isEmpty && campaign.tiers.isEmpty) && !(campaign.ends < today)
            && campaign.visibility != .team
        {
            for partner in sunsetting where campaign.isFor(partner) {
                issues.append(
                    .warning(
                        "campaign-targets-sunsetting",
                        "campaign '\(campaign.id)' still targets '\(partner.id)', which is sunsetting",
                        at: campaign.source,
                        hint: "a partnership that is ending is shown no campaigns; narrow 'for' if it should not "
                            + "count them"))
            }
        }
        return issues
    }
}
