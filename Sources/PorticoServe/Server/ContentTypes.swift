import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// The Content-Type the preview sends for a file of the site, by its extension.
package enum ContentTypes {
    package static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "ics": "text/calendar; charset=utf-8",
        "vcf": "text/vcard; charset=utf-8",
        "svg": "image/svg+xml; charset=utf-8",
        "webmanifest": "application/manifest+json; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "woff2": "font/woff2",
        "woff": "font/woff",
    ]

    package static let fallback = "application/octet-stream"

    /// The type for `path`, a path of the site such as `assets/faq/index.html`.
    package static func type(forPath path: String) -> String {
        byExtension[fileExtension(path)] ?? fallback
    }

    package static func isHTML(_ path: String) -> Bool {
        let ext = fileExtension(path)
        return ext == "html" || ext == "htm"
    }

    /// The lowercased extension of the last component of `path`, or "" when it has none.
    package static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
