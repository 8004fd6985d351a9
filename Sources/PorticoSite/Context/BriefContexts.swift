import PorticoModel

/// `briefs` (briefs/index.html): the archive, newest first.
package struct BriefsArchiveContext: TemplateContext {
    var briefs: [BriefListingContext]
    var feedHref: String
    var hasFeed: Bool
    var calendarHref: String
    var hasCalendar: Bool

    package static let fields = ContextFields<Self>(
        "briefs", "The archive of monthly briefs, `briefs/index.html`.",
        [
            .list("briefs", "every brief, newest first") { $0.briefs },
            .text("feed_href", "the Atom feed") { $0.feedHref },
            .flag("has_feed", "whether there is one: a public brief and `base_url`") { $0.hasFeed },
            .text("calendar_href", "`calendar.ics`") { $0.calendarHref },
            .flag("has_calendar", "whether there is one: a public campaign and `base_url`") { $0.hasCalendar },
        ])
}

/// A brief in a list.
package struct BriefListingContext: TemplateContext {
    var month: String?
    var monthLabel: String
    var title: String
    var summary: String?
    var href: String

    package static let fields = ContextFields<Self>(
        "brief listing", "A brief in a list.",
        [
            .text("month", "in the archive: `YYYY-MM`") { $0.month },
            .text("month_label", "such as `November 2026`") { $0.monthLabel },
            .text("title", "its title") { $0.title },
            .text(
                "listed_title",
                "the month and the title, `November 2026: …`, or the title alone when it starts with the month's name"
            ) { Self.listedTitle(monthLabel: $0.monthLabel, title: $0.title) },
            .text("summary", "in the archive: its summary") { $0.summary },
            .text("href", "its page") { $0.href },
        ])

    /// Briefs are often titled after their month ("December: …"): a list then does not say the
    /// month twice.
    package static func listedTitle(monthLabel: String, title: String) -> String {
        let monthName = monthLabel.split(separator: " ").first.map(String.init) ?? monthLabel
        let startsWithMonth = title.lowercased().hasPrefix(monthName.lowercased())
        return startsWithMonth ? title : "\(monthLabel): \(title)"
    }
}

/// `brief` (briefs/YYYY-MM/index.html and partners/<folder>/briefs/YYYY-MM/index.html).
package struct BriefPageContext: TemplateContext {
    var brief: BriefContext

    package static let fields = ContextFields<Self>(
        "brief page",
        "A monthly brief, `briefs/YYYY-MM/index.html`, and a partner's copy, "
            + "`partners/<folder>/briefs/YYYY-MM/index.html`. The emails get the same `brief`.",
        [.object("brief", "the brief") { $0.brief }])
}

package struct BriefContext: TemplateContext {
    var month: String
    var monthLabel: String
    var title: String
    var summary: String
    var href: String
    var archiveHref: String
    var sections: [BriefSectionContext]
    var personal: BriefPersonalContext?
    /// In an email: who receives it.
    var contact: PersonContext? = nil

    package static let fields = ContextFields<Self>(
        "brief", "A monthly brief; in a partner's copy, also what is theirs.",
        [
            .text("month", "`YYYY-MM`") { $0.month },
            .text("month_label", "such as `November 2026`") { $0.monthLabel },
            .text("title", "the front matter's title") { $0.title },
            .text("summary", "the front matter's summary") { $0.summary },
            .text("href", "this brief's page (the partner's copy in a partner's copy or email)") { $0.href },
            .text("brief_href", "the same as `href`") { $0.href },
            .text("archive_href", "the archive") { $0.archiveHref },
            .list(
                "sections",
                "the body in order: the author's text, the campaigns and the story, filled in where the author "
                    + "did not write them"
            ) { $0.sections },
            .flag("is_personal", "true in a partner's copy, which has the keys below") { $0.personal != nil },
            .object("partner", "the partner: its page and manager") { $0.personal?.partner },
            .list("joint_wins", "the partner's wins up to the brief's month") { $0.personal?.jointWins },
            .flag("has_joint_wins", "whether there are any") { $0.personal.map { !$0.jointWins.isEmpty } },
            .list("library_changes", "what changed in the library since the previous brief") {
                $0.personal?.libraryChanges
            },
            .flag("has_library_changes", "whether anything did") {
                $0.personal.map { !$0.libraryChanges.isEmpty }
            },
            .flag(
                "has_refer_line",
                "whether to add one line on how to refer (not when the brief asks already, or the partner is leaving)"
            ) { $0.personal?.hasReferLine },
            .text("refer_href", "the partner's refer page") { $0.personal?.referHref },
            .object("referrals", "what moved in the partner's own pipeline in the month before the brief's") {
                $0.personal?.referrals
            },
            .flag("has_referrals", "whether the partner had referred anything by then") {
                $0.personal.map { $0.referrals != nil }
            },
            .object("contact", "in an email: the recipient") { $0.contact },
        ])
}

