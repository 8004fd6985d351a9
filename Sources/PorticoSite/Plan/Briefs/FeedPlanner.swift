import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `briefs/feed.xml` (Atom) and `calendar.ics`: the public briefs and campaigns, for feed
/// readers and calendars. Both need absolute addresses, so a program without base_url has none.
package struct FeedPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        guard let base = site.program.baseURL else { return [] }
        var outputs: [PlannedOutput] = []
        let host = Self.host(of: base)
        let briefs = site.content.briefs.filter { $0.visibility == .public }
        if !site.content.briefs.isEmpty {
            let entries = briefs.map { brief in
                AtomFeed.Entry(
                    id: "tag:\(host),\(brief.month.year):briefs/\(brief.month)", title: brief.title,
                    url: Routes.publicURL(Routes.brief(brief.month), base: base), published: brief.month.firstDay,
                    updated: brief.month.firstDay, summary: brief.summary, contentHTML: nil)
            }
            let feed = AtomFeed(
                id: Routes.publicURL(Routes.briefs, base: base), title: "\(site.program.name): monthly briefs",
                subtitle: "What changed in the \(site.program.name), month by month.",
                selfURL: Routes.publicURL(Routes.feed, base: base),
                alternateURL: Routes.publicURL(Routes.briefs, base: base),
                updated: entries.map(\.updated).max() ?? site.today, authorName: site.program.company,
                generator: PorticoVersion.generator, entries: entries)
            outputs.append(PlannedOutput(path: Routes.feed, content: .text(feed.xml())))
        }
        if PublicCalendar.hasEvents(site) {
            let calendar = PublicCalendar.file(
                name: site.program.name, campaigns: PublicCalendar.campaigns(site), site: site, base: base)
            outputs.append(PlannedOutput(path: Routes.calendar, content: .text(calendar.text())))
        }
        for partner in site.publishedPartners {
            guard let path = PartnerCalendar.path(for: partner, site: site) else { continue }
            let file = PublicCalendar.file(
                name: "\(site.program.name): \(partner.name)", campaigns: PartnerCalendar.campaigns(for: partner, site),
                site: site, base: base)
            let data = Data(file.text().utf8)
            outputs.append(
                PlannedOutput(
                    path: path,
                    content: site.access != nil ? .sealedData(data, visibility: .partner(partner.id)) : .data(data)))
        }
        return outputs
    }

    package static func host(of base: String) -> String {
        URL(string: base)?.host ?? "portico.invalid"
    }
}

/// The public campaigns, in `calendar.ics`.
package enum PublicCalendar {
    package static func campaigns(_ site: SiteIndex) -> [Campaign] {
        site.content.campaigns.filter { $0.readers(default: site.program.defaultVisibility) == .public }
    }

    package static func hasEvents(_ site: SiteIndex) -> Bool {
        site.program.baseURL != nil && !campaigns(site).isEmpty
    }

    /// A calendar of `campaigns`: stable UIDs, and DTSTAMP from the build date so a rebuild of
    /// the same content gives the same file.
    package static func file(name: String, campaigns: [Campaign], site: SiteIndex, base: String) -> CalendarFile {
        let host = FeedPlanner.host(of: base)
        let events = campaigns.map { campaign in
            let url: String? =
                switch campaign.link {
                case .url(let url): url
                case .asset(let asset): Routes.publicURL(site.assetRoute(asset.id), base: base)
                case nil: nil
                }
            return CalendarEvent(
                uid: "campaign-\(campaign.id)@\(host)", stamp: site.today, start: campaign.starts,
                lastDay: campaign.ends, summary: campaign.name, description: campaign.summary, url: url)
        }
        return CalendarFile(productID: "-//Portico//\(PorticoVersion.generator)//EN", name: name, events: events)
    }
}

/// A partner's own calendar: the campaigns meant for it that are not public, encrypted for it.
package enum PartnerCalendar {
    package static func campaigns(for partner: Partner, _ site: SiteIndex) -> [Campaign] {
        guard partner.status != .sunsetting else { return [] }
        return site.content.campaigns.filter {
            let readers = $0.readers(default: site.program.defaultVisibility)
            return readers != .public && readers != .team && $0.isFor(partner)
        }
    }

    /// Where the partner's calendar is, when it has one.
    package static func path(for partner: Partner, site: SiteIndex) -> String? {
        guard site.program.baseURL != nil, !campaigns(for: partner, site).isEmpty else { return nil }
        return Routes.partnerCalendar(site.partnerSegment(partner.id))
    }
}
