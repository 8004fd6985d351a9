import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Where each output lives in the site, in one place so links and files always agree.
package enum Routes {
    package static let home = "index.html"
    package static let library = "assets/index.html"
    package static let notFound = "404.html"
    package static let sitemap = "sitemap.xml"
    package static let robots = "robots.txt"
    package static let staticFolder = "static/"
    package static let refer = "refer/index.html"
    package static let partnerDirectory = "partners/index.html"
    package static let signIn = "sign-in/index.html"
    package static let keysFolder = "keys/"
    package static let register = "refer/register/index.html"
    package static let briefs = "briefs/index.html"
    package static let feed = "briefs/feed.xml"
    package static let calendar = "calendar.ics"
    package static let health = "health/index.html"
    package static let start = "start/index.html"

    package static func partnerStart(_ segment: String) -> String { "partners/\(segment)/start/index.html" }
    package static func teamCard(_ id: String) -> String { "team/\(id).vcf" }
    package static let search = "search/index.html"
    package static let searchManifest = "search/manifest.json"

    /// A group's search index: JSON, or its sealed bytes in an encrypted build.
    package static func searchIndex(_ name: String, sealed: Bool) -> String {
        "search/\(name)." + (sealed ? "sealed" : "json")
    }

    package static func brief(_ month: Month) -> String { "briefs/\(month)/index.html" }
    package static func partnerBrief(_ segment: String, _ month: Month) -> String {
        "partners/\(segment)/briefs/\(month)/index.html"
    }
    package static func partnerResults(_ segment: String) -> String { "partners/\(segment)/results/index.html" }
    package static func partnerCalendar(_ segment: String) -> String { "partners/\(segment)/calendar.ics" }
    package static func story(_ id: String) -> String { "stories/\(id)/index.html" }

    /// An asset's page by its folder below `assets/`: its id, or an opaque name for a team-only
    /// asset in an encrypted portal (SiteIndex.assetFolder).
    package static func asset(_ folder: String) -> String { "assets/\(folder)/index.html" }
    /// A partner's pages live below `partners/<segment>/`; the segment is opaque in an encrypted
    /// portal (SiteIndex.partnerSegment), so a path says nothing about who the partner is.
    package static func partner(_ segment: String) -> String { "partners/\(segment)/index.html" }
    /// A site path as it is written in a link: percent-encoded where it must be.
    package static func encoded(_ path: String) -> String { LinkIndex.encodePath(path) }

    /// A link to a file of a folder asset, its path percent-encoded.
    package static func assetFile(_ folder: String, _ path: String) -> String {
        "assets/\(folder)/" + LinkIndex.encodePath(path)
    }
    package static func partnerRefer(_ segment: String) -> String { "partners/\(segment)/refer/index.html" }
    package static func partnerRegister(_ segment: String) -> String { "partners/\(segment)/refer/register/index.html" }

    /// The prefix that leads from the page at `path` back to the site root: `""` or `"../"`s.
    package static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// The URL of `path` in a sitemap: folders end in `/`, without `index.html`.
    package static func publicURL(_ path: String, base: String) -> String {
        if path == home { return base }
        if path.hasSuffix("/index.html") { return base + path.dropLast("index.html".count) }
        return base + path
    }
}