package struct BriefPersonalContext: Sendable {
    var partner: BriefPartnerContext
    var jointWins: [StoryCardContext]
    var libraryChanges: [AssetSummaryContext]
    var hasReferLine: Bool
    var referHref: String
    var referrals: BriefReferralsContext?
}

/// "Your referrals" in a partner's copy of a brief.
package struct BriefReferralsContext: TemplateContext {
    var lines: [String]
    var resultsHref: String

    package static let fields = ContextFields<Self>(
        "brief referrals", "What moved in a partner's pipeline in the month before a brief's.",
        [
            .texts("lines", "sentences: referred and qualified, won, lost with the reason, still open") { $0.lines },
            .text("results_href", "the partner's results page") { $0.resultsHref },
        ])
}

package struct BriefPartnerContext: TemplateContext {
    var name: String
    var href: String
    var manager: PersonContext?

    package static let fields = ContextFields<Self>(
        "brief partner", "The partner a copy of a brief is for.",
        [
            .text("name", "its name") { $0.name },
            .text("href", "its page") { $0.href },
            .object("manager", "its manager") { $0.manager },
            .flag("has_manager", "whether it has one") { $0.manager != nil },
        ])
}

/// A part of a brief's body: the author's text, the campaigns, or the story.
package struct BriefSectionContext: TemplateContext {
    var part: Part

    package enum Part: Sendable {
        /// `text` is the plain-text version, in email only.
        case text(html: String, text: String?)
        case campaigns(title: String, [CampaignCardContext])
        case story(title: String, StoryCardContext)
    }

    package static let fields = ContextFields<Self>(
        "brief section", "A part of a brief's body; which keys it has depends on which part it is.",
        [
            .flag("is_text", "the author's text") {
                if case .text = $0.part { return true }
                return nil
            },
            .html("html", "the author's text, rendered") {
                if case .text(let html, _) = $0.part { return html }
                return nil
            },
            .text("text", "in email: the author's text as plain text") {
                if case .text(_, let text) = $0.part { return text }
                return nil
            },
            .flag("is_campaigns", "the campaigns") {
                if case .campaigns = $0.part { return true }
                return nil
            },
            .flag("is_story", "the story") {
                if case .story = $0.part { return true }
                return nil
            },
            .text("title", "the campaigns' or story's heading") {
                switch $0.part {
                case .text: nil
                case .campaigns(let title, _), .story(let title, _): title
                }
            },
            .list("campaigns", "the campaigns") {
                if case .campaigns(_, let campaigns) = $0.part { return campaigns }
                return nil
            },
            .object("story", "the story") {
                if case .story(_, let story) = $0.part { return story }
                return nil
            },
        ])
}

/// `story` (stories/<id>/index.html): a joint win.
package struct StoryPageContext: TemplateContext {
    var story: StoryCardContext

    package static let fields = ContextFields<Self>(
        "story page", "A success story's page, `stories/<id>/index.html`.",
        [.object("story", "a story card with `body_html`") { $0.story }])
}
