import PorticoModel

/// `health` (health/index.html, for the team): every partner's health, and what to fix.
package struct HealthContext: TemplateContext {
    var partners: [HealthRowContext]
    var findings: [FindingContext]

    package static let fields = ContextFields<Self>(
        "health", "The team's health page, `health/index.html`.",
        [
            .list("partners", "one row per partner") { $0.partners },
            .list("findings", "the build's turnover and freshness warnings") { $0.findings },
            .flag("has_findings", "whether there are any") { !$0.findings.isEmpty },
            .number("findings_count", "how many") { $0.findings.count },
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

    package static let fields = ContextFields<Self>(
        "finding", "A warning of the build, with the line to change.",
        [
            .text("place", "where, `file:line:column`") { $0.place },
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
