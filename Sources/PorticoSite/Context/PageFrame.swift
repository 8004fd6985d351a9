import PorticoModel

/// The keys every page and email gets beside its own (`body`): where the root is, the program,
/// the site and this page, and the navigation.
package struct PageFrame: TemplateContext {
    var root: String
    var program: ProgramContext { didSet { shared.program = ContextReference(program) } }
    var site: SiteContext { didSet { shared.site = ContextReference(site) } }
    var page: PageInfoContext? { didSet { shared.page = page.map { ContextReference($0) } } }
    var nav: [NavEntryContext]? { didSet { shared.nav = nav?.map { ContextReference($0) } } }
    /// The 404 page's stylesheet, inlined.
    var inlineCSS: String?
    /// The shell of a private page.
    var sealed: SealedContext? { didSet { shared.sealed = sealed.map { ContextReference($0) } } }
    /// An email's own keys.
    var mail: MailInfoContext? { didSet { shared.mail = mail.map { ContextReference($0) } } }
    var body: any TemplateContext
    /// The same values as Mustache reads them, made once: every page's layout reads them many times.
    private var shared: Shared

    private struct Shared {
        var program: ContextReference
        var site: ContextReference
        var page: ContextReference?
        var nav: [ContextReference]?
        var sealed: ContextReference?
        var mail: ContextReference?
    }

    init(
        root: String, program: ProgramContext, site: SiteContext, page: PageInfoContext?, nav: [NavEntryContext]?,
        inlineCSS: String? = nil, mail: MailInfoContext? = nil, body: any TemplateContext
    ) {
        self.root = root
        self.program = program
        self.site = site
        self.page = page
        self.nav = nav
        self.inlineCSS = inlineCSS
        self.mail = mail
        self.body = body
        shared = Shared(
            program: ContextReference(program), site: ContextReference(site), page: page.map { ContextReference($0) },
            nav: nav?.map { ContextReference($0) }, sealed: nil, mail: mail.map { ContextReference($0) })
    }

    package static let fields = ContextFields<Self>(
        "every template", "The keys every page receives beside its own.",
        [
            .text("root", "the relative prefix from this page to the site root") { $0.root },
            .object("program", "the program") { $0.program },
            .object("site", "the site") { $0.site },
            .object("page", "this page") { $0.page },
            .list("nav", "the site navigation, in order") { $0.nav },
        ])

    /// Keys a page kind's frame has besides the shared ones.
    package static let notFoundFields: [ContextField<Self>] = [
        .html(
            "inline_css",
            "the theme's `static/portico.css`, for a `<style>` element, so the page looks right at any path"
        ) { $0.inlineCSS }
    ]
    package static let sealedFields: [ContextField<Self>] = [
        .object("sealed", "the encrypted page") { $0.sealed }
    ]
    package static let mailFields: [ContextField<Self>] = [
        .object("mail", "the message") { $0.mail }
    ]

    package func child(named name: String) -> Any? {
        switch name {
        case "root": root
        case "program": shared.program
        case "site": shared.site
        case "page": shared.page ?? body.child(named: name)
        case "nav": shared.nav ?? body.child(named: name)
        case "inline_css": inlineCSS ?? body.child(named: name)
        case "sealed": shared.sealed ?? body.child(named: name)
        case "mail": shared.mail ?? body.child(named: name)
        default: body.child(named: name)
        }
    }
}

/// `program`: the program as `program.yml` describes it.
package struct ProgramContext: TemplateContext {
    var name: String
    var company: String
    /// Pages only: its links depend on the page's depth.
    var positioningHTML: String?
    var boundaries: BoundariesContext
    var tiers: [TierContext]
    var team: [PersonContext]

    package static let fields = ContextFields<Self>(
        "program", "The program, from `program.yml`.",
        [
            .text("name", "the program's name") { $0.name },
            .text("company", "the company that runs it") { $0.company },
            .html("positioning_html", "the positioning, rendered from Markdown (pages only)") { $0.positioningHTML },
            .object("boundaries", "where our part ends and the partner's starts") { $0.boundaries },
            .list("tiers", "the tiers, highest first") { $0.tiers },
            .list("team", "the partner team") { $0.team },
        ])

    package init(_ program: Program, positioningHTML: String? = nil) {
        name = program.name
        company = program.company
        self.positioningHTML = positioningHTML
        boundaries = BoundariesContext(
            weSolve: program.boundaries.weSolve, partnerSolves: program.boundaries.partnerSolves,
            journey: program.boundaries.journey)
        tiers = program.tiers.map(TierContext.init)
        team = program.team.map(PersonContext.init)
    }
}

