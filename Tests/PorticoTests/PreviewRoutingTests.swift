import Foundation
import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoServe
import PorticoSite
import PorticoSupport
import Testing

/// How `portico serve` maps addresses to the files of the site and marks up what it sends.
@Suite struct PreviewRoutingTests {
    let site: Set<String> = [
        "index.html", "assets/index.html", "assets/faq/index.html", "static/portico.css", "café/index.html",
    ]

    func route(_ path: String, base: String = "/", query: String = "") -> Route {
        RequestRouting.route(rawPath: path, query: query, basePath: base, exists: site.contains)
    }

    @Test func pathsMapToFilesAsAStaticHostMapsThem() {
        #expect(route("/") == .file("index.html"))
        #expect(route("/assets/") == .file("assets/index.html"))
        #expect(route("/assets/faq/") == .file("assets/faq/index.html"))
        #expect(route("/static/portico.css") == .file("static/portico.css"))
        #expect(route("/caf%C3%A9/") == .file("café/index.html"))
        #expect(route("/assets") == .redirect("/assets/"))
        #expect(route("/assets/faq", query: "q=1") == .redirect("/assets/faq/?q=1"))
        #expect(route("/missing") == .notFound)
        #expect(route("/missing/") == .notFound)
        #expect(route("/static/") == .notFound)
    }

    @Test func pathsLeavingTheSiteAreNotFound() {
        #expect(route("/assets/../index.html") == .notFound)
        #expect(route("/assets/%2E%2E/index.html") == .notFound)
        #expect(route("/./index.html") == .notFound)
        #expect(route("/%00") == .notFound)
        #expect(route("/%zz") == .notFound)
    }

    @Test func aSiteUnderABasePathIsServedThereOnly() {
        #expect(route("/portal/", base: "/portal/") == .file("index.html"))
        #expect(route("/portal/assets/faq/", base: "/portal/") == .file("assets/faq/index.html"))
        #expect(route("/portal", base: "/portal/") == .redirect("/portal/"))
        #expect(route("/", base: "/portal/") == .notFound)
        #expect(route("/assets/faq/", base: "/portal/") == .notFound)
        #expect(route("/portalx/", base: "/portal/") == .notFound)
    }

    @Test func theLiveReloadEndpointsAnswerAtTheRootAndUnderTheBasePath() {
        #expect(route("/__portico/events") == .events)
        #expect(route("/__portico/live.js") == .script)
        #expect(route("/__portico/events", base: "/portal/") == .events)
        #expect(route("/portal/__portico/events", base: "/portal/") == .events)
        #expect(route("/portal/__portico/live.js", base: "/portal/") == .script)
    }

    @Test func theBasePathComesFromBaseURL() {
        #expect(PreviewSession.basePath(of: nil) == "/")
        #expect(PreviewSession.basePath(of: "https://partners.example.com/") == "/")
        #expect(PreviewSession.basePath(of: "https://example.org/portal/") == "/portal/")
        #expect(PreviewSession.basePath(of: "https://example.org/a/b/") == "/a/b/")
        #expect(PreviewSession.basePath(of: "https://example.org/my%20portal/") == "/my portal/")
    }

    @Test func theScriptGoesBeforeTheLastClosingBodyTag() {
        let tag = #"<script src="/portal/__portico/live.js" defer></script>"#
        #expect(LiveReload.scriptTag(basePath: "/portal/") == tag)
        #expect(LiveReload.scriptTag(basePath: "/my portal/").contains(#"src="/my%20portal/__portico"#))
        let page = "<html><body><p>&lt;/body&gt;</p></BODY></html>"
        let served = String(decoding: LiveReload.inject(into: Data(page.utf8), basePath: "/portal/"), as: UTF8.self)
        #expect(served == "<html><body><p>&lt;/body&gt;</p>\(tag)</BODY></html>")
        let bare = String(decoding: LiveReload.inject(into: Data("<p>x</p>".utf8), basePath: "/"), as: UTF8.self)
        #expect(bare == #"<p>x</p><script src="/__portico/live.js" defer></script>"#)
    }

    @Test func contentTypesFollowTheExtension() {
        #expect(ContentTypes.type(forPath: "a/index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.type(forPath: "static/portico.css") == "text/css; charset=utf-8")
        #expect(ContentTypes.type(forPath: "static/unlock.js") == "text/javascript; charset=utf-8")
        #expect(ContentTypes.type(forPath: "feeds/briefs.ics") == "text/calendar; charset=utf-8")
        #expect(ContentTypes.type(forPath: "team/dana.vcf") == "text/vcard; charset=utf-8")
        #expect(ContentTypes.type(forPath: "logo.SVG") == "image/svg+xml; charset=utf-8")
        #expect(ContentTypes.type(forPath: "a.woff2") == "font/woff2")
        #expect(ContentTypes.type(forPath: "deck.pdf") == "application/pdf")
        #expect(ContentTypes.type(forPath: "archive.tar.gz") == "application/octet-stream")
        #expect(ContentTypes.type(forPath: ".htaccess") == "application/octet-stream")
    }

    @Test func anUpdateIsOneEventWithItsJSONOnOneLine() {
        let update = LiveUpdate(
            changed: ["assets/faq/index.html"], errors: ["content/a.md:1:1: error: x\n  hint: y"], ok: false)
        #expect(
            update.event == "event: update\ndata: {\"changed\":[\"assets/faq/index.html\"],"
                + "\"errors\":[\"content/a.md:1:1: error: x\\n  hint: y\"],\"ok\":false}\n\n")
        #expect(update.state.changed.isEmpty)
    }

    @Test func theSessionsFilesCarryNoLiveReloadScript() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        var options = BuildOptions(
            content: scratch.path("content").path, templates: nil, output: scratch.path("site").path,
            date: Day("2026-11-25") ?? .today, strict: false, writesOutput: false)
        options.encrypt = false
        options.keys.secretURL = scratch.path("portico-secret.key")
        let session = PreviewSession(options: options)
        #expect(try session.rebuild().succeeded)
        #expect(session.paths.contains("index.html"))
        #expect(session.program?.name == "Fixture Partner Portal")
        #expect(session.basePath == "/")
        for path in session.paths {
            let text = String(decoding: session.file(at: path) ?? Data(), as: UTF8.self)
            #expect(!text.contains("__portico"), "\(path)")
        }
    }
}
