import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

extension PreviewSession {
    /// The path the site is published under, from `base_url` (`/portal/` for
    /// `https://example.org/portal/`), always starting and ending with `/`; `/` when the program
    /// has no base_url or no build has succeeded yet. Percent-escapes are decoded.
    public var basePath: String {
        Self.basePath(of: program?.baseURL)
    }

    package static func basePath(of baseURL: String?) -> String {
        guard let baseURL, let components = URLComponents(string: baseURL) else { return "/" }
        let parts = components.path.split(separator: "/", omittingEmptySubsequences: true)
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }
}
