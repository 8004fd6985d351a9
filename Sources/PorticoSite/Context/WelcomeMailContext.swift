import PorticoModel
import PorticoSupport

/// `email/welcome-html` and `email/welcome-text`: the message `portico welcome` writes.
package struct WelcomeMailContext: TemplateContext {
    var welcome: WelcomeContext

    package static let fields = ContextFields<Self>(
        "welcome email", "The message `portico welcome` writes. Links are absolute and get the contact's key.",
        [.object("welcome", "the welcome") { $0.welcome }])
}

package struct WelcomeContext: TemplateContext {
    var contact: PersonContext
    var partner: WelcomePartnerContext
    var manager: PersonContext
    var isManager: Bool
    var accessHref: String
    var startHref: String
    var steps: [WelcomeStepContext]
    var summary: String

    package static let fields = ContextFields<Self>(
        "welcome", "What a new contact is told.",
        [
            .object("contact", "the new contact") { $0.contact },
            .text("first_name", "the contact's first name, as `contact.first_name`") { $0.contact.firstName },
            .object("partner", "their partner") { $0.partner },
            .object("manager", "the partner's manager (the program's first team member when it has none)") {
                $0.manager
            },
            .flag("is_manager", "false when `manager` is not the partner's own") { $0.isManager },
            .text("access_href", "the contact's partner page: their access link") { $0.accessHref },
            .text("start_href", "their partner's start page") { $0.startHref },
            .list("steps", "the seven steps of the start path, in order") { $0.steps },
            .text("summary", "one sentence for the preview line") { $0.summary },
        ])
}

package struct WelcomePartnerContext: TemplateContext {
    var id: String
    var name: String
    var kindLabel: String
    var isIntegration: Bool

    package static let fields = ContextFields<Self>(
        "welcome partner", "The partner a welcome is for.",
        [
            .text("id", "its id") { $0.id },
            .text("name", "its name") { $0.name },
            .text("kind_label", "its kind in words") { $0.kindLabel },
            .flag("is_integration", "whether it is an integration partner") { $0.isIntegration },
        ])
}

package struct WelcomeStepContext: TemplateContext {
    var number: Int
    var title: String
    var summary: String
    var links: [TitledLinkContext]

    package static let fields = ContextFields<Self>(
        "welcome step", "A step of the start path, in a welcome.",
        [
            .number("number", "1 to 7") { $0.number },
            .text("title", "its title") { $0.title },
            .text("summary", "what it is for") { $0.summary },
            .text("href", "its first link") { $0.links.first?.href ?? "" },
            .list("links", "where it leads") { $0.links },
        ])
}

extension WelcomeMailContext {
    /// Links are absolute, as `portico links` writes them (a folder's, without `index.html`); the
    /// renderer adds the contact's key.
    package init(
        _ partner: Partner, contact: Contact, manager: TeamMember, isManager: Bool, steps: [StartStep],
        scope: PageScope
    ) {
        let site = scope.site
        let segment = site.partnerSegment(partner.id)
        func href(_ path: String) -> String { Routes.publicURL(path, base: scope.root) }
        // A step without pages of its own (who is who) leads to its place on the start page.
        let stepContexts = steps.enumerated().map { index, step in
            var links = step.items.map { TitledLinkContext(title: $0.title, href: href($0.path)) }
            if links.isEmpty {
                links = [
                    TitledLinkContext(
                        title: "On your start page", href: href(Routes.partnerStart(segment)) + "#step-\(step.id)")
                ]
            }
            return WelcomeStepContext(number: index + 1, title: step.title, summary: step.intro, links: links)
        }
        welcome = WelcomeContext(
            contact: PersonContext(contact),
            partner: WelcomePartnerContext(
                id: partner.id, name: partner.name, kindLabel: partner.kind.label,
                isIntegration: partner.kind == .integration),
            manager: PersonContext(manager), isManager: isManager, accessHref: href(Routes.partner(segment)),
            startHref: href(Routes.partnerStart(segment)), steps: stepContexts,
            summary: "Your personal link to \(site.program.name), and seven steps to find your way around it.")
    }
}
