import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The template context of a brief: the author's sections in order, with the campaigns and the
/// story filled in where the author left them out, and for one partner, what is theirs.
package struct BriefContextBuilder {
    package let scope: PageScope
    /// An email has the author's text with inline styles, and as plain text too.
    package var forEmail = false

    package var selection: BriefSelection { BriefSelection(site: scope.site) }

    package func context(_ brief: Brief, readers: Visibility, partner: Partner? = nil) -> BriefContext {
        let site = scope.site
        let campaigns = selection.campaigns(for: brief, readers: readers, partner: partner)
        let story = selection.story(of: brief, readers: readers)
        let href = scope.href(
            partner.map { Routes.partnerBrief(site.partnerSegment($0.id), brief.month) } ?? Routes.brief(brief.month))
        var context = BriefContext(
            month: brief.month.description, monthLabel: brief.month.label, title: brief.title, summary: brief.summary,
            href: href, archiveHref: scope.href(Routes.briefs),
            sections: sections(brief, campaigns: campaigns, story: story, partner: partner), personal: nil)
        guard let partner else { return context }
        let manager = partner.manager.flatMap { site.teamByID[$0.id] }
        // The story the brief features is not listed a second time among the partner's wins.
        let wins = selection.jointWins(of: partner, upTo: brief.month).filter { $0.id != story?.id }
        let segment = site.partnerSegment(partner.id)
        context.personal = BriefPersonalContext(
            partner: BriefPartnerContext(
                name: partner.name, href: scope.href(Routes.partner(segment)), manager: manager.map(PersonContext.init)),
            jointWins: wins.map(storyCard),
            libraryChanges: selection.libraryChanges(for: brief, partner: partner).map(scope.assetSummary),
            // One quiet line on how to refer, unless the brief already asks or the partnership is ending.
            hasReferLine: partner.status != .sunsetting && brief.outline.asks.isEmpty,
            referHref: scope.href(Routes.partnerRefer(segment)),
            referrals: site.scorecard?.partner(partner.id).flatMap { ReferralNews.lines($0, month: brief.month) }.map {
                BriefReferralsContext(lines: $0, resultsHref: scope.href(Routes.partnerResults(segment)))
            })
        return context
    }

    /// The author's sections, with the campaigns and the story in the places they belong when
    /// the author did not write them: campaigns before the story, the story last.
    package func sections(
        _ brief: Brief, campaigns: [Campaign], story: Story?, partner: Partner?
    ) -> [BriefSectionContext] {
        let rendered = scope.html(brief.body, folder: brief.sourceFolder, title: brief.title)
        let chunks = Self.split(rendered)
        // The plain text is cut at the same headings, so its parts line up with the HTML's.
        let texts = forEmail ? scope.plainText(brief.body, folder: brief.sourceFolder, title: brief.title) : []
        // A nil part is a heading with nothing under it: where Portico fills the section in.
        var parts: [(section: BriefOutline.Section?, part: BriefSectionContext.Part?)] = []
        for (index, chunk) in chunks.enumerated() {
            if let section = chunk.section, !brief.outline.written.contains(section) {
                parts.append((section, nil))
                continue
            }
            if forEmail {
                let text = index < texts.count && texts.count == chunks.count ? texts[index].text : ""
                parts.append((chunk.section, .text(html: EmailHTML.inlineStyles(chunk.html), text: text)))
            } else {
                parts.append((chunk.section, .text(html: chunk.html, text: nil)))
            }
        }
        func fill(_ section: BriefOutline.Section, with part: BriefSectionContext.Part?) {
            if let index = parts.firstIndex(where: { $0.section == section && $0.part == nil }) {
                parts[index].part = part
            } else if !brief.outline.written.contains(section), let part {
                let before = section == .campaigns ? parts.firstIndex { $0.section == .story } : nil
                parts.insert((section, part), at: before ?? parts.endIndex)
            }
        }
        fill(
            .campaigns,
            with: campaigns.isEmpty
                ? nil
                : .campaigns(
                    title: BriefOutline.Section.campaigns.title,
                    campaigns.map { campaignCard($0, partner: partner) }))
        fill(.story, with: story.map { .story(title: BriefOutline.Section.story.title, storyCard($0)) })
        return parts.compactMap { $0.part.map(BriefSectionContext.init) }
    }

    /// The rendered text cut before each `<h2>`: the part before the first one has no section.
    package static func split(_ rendered: RenderedMarkdown) -> [(section: BriefOutline.Section?, html: String)] {
        var chunks: [(BriefOutline.Section?, String)] = []
        var rest = rendered.html[...]
        var section: BriefOutline.Section?
        for heading in rendered.headings where heading.level == 2 {
            guard let start = rest.firstUTF8Range(of: "<h2 id=\"\(heading.anchor)\">") else { continue }
            let before = rest[..<start.lowerBound]
            if section != nil || !before.allSatisfy(\.isWhitespace) { chunks.append((section, String(before))) }
            rest = rest[start.lowerBound...]
            section = BriefOutline.Section.named(heading.text)
        }
        if section != nil || !rest.allSatisfy(\.isWhitespace) { chunks.append((section, String(rest))) }
        return chunks
    }

    /// A campaign, with where to add it to a calendar: the public calendar, or the partner's own.
    package func campaignCard(_ campaign: Campaign, partner: Partner? = nil) -> CampaignCardContext {
        let href: String? =
            switch campaign.link {
            case .url(let url): url
            case .asset(let asset): scope.href(scope.site.assetRoute(asset.id))
            case nil: nil
            }
        let site = scope.site
        let isPublic = campaign.readers(default: site.program.defaultVisibility) == .public
        let calendar =
            isPublic
            ? (PublicCalendar.hasEvents(site) ? Routes.calendar : nil)
            : partner.flatMap { PartnerCalendar.path(for: $0, site: site) }
        return CampaignCardContext(
            id: campaign.id, name: campaign.name, summary: campaign.summary, starts: campaign.starts.description,
            ends: campaign.ends.description, dates: campaign.datesLabel, href: href,
            isCoMarketing: campaign.coMarketing, forLabel: Self.audience(campaign, tiers: scope.site.tiersByID),
            isPublic: isPublic, calendarHref: calendar.map(scope.href))
    }

    package func storyCard(_ story: Story) -> StoryCardContext {
        StoryCardContext(
            id: story.id, title: story.title, customer: story.customer, outcome: story.outcome,
            date: story.date.description, dateLabel: story.date.label,
            partnerName: scope.site.partnersByID[story.partner.id]?.name ?? story.partner.id,
            href: scope.href(Routes.story(story.id)))
    }

    /// "Referral partners, Strategic and Preferred tiers", or "All partners".
    package static func audience(_ campaign: Campaign, tiers: [String: Tier]) -> String {
        var parts: [String] = []
        if !campaign.kinds.isEmpty { parts.append(PageScope.audienceLabel(campaign.kinds)) }
        if !campaign.tiers.isEmpty {
            let names = campaign.tiers.map { tiers[$0.id]?.name ?? $0.id }
            let list =
                names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            parts.append("\(list) tier\(names.count == 1 ? "" : "s")")
        }
        return parts.isEmpty ? "All partners" : parts.joined(separator: ", ")
    }
}
