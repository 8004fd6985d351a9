import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// What a brief shows besides its own text: the campaigns coming up, the story it features, a
/// partner's joint wins and the library's changes. Pages, the feed and email all choose here.
package struct BriefSelection {
    package let site: SiteIndex

    /// A brief lists campaigns running on the 1st of its month or starting within this many days.
    package static let campaignWindow = 60

    /// Campaigns of the brief's window that every reader of a page may see; for one partner's
    /// brief, only those meant for its kind and tier (none once the partnership is winding down).
    package func campaigns(for brief: Brief, readers: Visibility, partner: Partner? = nil) -> [Campaign] {
        let fallback = site.program.defaultVisibility
        return site.content.campaigns.filter { campaign in
            guard campaign.isUpcoming(from: brief.month.firstDay, within: Self.campaignWindow),
                readers.mayShow(campaign.readers(default: fallback))
            else { return false }
            guard let partner else { return true }
            return partner.status != .sunsetting && campaign.isFor(partner)
        }
        .sorted { ($0.starts, $0.name, $0.id) < ($1.starts, $1.name, $1.id) }
    }

    /// The story a brief features, when every reader may see it.
    package func story(of brief: Brief, readers: Visibility) -> Story? {
        guard let id = brief.story?.id, let story = site.storiesByID[id],
            readers.mayShow(story.visibility.visibility)
        else { return nil }
        return story
    }

    /// A partner's joint wins up to the end of the brief's month, newest first.
    package func jointWins(of partner: Partner, upTo month: Month) -> [Story] {
        site.content.stories.filter {
            $0.partner.id == partner.id && !(month.lastDay < $0.date) && $0.visibility != .team
        }
        .sorted { ($1.date, $0.id) < ($0.date, $1.id) }
    }

    /// The library changes a brief reports: those after the month before the previous brief's
    /// month, up to the end of the month before its own. A brief goes out early in its month, so
    /// it tells what changed since the last one was written; the first looks back two months.
    package static func changeWindow(for month: Month, briefMonths: [Month]) -> (after: Day, until: Day) {
        let previous = briefMonths.filter { $0 < month }.max() ?? month.previous
        return (previous.previous.lastDay, month.previous.lastDay)
    }

    /// Assets a partner may read, for its kind, changed in the brief's window, most recent first.
    package func libraryChanges(for brief: Brief, partner: Partner) -> [Asset] {
        let window = Self.changeWindow(for: brief.month, briefMonths: site.content.briefMonths)
        return (site.assetsServing[partner.kind] ?? []).filter {
            window.after < $0.reviewed && !(window.until < $0.reviewed)
        }
    }

    /// Partners that get their own copy of each brief and its email: all but retired ones.
    package var readers: [Partner] { site.publishedPartners }

    /// Briefs a partner gets its own copy of: all but those for the team.
    package var partnerBriefs: [Brief] { site.content.briefs.filter { $0.visibility != .team } }
}

extension Campaign {
    /// "1–18 December 2026", "19 October – 27 November 2026", "2 November 2026 – 29 January 2027".
    package var datesLabel: String {
        if starts == ends { return starts.label }
        if starts.year != ends.year { return "\(starts.label) – \(ends.label)" }
        let endMonth = Month(containing: ends)
        if starts.month == ends.month { return "\(starts.day)–\(ends.day) \(endMonth.label)" }
        return "\(starts.day) \(Month(containing: starts).name) – \(ends.label)"
    }
}
