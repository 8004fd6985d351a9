import PorticoModel

/// `health` (health/index.html, for the team): every partner's health, and what to fix.
package struct HealthContext: TemplateContext {
    var partners: [HealthRowContext]
    var owners: [OwnerFindingsContext]
    var scorecard: ScorecardContext?

    package static let fields = ContextFields<Self>(
        "health", "The team's health page, `health/index.html`.",
        [
            .list("partners", "one row per partner") { $0.partners },
            .object("scorecard", "the numbers from the CRM's exports, when the program reads any") { $0.scorecard },
            .flag("has_scorecard", "whether it does") { $0.scorecard != nil },
            .list(
                "owners",
                "the build's turnover and freshness warnings and what the numbers say, by the team member who owns "
                    + "what each names"
            ) { $0.owners },
            .flag("has_findings", "whether there are any") { !$0.owners.isEmpty },
            .number("findings_count", "how many") { $0.owners.reduce(0) { $0 + $1.findings.count } },
        ])
}

/// The findings that one team member owns, or that nobody on the team owns.
package struct OwnerFindingsContext: TemplateContext {
    var owner: String?
    var findings: [FindingContext]

    package static let fields = ContextFields<Self>(
        "owner's findings", "What one team member has to fix.",
        [
            .text("owner", "their name") { $0.owner ?? "" },
            .flag("has_owner", "whether someone on the team owns these; if not, they need an owner first") {
                $0.owner != nil
            },
            .list("findings", "the findings") { $0.findings },
            .number("count", "how many") { $0.findings.count },
        ])
}

package struct HealthRowContext: TemplateContext {
    var id: String
    var name: String
    var status: String
    var contacts: Int
    var manager: String?
    var lastBrief: String?
    var firstWin: String?
    var staleAssets: Int

    package static let fields = ContextFields<Self>(
        "health row", "One partner's health.",
        [
            .text("id", "the partner's id") { $0.id },
            .text("name", "its name") { $0.name },
            .text("status", "its status") { $0.status },
            .number("contacts", "how many contacts it has") { $0.contacts },
            .flag("single_contact", "whether it has fewer than two: the knowledge leaves with one person") {
                $0.contacts < 2
            },
            .text("manager", "its manager's name") { $0.manager ?? "" },
            .flag("has_manager", "whether it has one") { $0.manager != nil },
            .text("last_brief", "the month of the last brief it got") { $0.lastBrief ?? "" },
            .flag("has_last_brief", "whether it got one") { $0.lastBrief != nil },
            .text("first_win", "the month of its first joint win") { $0.firstWin ?? "" },
            .flag("has_first_win", "whether it has one") { $0.firstWin != nil },
            .number("stale_assets", "how many assets it is featured with are due for review") { $0.staleAssets },
        ])
}

package struct FindingContext: TemplateContext {
    var place: String
    var message: String
    var hint: String?
    var code: String
    var subject: TitledLinkContext?
    var links: [TitledLinkContext]

    package static let fields = ContextFields<Self>(
        "finding", "A warning of the build, with the line to change.",
        [
            .text("place", "where, `file:line:column`") { $0.place },
            .flag("has_place", "whether the finding is at a line of the content, rather than in the exports' numbers") {
                !$0.place.isEmpty
            },
            .object("subject", "the partner or asset it is about, with a link to its page") { $0.subject },
            .flag("has_subject", "whether it is about one") { $0.subject != nil },
            .list("links", "what it names, such as the enablement to go through with a partner") { $0.links },
            .flag("has_links", "whether it names anything") { !$0.links.isEmpty },
            .text("message", "what is wrong") { $0.message },
            .text("hint", "what to do") { $0.hint ?? "" },
            .flag("has_hint", "whether there is a hint") { $0.hint != nil },
            .text("code", "the warning's code") { $0.code },
        ])
}

/// `search` (search/index.html): search in the browser (docs/search.md).
package struct SearchPageContext: TemplateContext {
    var types: [SearchTypeContext]
    var briefsHref: String?

    package static let fields = ContextFields<Self>(
        "search", "The search page, `search/index.html`.",
        [
            .list("types", "the types a search can be narrowed to: the asset kinds, then briefs and stories") {
                $0.types
            },
            .text("briefs_href", "the briefs page, when there are briefs") { $0.briefsHref ?? "" },
            .flag("has_briefs", "whether there are") { $0.briefsHref != nil },
        ])
}

package struct SearchTypeContext: TemplateContext {
    var value: String
    var label: String

    package static let fields = ContextFields<Self>(
        "search type", "A type of result.",
        [
            .text("value", "the type, such as `one-pager` or `brief`") { $0.value },
            .text("label", "the type in words") { $0.label },
        ])
}
