import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// Where a request for a path of the preview leads.
package enum Route: Equatable, Sendable {
    /// A file of the site, by its path in the site (`assets/faq/index.html`).
    case file(String)
    /// A permanent redirect to this address (a folder asked for without its final slash).
    case redirect(String)
    /// The live-reload event stream.
    case events
    /// The live-reload script.
    case script
    case notFound
}

/// Maps the path of a request to a file of the site, the way a static host would: the site is
/// published under `basePath` (from base_url), a folder's page is its `index.html`. live.js
/// maps `location.pathname` the same way; keep the two in step.
package enum RequestRouting {
    package static let eventsName = "__portico/events"
    package static let scriptName = "__portico/live.js"

    /// - Parameters:
    ///   - rawPath: the path as the request wrote it, percent-escapes and all.
    ///   - query: the query, kept on a redirect.
    ///   - basePath: decoded, starting and ending with `/`.
    ///   - exists: whether the site has a file at a site path.
    package static func route(
        rawPath: String, query: String = "", basePath: String, exists: (String) -> Bool
    ) -> Route {
        guard let path = rawPath.removingPercentEncoding, path.hasPrefix("/"), !path.contains("\0") else {
            return .notFound
        }
        for prefix in basePath == "/" ? ["/"] : ["/", basePath] {
            if path == prefix + eventsName { return .events }
            if path == prefix + scriptName { return .script }
        }
        let suffix = query.isEmpty ? "" : "?" + query
        if basePath != "/", path + "/" == basePath { return .redirect(rawPath + "/" + suffix) }
        guard path.hasPrefix(basePath) else { return .notFound }
        let relative = String(path.dropFirst(basePath.count))
        let components = relative.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0 == ".." || $0 == "." }) { return .notFound }
        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(relative) { return .file(relative) }
        if exists(relative + "/index.html") { return .redirect(rawPath + "/" + suffix) }
        return .notFound
    }
}
