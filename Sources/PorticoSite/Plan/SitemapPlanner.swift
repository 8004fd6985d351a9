import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `sitemap.xml` and `robots.txt`.
package enum SitemapPlanner {
    package static func plan(_ site: SiteIndex, pages: [PlannedOutput], log: DiagnosticLog) -> [PlannedOutput] {
        guard let base = site.program.baseURL else {
            log.report(
                .warning(
                    "no-base-url", "sitemap.xml not written: base_url is not set", at: site.program.source,
                    hint: "set base_url in program.yml to the address the portal is published at"))
            return []
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let listed = pages.filter { $0.page?.listed == true }.map(\.path).sorted()
        for path in listed {
            xml += "  <url><loc>\(XMLText.escape(Routes.publicURL(path, base: base)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return [PlannedOutput(path: Routes.sitemap, content: .text(xml))]
    }
}

package enum RobotsPlanner {
    package static func plan(_ site: SiteIndex) -> PlannedOutput {
        var text = "User-agent: *\nAllow: /\n"
        if let base = site.program.baseURL {
            text += "Sitemap: \(base)\(Routes.sitemap)\n"
        }
        return PlannedOutput(path: Routes.robots, content: .text(text))
    }
}