package struct BoundariesContext: TemplateContext {
    var weSolve: [String]
    var partnerSolves: [String]
    var journey: String

    package static let fields = ContextFields<Self>(
        "boundaries", "`program.yml` `boundaries`.",
        [
            .texts("we_solve", "what we solve") { $0.weSolve },
            .texts("partner_solves", "what the partner solves") { $0.partnerSolves },
            .text("journey", "how a client moves between the two") { $0.journey },
        ])
}

/// `site`: the site as a whole, and links to its main pages.
package struct SiteContext: TemplateContext {
    var title: String
    var company: String
    var buildDate: String
    var generator: String
    var homeHref: String
    /// Emails link to the home page only.
    var sectionHrefs: (library: String, refer: String, signIn: String, search: String)? = nil
    /// Pages only: `program.yml` `brand`.
    var brandCSS: String? = nil
    var logoHref: String? = nil

    package static let fields = ContextFields<Self>(
        "site", "The site.",
        [
            .text("title", "the program's name (`program.yml` `name`)") { $0.title },
            .text("company", "`program.yml` `company`") { $0.company },
            .text("build_date", "the build date, `YYYY-MM-DD` (`--date` or today)") { $0.buildDate },
            .text("generator", "`Portico <version>`") { $0.generator },
            .text("home_href", "the home page, `index.html` (in email, the portal's address)") { $0.homeHref },
            .text("library_href", "the library, `assets/index.html` (pages only)") { $0.sectionHrefs?.library },
            .text("refer_href", "the public refer page, `refer/index.html` (pages only)") { $0.sectionHrefs?.refer },
            .text("sign_in_href", "the sign-in page, `sign-in/index.html` (pages only)") { $0.sectionHrefs?.signIn },
            .text("search_href", "the search page, `search/index.html` (pages only)") { $0.sectionHrefs?.search },
            .html("brand_css", "CSS custom properties for the brand colour, for a `<style>` element (pages only)") {
                $0.brandCSS
            },
            .flag("has_brand_css", "whether `program.yml` sets a brand colour") { $0.brandCSS != nil },
            .text("logo_href", "the brand logo (pages only)") { $0.logoHref },
            .flag("has_logo", "whether `program.yml` names a logo") { $0.logoHref != nil },
        ])
}

/// `page`: this page.
package struct PageInfoContext: TemplateContext {
    var title: String
    var description: String
    var kind: String
    var canonicalURL: String
    var hasCanonicalURL: Bool

    package static let fields = ContextFields<Self>(
        "page", "This page.",
        [
            .text("title", "this page's title, for `<title>` and the `<h1>`") { $0.title },
            .text("description", "one sentence for `<meta name=\"description\">`") { $0.description },
            .text("kind", "the page kind: " + PageKind.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")) {
                $0.kind
            },
            .text("canonical_url", "this page's absolute address when `base_url` is set") { $0.canonicalURL },
            .flag("has_canonical_url", "whether `canonical_url` is set") { $0.hasCanonicalURL },
        ])
}

/// One entry of the site navigation.
package struct NavEntryContext: TemplateContext {
    var id: String
    var label: String
    var href: String
    var current: Bool

    package static let fields = ContextFields<Self>(
        "navigation entry", "A section of the site navigation: Start, Program, Library, Briefs, Refer.",
        [
            .text("id", "the section: `start`, `program`, `library`, `briefs` or `refer` (`data-portico-nav`)") {
                $0.id
            },
            .text("label", "the section's name") { $0.label },
            .text("href", "its page") { $0.href },
            .flag("current", "whether this page is in the section") { $0.current },
        ])
}

/// `sealed`: what the shell of a private page carries.
package struct SealedContext: TemplateContext {
    var json: String
    var contact: String

    package static let fields = ContextFields<Self>(
        "sealed", "The encrypted page in its shell.",
        [
            .html("json", "the encrypted page, for `<script type=\"application/json\" id=\"portico-sealed\">`") {
                $0.json
            },
            .text("contact", "who to write to for a lost link") { $0.contact },
        ])
}

/// `mail`: the message an email template renders.
package struct MailInfoContext: TemplateContext {
    var unsubscribeHref: String?
    var subject: String

    package static let fields = ContextFields<Self>(
        "mail", "The message.",
        [
            .text("unsubscribe_href", "the `mailto:` of List-Unsubscribe") { $0.unsubscribeHref ?? "" },
            .flag("has_unsubscribe", "whether the message has List-Unsubscribe (a welcome has not)") {
                $0.unsubscribeHref != nil
            },
            .text("subject", "the subject") { $0.subject },
        ])
}

/// A page or email with no keys of its own.
package struct NoOwnKeys: TemplateContext {
    package static let fields = ContextFields<Self>("none", "No keys of its own.", [])
}
