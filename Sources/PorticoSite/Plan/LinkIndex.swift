import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Resolves links as a git host renders them, from the linking file's folder to another
/// source file (`other.md`, `../assets/other.md#pricing`, `other/index.md`) or by plain asset
/// id, against the same model the site is built from, so a link can only lead to a page or
/// file that is published. Anchors are checked against the target's headings.
public final class LinkIndex: LinkResolving {
    package let assets: [String: Asset]
    package let drafts: Set<String>
    /// Paths below `content/static/`, published under `static/`.
    package let staticFiles: Set<String>
    /// Folders below `assets/` that are not the asset's id (SiteIndex.assetFolder).
    package let assetFolders: [String: String]
    /// Pages that are not assets, by the path a link names them with (`refer`, `stories/<id>`).
    package let pages: [String: String]
    private let anchors: AnchorCache

    package init(
        assets: [String: Asset], drafts: Set<String>, staticFiles: Set<String>, stories: [String] = [],
        briefs: [Month] = [], assetFolders: [String: String] = [:]
    ) {
        self.assets = assets
        self.assetFolders = assetFolders
        self.drafts = drafts
        self.staticFiles = staticFiles
        var pages = ["refer": Routes.refer, "refer/register": Routes.register]
        if !briefs.isEmpty { pages["briefs"] = Routes.briefs }
        for month in briefs { pages["briefs/\(month)"] = Routes.brief(month) }
        for story in stories { pages["stories/\(story)"] = Routes.story(story) }
        self.pages = pages
        anchors = AnchorCache()
    }

    /// The page a link names by its source file or its published folder: `../stories/x.md`,
    /// `/refer/`, `../briefs/2026-10/index.html`.
    package func page(_ components: [String]) -> String? {
        var parts = components
        if let last = parts.last, ["index.html", "index.md"].contains(last.lowercased()) { parts.removeLast() }
        if let last = parts.popLast() { parts.append(Self.stripExtension(last)) }
        return pages[parts.joined(separator: "/")]
    }

    package static let markdownExtensions = [".md", ".markdown"]
    package static let linkHint =
        "link to another asset as 'its-id.md' (from a folder asset, '../its-id.md'), "
        + "to a file beside index.md by its path, or to a shared file as '/static/its-path'"

    package func resolve(_ url: String, in context: LinkContext, ownAnchors: Set<String>) -> LinkResolution {
        let written = url.trimmed(.whitespace)
        guard !written.isEmpty, !Self.hasScheme(written), !written.hasPrefix("//") else { return .unchanged }
        var path = written
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let question = path.firstIndex(of: "?") { path = String(path[..<question]) }
        if path.isEmpty {
            guard context.assetID != nil, !fragment.isEmpty, !ownAnchors.contains(decoded(fragment)) else {
                return .unchanged
            }
            return brokenAnchor(written, page: "this page", fragment: decoded(fragment), among: ownAnchors)
        }
        let target = decoded(path)
        let base = target.hasPrefix("/") ? "" : context.folder
        guard let components = Self.normalise(base + "/" + target) else {
            return .broken(
                code: "broken-link", message: "link to '\(written)' leads outside the content folder",
                hint: Self.linkHint)
        }
        if components.first == "static", staticFiles.contains(components.dropFirst().joined(separator: "/")) {
            let path = components.joined(separator: "/")
            return .rewritten(href: context.root + Self.encodePath(path) + (fragment.isEmpty ? "" : "#" + fragment))
        }
        if let page = page(components) {
            return .rewritten(href: context.root + page + (fragment.isEmpty ? "" : "#" + fragment))
        }
        if let (id, file) = match(components, written: target) {
            return resolved(id: id, file: file, fragment: fragment, written: written, context: context)
        }
        return .broken(
            code: "broken-link",
            message: "link to '\(written)' leads to nothing\(suggestion(for: target, in: context))",
            hint: Self.linkHint)
    }

