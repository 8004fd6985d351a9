import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

extension LinkTarget {
    package var isUnresolved: Bool {
        if case .unresolved = self { return true }
        return false
    }
}

/// Links from the site root (`/docs/setup`, `/img/logo.png`), read the way the detected
/// generator serves its folders before falling back to matching the link's end.
extension LinkTargets {
    package func resolve(rootLink path: String) -> LinkTarget {
        var rest = path
        var candidates: [String] = []
        if let tool {
            // `baseUrl: '/acme/'` makes `/acme/docs/setup` the page `/docs/setup`.
            if tool.basePath != "/", rest.hasPrefix(tool.basePath) {
                rest = "/" + rest.dropFirst(tool.basePath.count)
            }
            let inner = String(rest.dropFirst())
            if let document = slugs[inner.trimmingCharacters(in: CharacterSet(charactersIn: "/"))] {
                return .document(document)
            }
            if let route = tool.routeBase {
                if route.isEmpty {
                    candidates.append(ImportPath.join(tool.docsRoot, inner))
                } else if inner == route || inner.hasPrefix(route + "/") {
                    candidates.append(ImportPath.join(tool.docsRoot, String(inner.dropFirst(route.count))))
                }
            } else if !tool.docsRoot.isEmpty {
                candidates.append(ImportPath.join(tool.docsRoot, inner))
            }
            candidates += tool.staticRoots.map { ImportPath.join($0, inner) }
            candidates.append(inner)
        }
        // The link as a path from the top of the imported folder: an exact match wins.
        candidates.append(String(path.dropFirst()))
        let trailingSlash = path.hasSuffix("/")
        for candidate in candidates {
            guard let normalized = ImportPath.normalized(candidate) else { continue }
            let target = lookUp(normalized, trailingSlash: trailingSlash)
            if !target.isUnresolved { return target }
            if case .unresolved(let reason) = target, reason.hasPrefix("hidden") { return target }
        }
        return resolve(sitePath: rest)
    }
}
