import PorticoModel

/// `partner` (partners/<folder>/index.html): one partner's own page.
package struct PartnerPageContext: TemplateContext {
    var partner: PartnerContext

    package static let fields = ContextFields<Self>(
        "partner page",
        "A partner's own page, `partners/<folder>/index.html`. Retired partners get no page, and no refer or "
            + "register pages either.",
        [.object("partner", "the partner") { $0.partner }])
}

package struct PartnerContext: TemplateContext {
    var id: String
    var name: String
    var website: String?
    var since: String
    var kind: String
    var kindLabel: String
    var status: String
    var statusLabel: String
    var isSunsetting: Bool
    var tier: TierContext?
    var audienceHTML: String
    var manager: PersonContext?
    var contacts: [PersonContext]
    var featuredAssets: [AssetSummaryContext]
    var otherAssets: [AssetSummaryContext]
    var moreAssetsCount: Int
    var libraryHref: String
    var referHref: String
    var registerHref: String
    var hasRegistration: Bool
    var referralCode: String
    var integration: IntegrationContext?
    var startHref: String
    var briefs: [BriefListingContext]
    var jointWins: [StoryCardContext]
    var calendarHref: String?
    var resultsHref: String?

    package static let fields = ContextFields<Self>(
        "partner", "A partner, on its own page.",
        [
            .text("id", "the partner's id") { $0.id },
            .text("name", "its name") { $0.name },
            .text("website", "its website") { $0.website ?? "" },
            .flag("has_website", "whether `website` is set") { $0.website != nil },
            .text("since", "when it joined, `YYYY-MM-DD`") { $0.since },
            .text("kind", "`referral` or `integration`") { $0.kind },
            .text("kind_label", "the kind in words") { $0.kindLabel },
            .flag("is_referral", "whether it is a referral partner") { $0.kind == "referral" },
            .flag("is_integration", "whether it is an integration partner") { $0.kind == "integration" },
            .text("status", "`active`, `sunsetting` or `retired`") { $0.status },
            .text("status_label", "the status in words") { $0.statusLabel },
            .flag("is_sunsetting", "whether the partnership is ending") { $0.isSunsetting },
            .flag(
                "show_promotions", "false for sunsetting partners: a plain page, without featured assets or benefits"
            ) { !$0.isSunsetting },
            .object("tier", "its tier") { $0.tier },
            .html("audience_html", "who its customers are, rendered from Markdown") { $0.audienceHTML },
            .object("manager", "our partner manager for them") { $0.manager },
            .flag("has_manager", "whether it has one") { $0.manager != nil },
            .list("contacts", "the people at the partner") { $0.contacts },
            .flag("has_contacts", "whether there are any") { !$0.contacts.isEmpty },
            .list("featured_assets", "the assets its file features, in that order, team assets left out") {
                $0.featuredAssets
            },
            .flag("has_featured_assets", "whether there are any") { !$0.featuredAssets.isEmpty },
            .list(
                "other_assets",
                "the other assets for its kind, by title, at most 30: the most recently reviewed when more serve it"
            ) { $0.otherAssets },
            .flag("has_other_assets", "whether there are any") { !$0.otherAssets.isEmpty },
            .number("more_assets_count", "how many more the library has for it") { $0.moreAssetsCount },
            .flag("has_more_assets", "whether there are more") { $0.moreAssetsCount > 0 },
            .text("library_href", "the library") { $0.libraryHref },
            .text("refer_href", "its own refer page, `partners/<folder>/refer/index.html`") { $0.referHref },
            .text(
                "register_href",
                "its own register page, which exists only when `has_registration`: link to it only inside that section"
            ) { $0.registerHref },
            .flag("has_registration", "whether the program has `deal_registration`") { $0.hasRegistration },
            .text("referral_code", "its referral code: `referral_code` from its file, or its id in capitals") {
                $0.referralCode
            },
            .object("integration", "its integration, for partners with an `integration` block") { $0.integration },
            .flag("has_integration", "whether it has one") { $0.integration != nil },
            .text("start_href", "its start page, `partners/<folder>/start/index.html`") { $0.startHref },
            .list("briefs", "its copies of the briefs, newest first") { $0.briefs },
            .flag("has_briefs", "whether there are any") { !$0.briefs.isEmpty },
            .list("joint_wins", "its joint wins, newest first") { $0.jointWins },
            .flag("has_joint_wins", "whether there are any") { !$0.jointWins.isEmpty },
            .text("calendar_href", "its own calendar of campaigns") { $0.calendarHref ?? "" },
            .flag("has_calendar", "whether it has one") { $0.calendarHref != nil },
            .text("results_href", "its results page: what became of each referral it sent") { $0.resultsHref ?? "" },
            .flag("has_results", "whether it has one (the program reads the CRM's exports)") { $0.resultsHref != nil },
        ])
}