    /// The asset a path names, and the file within its folder if it names one.
    private func match(_ components: [String], written: String) -> (String, String?)? {
        if components.first == "assets", components.count >= 2 {
            let id = Self.stripExtension(components[1])
            let rest = components.dropFirst(2).joined(separator: "/")
            if components.count == 2 || ["index.md", "index.markdown"].contains(rest) {
                if assets[id] != nil || drafts.contains(id) { return (id, nil) }
            } else if let asset = assets[components[1]], asset.files.contains(where: { $0.path == rest }) {
                return (asset.id, rest)
            }
        }
        // A plain id, or a sibling's file name written from inside a folder asset.
        if !written.contains("/") {
            let id = Self.stripExtension(written)
            if assets[id] != nil || drafts.contains(id) { return (id, nil) }
        }
        return nil
    }

    private func resolved(
        id: String, file: String?, fragment: String, written: String, context: LinkContext
    ) -> LinkResolution {
        guard let asset = assets[id] else {
            return .broken(
                code: "link-to-draft", message: "link to '\(written)' leads to a draft, which is not published",
                hint: "publish '\(id)' by removing 'draft: true', or remove the link")
        }
        let suffix = fragment.isEmpty ? "" : "#" + fragment
        if let file {
            let href = context.root + Routes.assetFile(assetFolders[id] ?? id, file) + suffix
            return id == context.assetID ? .ownFile(href: href, path: file) : .rewritten(href: href)
        }
        if !fragment.isEmpty {
            let known = anchors.anchors(of: asset)
            if !known.contains(decoded(fragment)) {
                // The page exists: lead to it, so a reader lands on the right page at least.
                var broken = brokenAnchor(written, page: "'\(id)'", fragment: decoded(fragment), among: known)
                if case .broken(let code, let message, let hint, _) = broken {
                    broken = .broken(
                        code: code, message: message, hint: hint,
                        href: context.root + Routes.asset(assetFolders[id] ?? id) + suffix)
                }
                return broken
            }
        }
        return .rewritten(href: context.root + Routes.asset(assetFolders[id] ?? id) + suffix)
    }

    private func brokenAnchor(_ written: String, page: String, fragment: String, among anchors: Set<String>)
        -> LinkResolution
    {
        .broken(
            code: "broken-anchor",
            message: "link to '\(written)': \(page) has no heading '#\(fragment)'"
                + Suggestion.didYouMean(fragment, in: anchors.sorted()),
            hint: "an anchor is a heading's text in lowercase with '-' between words, as the page's outline shows")
    }

    private func suggestion(for target: String, in context: LinkContext) -> String {
        // `../faq/index.html` names the page of 'faq': look at the folder, not at 'index'.
        var parts = target.split(separator: "/").map(String.init)
        if let last = parts.last, last.lowercased().hasPrefix("index."), parts.count > 1 { parts.removeLast() }
        var name = Self.stripExtension(parts.last ?? target)
        for ext in [".html", ".htm"] where name.lowercased().hasSuffix(ext) { name = String(name.dropLast(ext.count)) }
        if let id = Suggestion.closest(to: name, in: assets.keys.sorted()) {
            return " (did you mean '\(id).md'?)"
        }
        if let own = context.assetID.flatMap({ assets[$0] }) {
            return Suggestion.didYouMean(target, in: own.files.map(\.path))
        }
        return ""
    }

    private func decoded(_ text: String) -> String { text.removingPercentEncoding ?? text }

    package static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.first?.isLetter == true
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    package static func stripExtension(_ name: String) -> String {
        for ext in markdownExtensions where name.lowercased().hasSuffix(ext) {
            return String(name.dropLast(ext.count))
        }
        return name
    }

    /// `a/./b/../c` as `[a, c]`; nil when `..` climbs above the content folder.
    package static func normalise(_ path: String) -> [String]? {
        var parts: [String] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts
    }

    package static func encodePath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}

/// Heading anchors of assets that links point into, worked out on first use: most assets are
/// never the target of an anchor, so most are never parsed twice.
package final class AnchorCache: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: Set<String>] = [:]
    private let renderer = MarkdownRenderer()

    package func anchors(of asset: Asset) -> Set<String> {
        lock.lock()
        let cached = known[asset.id]
        lock.unlock()
        if let cached { return cached }
        let anchors = Set(renderer.headings(of: asset).map(\.anchor))
        lock.lock()
        known[asset.id] = anchors
        lock.unlock()
        return anchors
    }
}
