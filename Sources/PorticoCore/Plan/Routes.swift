/// Where each output lives in the site, in one place so links and files always agree.
enum Routes {
    static let home = "index.html"
    static let library = "assets/index.html"
    static let notFound = "404.html"
    static let sitemap = "sitemap.xml"
    static let robots = "robots.txt"
    static let staticFolder = "static/"
    static let refer = "refer/index.html"
    static let partnerDirectory = "partners/index.html"
    static let signIn = "sign-in/index.html"
    static let keysFolder = "keys/"
    static let register = "refer/register/index.html"
    static let briefs = "briefs/index.html"
    static let feed = "briefs/feed.xml"
    static let calendar = "calendar.ics"
    static let health = "health/index.html"
    static let start = "start/index.html"

    static func partnerStart(_ segment: String) -> String { "partners/\(segment)/start/index.html" }
    static func teamCard(_ id: String) -> String { "team/\(id).vcf" }
    static let search = "search/index.html"
    static let searchManifest = "search/manifest.json"

    /// A group's search index: JSON, or its sealed bytes in an encrypted build.
    static func searchIndex(_ name: String, sealed: Bool) -> String { "search/\(name)." + (sealed ? "sealed" : "json") }

    static func brief(_ month: Month) -> String { "briefs/\(month)/index.html" }
    static func partnerBrief(_ segment: String, _ month: Month) -> String {
        "partners/\(segment)/briefs/\(month)/index.html"
    }
    static func partnerCalendar(_ segment: String) -> String { "partners/\(segment)/calendar.ics" }
    static func story(_ id: String) -> String { "stories/\(id)/index.html" }

    static func asset(_ id: String) -> String { "assets/\(id)/index.html" }
    /// A partner's pages live below `partners/<segment>/`; the segment is opaque in an encrypted
    /// portal (SiteIndex.partnerSegment), so a path says nothing about who the partner is.
    static func partner(_ segment: String) -> String { "partners/\(segment)/index.html" }
    /// A site path as it is written in a link: percent-encoded where it must be.
    static func encoded(_ path: String) -> String { LinkIndex.encodePath(path) }

    /// A link to a file of a folder asset, its path percent-encoded.
    static func assetFile(_ id: String, _ path: String) -> String { "assets/\(id)/" + LinkIndex.encodePath(path) }
    static func partnerRefer(_ segment: String) -> String { "partners/\(segment)/refer/index.html" }
    static func partnerRegister(_ segment: String) -> String { "partners/\(segment)/refer/register/index.html" }

    /// The prefix that leads from the page at `path` back to the site root: `""` or `"../"`s.
    static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// The URL of `path` in a sitemap: folders end in `/`, without `index.html`.
    static func publicURL(_ path: String, base: String) -> String {
        if path == home { return base }
        if path.hasSuffix("/index.html") { return base + path.dropLast("index.html".count) }
        return base + path
    }
}
