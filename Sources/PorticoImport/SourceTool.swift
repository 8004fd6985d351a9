import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The generator an imported folder was kept for, found from its configuration file. Each
/// generator resolves links its own way, and a link valid there must not be reported broken.
package struct SourceTool: Sendable, Equatable {
    package enum Kind: String, Sendable {
        case docusaurus = "Docusaurus"
        case gitbook = "GitBook"
        case mkdocs = "MkDocs"
        case hugo = "Hugo"
        case jekyll = "Jekyll"
    }

    package var kind: Kind
    /// The file it was detected from, below the imported folder.
    package var configFile: String
    /// The folder the generator reads documents from ("" for the top).
    package var docsRoot: String
    /// The site's base path (`/acme/`), left out of root links before they are resolved.
    package var basePath: String
    /// Docusaurus's `routeBasePath`: the URL path under which the docs root is served.
    package var routeBase: String?
    /// Folders served at the site root as they are (Docusaurus's and Hugo's `static/`).
    package var staticRoots: [String] = []
    /// GitBook's table of contents, below the docs root.
    package var summary = "SUMMARY.md"

    package init(
        kind: Kind, configFile: String, docsRoot: String, basePath: String, routeBase: String? = nil,
        staticRoots: [String] = []
    ) {
        self.kind = kind
        self.configFile = configFile
        self.docsRoot = docsRoot
        self.basePath = basePath
        self.routeBase = routeBase
        self.staticRoots = staticRoots
    }

    /// Docusaurus resolves a relative file link from the document's folder, then from the docs
    /// root, then from the site root; the others only from the document's folder.
    package var relativeBases: [String] {
        kind == .docusaurus ? [docsRoot, ""] : []
    }

    /// The page a Docusaurus `slug` serves a document at, below the base path and without
    /// slashes around it: `/welcome` is below the docs' route, `welcome` below the document's
    /// folder there. Nil for other generators, whose slugs this import does not follow.
    package func slugPage(_ slug: String, document: String) -> String? {
        guard kind == .docusaurus, let routeBase, docsRoot.isEmpty || document.hasPrefix(docsRoot + "/") else {
            return nil
        }
        let inDocs = docsRoot.isEmpty ? document : String(document.dropFirst(docsRoot.count + 1))
        let base = slug.hasPrefix("/") ? routeBase : ImportPath.join(routeBase, ImportPath.folder(of: inDocs))
        return ImportPath.normalized(
            ImportPath.join(base, slug.trimmingCharacters(in: CharacterSet(charactersIn: "/"))))
    }

    /// What the report says: `Docusaurus, detected from docusaurus.config.js (docs in docs/, base path /acme/)`.
    package var description: String {
        var details: [String] = []
        if !docsRoot.isEmpty { details.append("documents in \(docsRoot)/") }
        if basePath != "/" { details.append("base path \(basePath)") }
        if let routeBase, !routeBase.isEmpty { details.append("docs served at /\(routeBase)/") }
        let detail = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
        return "\(kind.rawValue), detected from \(configFile)\(detail)"
    }

    /// The first generator whose configuration file is at the top of `root`.
    package static func detect(root: URL) -> SourceTool? {
        func read(_ name: String) -> String? {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(name).path) else {
                return nil
            }
            return String(decoding: data, as: UTF8.self)
        }
        func isFolder(_ name: String) -> Bool {
            var isDirectory: ObjCBool = false
            let path = root.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        for name in ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"] {
            guard let text = read(name) else { continue }
            let base = scriptString("baseUrl", in: text) ?? "/"
            let route = scriptString("routeBasePath", in: text).map(trimmedSlashes) ?? "docs"
            var tool = SourceTool(
                kind: .docusaurus, configFile: name, docsRoot: isFolder("docs") ? "docs" : "",
                basePath: normalizedBase(base), routeBase: route)
            tool.staticRoots = isFolder("static") ? ["static"] : []
            return tool
        }
        if let text = read(".gitbook.yaml") {
            let docs = topLevelValue("root", in: text).map(trimmedSlashes) ?? ""
            var tool = SourceTool(kind: .gitbook, configFile: ".gitbook.yaml", docsRoot: docs, basePath: "/")
            // `structure:` holds `summary:` indented below it.
            if let structure = text.range(of: "\nstructure:") {
                let block = text[structure.upperBound...].split(separator: "\n").prefix { $0.hasPrefix(" ") }
                let inner = block.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n")
                tool.summary = topLevelValue("summary", in: inner).map(trimmedSlashes) ?? tool.summary
            }
            return tool
        }
        if read("SUMMARY.md") != nil {
            return SourceTool(kind: .gitbook, configFile: "SUMMARY.md", docsRoot: "", basePath: "/")
        }
        for name in ["mkdocs.yml", "mkdocs.yaml"] {
            guard let text = read(name) else { continue }
            let docs = topLevelValue("docs_dir", in: text).map(trimmedSlashes) ?? "docs"
            let site = topLevelValue("site_url", in: text).flatMap { URL(string: $0)?.path } ?? "/"
            return SourceTool(kind: .mkdocs, configFile: name, docsRoot: docs, basePath: normalizedBase(site))
        }
        for name in ["hugo.toml", "hugo.yaml", "config.toml"] {
            guard let text = read(name) else { continue }
            let docs = (topLevelValue("contentDir", in: text) ?? "content")
            let site = topLevelValue("baseURL", in: text).flatMap { URL(string: $0)?.path } ?? "/"
            var tool = SourceTool(
                kind: .hugo, configFile: name, docsRoot: trimmedSlashes(docs), basePath: normalizedBase(site))
            tool.staticRoots = isFolder("static") ? ["static"] : []
            return tool
        }
        if let text = read("_config.yml") {
            let base = topLevelValue("baseurl", in: text) ?? "/"
            return SourceTool(kind: .jekyll, configFile: "_config.yml", docsRoot: "", basePath: normalizedBase(base))
        }
        return nil
    }

    /// `key: value` or `key = value` at the start of a line (YAML's and TOML's top level), with
    /// quotes and a trailing comment removed: enough for the few settings that matter here,
    /// without evaluating configuration that may hold tags or code.
    package static func topLevelValue(_ key: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(key) {
            var rest = line.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
            guard let separator = rest.first, separator == ":" || separator == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            var value = String(rest)
            if let quote = value.first, quote == "\"" || quote == "'" {
                let inner = value.dropFirst()
                value = String(inner.prefix { $0 != quote })
            } else if let hash = value.range(of: " #") {
                value = String(value[..<hash.lowerBound])
            }
            value = value.trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// `key: 'value'` in JavaScript, when the value is a plain string literal.
    package static func scriptString(_ key: String, in text: String) -> String? {
        let pattern = "\\b\(key)\\s*:\\s*(['\"`])([^'\"`]*)\\1"
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 2), in: text)
        else { return nil }
        return String(text[range])
    }

    private static func trimmedSlashes(_ path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        while parts.first == "." { parts.removeFirst() }
        return parts.joined(separator: "/")
    }

    /// `/`, or `/acme/` with a slash at each end.
    private static func normalizedBase(_ path: String) -> String {
        let inner = trimmedSlashes(path)
        return inner.isEmpty ? "/" : "/\(inner)/"
    }
}
