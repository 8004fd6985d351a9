import PorticoModel

/// `home` (index.html): the program at a glance. It is public, so it names no partner.
package struct HomeContext: TemplateContext {
    var partnersHref: String
    var signInHref: String
    var library: HomeLibraryContext

    package static let fields = ContextFields<Self>(
        "home", "The home page, `index.html`. It is public, so it names no partner.",
        [
            .text("partners_href", "the partner directory, `partners/index.html` (private)") { $0.partnersHref },
            .text("sign_in_href", "the sign-in page, `sign-in/index.html`") { $0.signInHref },
            .object("library", "the library at a glance") { $0.library },
        ])
}

package struct HomeLibraryContext: TemplateContext {
    var href: String
    var count: Int
    var kinds: [KindCountContext]

    package static let fields = ContextFields<Self>(
        "library at a glance", "What the library holds for partners.",
        [
            .text("href", "the library") { $0.href },
            .number("count", "how many assets partners may read (team assets are not counted)") { $0.count },
            .list("kinds", "each asset kind with at least one such asset") { $0.kinds },
        ])
}

package struct KindCountContext: TemplateContext {
    var kind: String
    var label: String
    var count: Int
    var href: String

    package static let fields = ContextFields<Self>(
        "kind count", "One asset kind and how many assets it has.",
        [
            .text("kind", "the kind, such as `one-pager`") { $0.kind },
            .text("label", "the kind in words, plural") { $0.label },
            .number("count", "how many assets of the kind") { $0.count },
            .text("href", "that group in the library") { $0.href },
        ])
}

/// `library` (assets/index.html): every asset partners may read, grouped by kind.
package struct LibraryContext: TemplateContext {
    var groups: [LibraryGroupContext]
    var stories: [StoryCardContext]

    package static let fields = ContextFields<Self>(
        "library", "The library, `assets/index.html`. Team assets are not listed.",
        [
            .list("groups", "one per asset kind with assets, in the order one-pager, objection, snapshot, guide") {
                $0.groups
            },
            .list("stories", "every story that is not for the team, newest first") { $0.stories },
            .flag("has_stories", "whether there are any") { !$0.stories.isEmpty },
        ])
}

package struct LibraryGroupContext: TemplateContext {
    var kind: String
    var label: String
    var anchor: String
    var assets: LazyContextList<Asset, AssetSummaryContext>

    package static let fields = ContextFields<Self>(
        "library group", "The assets of one kind.",
        [
            .text("kind", "the kind, such as `one-pager`") { $0.kind },
            .text("label", "the kind in words, plural") { $0.label },
            .text("anchor", "the group's id on the page") { $0.anchor },
            .number("count", "how many assets") { $0.assets.elements.count },
            .lazyList("assets", "the assets, by title") { $0.assets },
        ])
}

/// `asset` (assets/<id>/index.html): one asset.
package struct AssetPageContext: TemplateContext {
    var asset: AssetContext

    package static let fields = ContextFields<Self>(
        "asset page", "An asset's page, `assets/<id>/index.html`. Drafts get no page and appear in no list.",
        [.object("asset", "the asset") { $0.asset }])
}

package struct AssetContext: TemplateContext {
    var summary: AssetSummaryContext
    var bodyHTML: String
    var outline: [HeadingContext]
    var owner: PersonContext?
    var isOnePager: Bool
    var downloads: [DownloadContext]

    package static let fields = ContextFields<Self>(
        "asset", "An asset summary plus its body and what goes with it.",
        AssetSummaryContext.fields.lifted { $0.summary } + [
            .html(
                "body_html",
                "the Markdown body, rendered: no `<h1>` (the page's title is its only one), an `id` on every heading"
            ) { $0.bodyHTML },
            .list("outline", "the body's headings") { $0.outline },
            .flag("has_outline", "whether it has any") { !$0.outline.isEmpty },
            .object("owner", "the team member who owns the asset") { $0.owner },
            .flag("has_owner", "whether the owner is a team member") { $0.owner != nil },
            .flag("is_one_pager", "true for kind `one-pager` (the print stylesheet keeps it to one page)") {
                $0.isOnePager
            },
            .list(
                "downloads",
                "a folder asset's files, except those the body only shows as pictures"
            ) { $0.downloads },
            .flag("has_downloads", "whether there are any") { !$0.downloads.isEmpty },
        ])
}

package struct HeadingContext: TemplateContext {
    var level: Int
    var text: String
    var anchor: String

    package static let fields = ContextFields<Self>(
        "heading", "A heading of a text.",
        [
            .number("level", "2 to 6") { $0.level },
            .text("text", "its text") { $0.text },
            .text("anchor", "its id") { $0.anchor },
        ])
}

package struct DownloadContext: TemplateContext {
    var name: String
    var href: String
    var kind: String
    var size: String

    package static let fields = ContextFields<Self>(
        "download", "A file of a folder asset.",
        [
            .text("name", "its path in the asset's folder, such as `files/Partner deck.pptx`") { $0.name },
            .text("href", "the published file") { $0.href },
            .text("kind", "what sort of file, such as `PDF document` or `Slide deck`") { $0.kind },
            .text("size", "its size in decimal units, such as `30.9 KB`") { $0.size },
        ])
}