/// `partners` (partners/index.html): the partner directory.
package struct PartnerDirectoryContext: TemplateContext {
    var activePartners: [DirectoryEntryContext]

    package static let fields = ContextFields<Self>(
        "partners", "The partner directory, `partners/index.html`, for partners and the team.",
        [
            .list("active_partners", "the active partners, by name") { $0.activePartners },
            .flag("has_active_partners", "whether there are any") { !$0.activePartners.isEmpty },
        ])
}

package struct DirectoryEntryContext: TemplateContext {
    var name: String
    var href: String
    var kindLabel: String
    var tierName: String

    package static let fields = ContextFields<Self>(
        "directory entry", "A partner in the directory.",
        [
            .text("name", "its name") { $0.name },
            .text("href", "its page") { $0.href },
            .text("kind_label", "its kind in words") { $0.kindLabel },
            .text("tier_name", "its tier's name") { $0.tierName },
        ])
}

/// `start` (start/index.html and partners/<folder>/start/index.html): the path for someone new.
package struct StartPageContext: TemplateContext {
    var start: StartContext

    package static let fields = ContextFields<Self>(
        "start page",
        "The start path, `start/index.html` and each partner's `partners/<folder>/start/index.html`.",
        [.object("start", "the path") { $0.start }])
}

package struct StartContext: TemplateContext {
    var partner: NamedLinkContext?
    var steps: [StartStepContext]
    var glossary: [GlossaryTermContext]

    package static let fields = ContextFields<Self>(
        "start", "The seven steps for one reader.",
        [
            .flag("is_personal", "true on a partner's page") { $0.partner != nil },
            .object("partner", "on a partner's page: its name and page") { $0.partner },
            .list("steps", "the seven steps") { $0.steps },
            .number("step_count", "how many steps") { $0.steps.count },
            .number("total_minutes", "their reading time together") { $0.steps.map(\.minutes).reduce(0, +) },
            .list("glossary", "each term of glossary.yml") { $0.glossary },
            .flag("has_glossary", "whether there are any") { !$0.glossary.isEmpty },
        ])
}

package struct StartStepContext: TemplateContext {
    var number: Int
    var id: String
    var title: String
    var intro: String
    var minutes: Int
    var isPeople: Bool
    var items: [StartItemContext]
    var people: StartPeopleContext?

    package static let fields = ContextFields<Self>(
        "start step", "One step of the start path.",
        [
            .number("number", "1 to 7") { $0.number },
            .text("id", "its id, such as `pitch`") { $0.id },
            .text("title", "its title") { $0.title },
            .text("intro", "what it is for, in a sentence") { $0.intro },
            .number("minutes", "its reading time") { $0.minutes },
            .flag("has_minutes", "whether it has any (a step whose pages need a personal link has none)") {
                $0.minutes > 0
            },
            .list("items", "the pages it leads to") { $0.items },
            .flag("has_items", "whether there are any") { !$0.items.isEmpty },
            .flag("is_people", "true for \"who is who\", which has the people keys") { $0.isPeople },
            .object("manager", "\"who is who\": the partner's manager") { $0.people?.manager },
            .flag("has_manager", "\"who is who\": whether the partner has one") { $0.people.map { $0.manager != nil } },
            .list("colleagues", "\"who is who\": the partner's contacts") { $0.people?.colleagues },
            .flag("has_colleagues", "\"who is who\": whether there are any") {
                $0.people.map { !$0.colleagues.isEmpty }
            },
            .list("team", "\"who is who\": our team") { $0.people?.team },
        ])
}

package struct StartPeopleContext: Sendable {
    var manager: PersonContext?
    var colleagues: [PersonContext]
    var team: [PersonContext]
}

package struct StartItemContext: TemplateContext {
    var title: String
    var href: String
    var minutes: Int
    var summary: String

    package static let fields = ContextFields<Self>(
        "start item", "A page a step leads to.",
        [
            .text("title", "its title") { $0.title },
            .text("href", "the page") { $0.href },
            .number("minutes", "its reading time") { $0.minutes },
            .flag("has_minutes", "whether it has one") { $0.minutes > 0 },
            .text("summary", "what it is") { $0.summary },
            .flag("has_summary", "whether `summary` is set") { !$0.summary.isEmpty },
        ])
}

package struct GlossaryTermContext: TemplateContext {
    var term: String
    var anchor: String
    var definitionHTML: String

    package static let fields = ContextFields<Self>(
        "glossary term", "A term of glossary.yml.",
        [
            .text("term", "the term") { $0.term },
            .text("anchor", "its id on the start page") { $0.anchor },
            .html("definition_html", "its definition, rendered from Markdown") { $0.definitionHTML },
        ])
}
