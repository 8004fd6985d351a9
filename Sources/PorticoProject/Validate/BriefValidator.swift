import PorticoMarkdown
import PorticoModel
import PorticoSupport

/// Checks of briefs, campaigns and stories that span files, and the habits of a good brief:
/// it says what is new, shares a win, and asks for referrals at most once.
package struct BriefValidator {
    package let program: Program
    package let loaded: LoadedContent

    package func check() -> [Diagnostic] {
        var issues: [Diagnostic] = []
        let partnerIDs = loaded.partners.map(\.id)
        let storyIDs = loaded.stories.map(\.id)
        for story in loaded.stories where !partnerIDs.contains(story.partner.id) {
            issues.append(
                .error(
                    "unknown-reference",
                    "unknown partner '\(story.partner.id)' in partner"
                        + Suggestion.didYouMean(story.partner.id, in: partnerIDs),
                    at: story.partner.location, hint: "a partner's id is its file name in partners/ without '.yml'"))
        }
        for brief in loaded.briefs {
            if let story = brief.story, !loaded.storyFileIDs.contains(story.id) {
                issues.append(
                    .error(
                        "unknown-reference",
                        "unknown story '\(story.id)' in story\(Suggestion.didYouMean(story.id, in: storyIDs))",
                        at: story.location, hint: "a story's id is its file name in stories/ without '.md'"))
            }
            issues += habits(of: brief)
        }
        var seen: [String: SourceLocation] = [:]
        for campaign in loaded.campaigns {
            if let first = seen[campaign.id] {
                issues.append(
                    .error(
                        "duplicate-id",
                        "duplicate campaign id '\(campaign.id)' (first defined on line \(first.line))",
                        at: campaign.source))
            } else {
                seen[campaign.id] = campaign.source
            }
            issues += check(campaign)
        }
        return issues
    }

    private func check(_ campaign: Campaign) -> [Diagnostic] {
        var issues: [Diagnostic] = []
        if campaign.ends < campaign.starts {
            issues.append(
                .error(
                    "campaign-ends-before-start",
                    "campaign '\(campaign.id)' ends on \(campaign.ends), before it starts on \(campaign.starts)",
                    at: campaign.endsLocation, hint: "'ends' is the campaign's last day, on or after 'starts'"))
        }
        let tierIDs = program.tiers.map(\.id)
        for tier in campaign.tiers where !tierIDs.contains(tier.id) {
            let known = PartnerKind.allCases.map(\.rawValue) + tierIDs
            issues.append(
                .error(
                    "unknown-reference",
                    "unknown partner kind or tier '\(tier.id)' in for\(Suggestion.didYouMean(tier.id, in: known))",
                    at: tier.location,
                    hint: "'for' lists partner kinds (\(PartnerKind.allCases.map(\.rawValue).joined(separator: ", "))) "
                        + "and tier ids from program.yml"))
        }
        if case .asset(let asset)? = campaign.link, !loaded.assetFileIDs.contains(asset.id) {
            issues.append(
                .error(
                    "unknown-reference",
                    "unknown asset '\(asset.id)' in link\(Suggestion.didYouMean(asset.id, in: loaded.assets.map(\.id)))",
                    at: asset.location,
                    hint: "write an asset's id (its file name in assets/ without '.md') or an https address"))
        }
        return issues
    }

    private func habits(of brief: Brief) -> [Diagnostic] {
        var issues: [Diagnostic] = []
        if !brief.outline.written.contains(.whatsNew) {
            issues.append(
                .warning(
                    "brief-without-news", "brief \(brief.month) has no \"What's new\" section",
                    at: brief.body.start,
                    hint: "start the body with '## What's new': what changed for partners this month"))
        }
        if !brief.outline.written.contains(.story), brief.story == nil {
            issues.append(
                .warning(
                    "brief-without-story", "brief \(brief.month) has no success story", at: brief.source,
                    hint: "set 'story' to a story id, or write a '## Success story' section"))
        }
        if brief.outline.asks.count > 1 {
            issues.append(
                .warning(
                    "brief-asks-twice",
                    "brief \(brief.month) asks for referrals \(brief.outline.asks.count) times; this is the second",
                    at: brief.outline.asks[1],
                    hint: "a brief gives before it asks: keep one quiet ask (the partner's own brief adds one line)"))
        }
        return issues
    }
}
