import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The monthly briefs: the archive, each brief, and each brief as one partner reads it in its
/// private area.
package struct BriefPagesPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let briefs = site.content.briefs
        guard !briefs.isEmpty else { return [] }
        var outputs = [archive(site)]
        for brief in briefs {
            let readers = brief.visibility.visibility
            let page = PlannedPage(
                kind: .brief, title: brief.title, description: brief.summary, visibility: readers
            ) { scope in
                BriefPageContext(brief: BriefContextBuilder(scope: scope).context(brief, readers: readers))
            }
            outputs.append(PlannedOutput(path: Routes.brief(brief.month), content: .page(page)))
        }
        let selection = BriefSelection(site: site)
        for partner in selection.readers {
            let segment = site.partnerSegment(partner.id)
            let calendar = PartnerCalendar.path(for: partner, site: site)
            for brief in selection.partnerBriefs {
                var page = PlannedPage(
                    kind: .brief, title: brief.title, description: brief.summary, listed: false,
                    visibility: .partner(partner.id)
                ) { scope in
                    BriefPageContext(
                        brief: BriefContextBuilder(scope: scope).context(
                            brief, readers: .partner(partner.id), partner: partner))
                }
                if let calendar, site.access != nil { page.sealedFiles = [calendar] }
                outputs.append(PlannedOutput(path: Routes.partnerBrief(segment, brief.month), content: .page(page)))
            }
        }
        return outputs
    }

    /// `briefs/index.html`, newest first. Partners read it when any brief is for partners; it
    /// is public when every brief is.
    package func archive(_ site: SiteIndex) -> PlannedOutput {
        let readers: Visibility = site.content.briefs.contains { $0.visibility == .partners } ? .partners : .public
        let listed = site.content.briefs.filter { readers.mayShow($0.visibility.visibility) }
        let hasFeed = site.program.baseURL != nil && site.content.briefs.contains { $0.visibility == .public }
        let page = PlannedPage(
            kind: .briefs, title: "Monthly briefs",
            description: "What changed in the \(site.program.name), month by month.", visibility: readers
        ) { scope in
            BriefsArchiveContext(
                briefs: listed.map { brief in
                    BriefListingContext(
                        month: brief.month.description, monthLabel: brief.month.label, title: brief.title,
                        summary: brief.summary, href: scope.href(Routes.brief(brief.month)))
                },
                feedHref: scope.href(Routes.feed), hasFeed: hasFeed, calendarHref: scope.href(Routes.calendar),
                hasCalendar: PublicCalendar.hasEvents(site))
        }
        return PlannedOutput(path: Routes.briefs, content: .page(page))
    }
}

/// `stories/<id>/index.html`: a joint win, at the story's visibility.
package struct StoryPagesPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        site.content.stories.map { story in
            let page = PlannedPage(
                kind: .story, title: story.title, description: story.outcome,
                visibility: story.visibility.visibility
            ) { scope in
                var card = BriefContextBuilder(scope: scope).storyCard(story)
                card.bodyHTML = scope.html(story.body, folder: story.sourceFolder, title: story.title).html
                return StoryPageContext(story: card)
            }
            return PlannedOutput(path: Routes.story(story.id), content: .page(page))
        }
    }
}
