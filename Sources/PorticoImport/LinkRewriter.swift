import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// A link of a document being imported, and what it names.
package struct ResolvedLink: Sendable {
    package var occurrence: LinkOccurrence
    package var target: LinkTarget
    /// The `?query` and `#fragment` as written, kept on the rewritten link.
    package var suffix: String
    /// True when the path leaves the document's folder (`../x.png`) or starts at the site root:
    /// a file it names is copied under its bare name, since its path would not fit the asset folder.
    package var leavesFolder: Bool
}

/// A link left as written, and why.
package struct UnresolvedLink: Sendable, Equatable, Comparable {
    package var source: String
    /// The line in the source file, front matter included.
    package var line: Int
    package var written: String
    package var reason: String

    package static func < (lhs: UnresolvedLink, rhs: UnresolvedLink) -> Bool {
        (lhs.source, lhs.line, lhs.written) < (rhs.source, rhs.line, rhs.written)
    }
}

/// Where an asset's file ends up below `content/assets`: `<id>.md` or `<id>/index.md`.
package struct AssetLocation: Sendable, Equatable {
    package var id: String
    package var isFolder: Bool
    /// `.md`, or `.markdown` for an existing asset written that way.
    package var fileExtension = "md"

    package init(id: String, isFolder: Bool, fileExtension: String = "md") {
        self.id = id
        self.isFolder = isFolder
        self.fileExtension = fileExtension
    }

    package var path: String { isFolder ? "\(id)/index.md" : "\(id).\(fileExtension)" }
    package var folder: String { isFolder ? id : "" }
}

/// Finds the links of one document and rewrites them for the asset it becomes.
package enum LinkRewriter {
    /// The links of `body` (a document at `path` below the imported folder) with their targets,
    /// and the links cmark found that could not be located in the text.
    package static func resolve(_ finder: LinkFinder, path: String, targets: LinkTargets) -> (
        links: [ResolvedLink], unlocated: [(line: Int, written: String)]
    ) {
        let folder = ImportPath.folder(of: path)
        let (occurrences, unlocated) = finder.occurrences(wanted: isRewritable)
        var links: [ResolvedLink] = []
        for occurrence in occurrences {
            let (pathPart, suffix) = split(occurrence.target)
            let target: LinkTarget
            var leaves = false
            switch occurrence.form {
            case .inline, .definition, .jsxImage:
                let unescaped = LinkFinder.unescaped(pathPart)
                let decoded = unescaped.removingPercentEncoding ?? unescaped
                target = targets.resolve(link: decoded, from: folder)
                // "../x.png" climbs out of the folder; "img/../x.png" does not.
                leaves = decoded.hasPrefix("/") || ImportPath.normalized(decoded) == nil
            case .htmlAttribute:
                // The target's character references are undone already; HTML has no backslash escapes.
                let decoded = pathPart.removingPercentEncoding ?? pathPart
                target = targets.resolve(link: decoded, from: folder)
                leaves = decoded.hasPrefix("/") || ImportPath.normalized(decoded) == nil
            case .wikilink:
                target = pathPart.isEmpty ? .sameDocument : targets.resolve(wikilink: pathPart, from: folder)
            case .shortcode:
                target = targets.resolve(shortcode: pathPart, from: folder)
                leaves = true
            }
            links.append(ResolvedLink(occurrence: occurrence, target: target, suffix: suffix, leavesFolder: leaves))
        }
        return (links, unlocated.map { ($0.line, $0.url) })
    }

    /// Relative paths are rewritten; absolute URLs (`https:`, `mailto:`, `//host`) and links to
    /// a heading of the same page (`#pricing`) are left alone.
    package static func isRewritable(_ url: String) -> Bool {
        guard let first = url.first, first != "#", !url.hasPrefix("//") else { return false }
        let scheme = url.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }
        let isScheme =
            scheme.count < url.count && url.dropFirst(scheme.count).first == ":"
            && scheme.first?.isLetter == true
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
        return !isScheme
    }

    /// Splits `x.md?raw=1#pricing` into the path and what follows it.
    package static func split(_ target: String) -> (path: String, suffix: String) {
        guard let index = target.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (target, "") }
        return (String(target[..<index]), String(target[index...]))
    }

    /// Where each linked file goes inside the asset's folder: under its path below the
    /// document's folder when the link stays inside it, otherwise under its own name, numbered
    /// when another file already has it.
    package static func placeFiles(_ links: [ResolvedLink], documentPath: String) -> [String: String] {
        let folder = ImportPath.folder(of: documentPath)
        let prefix = folder.isEmpty ? "" : folder + "/"
        var placed: [String: String] = [:]
        var used: Set<String> = ["index.md"]
        var outside: [String] = []
        for link in links {
            guard case .file(let file) = link.target, placed[file] == nil else { continue }
            let inside = String(file.dropFirst(prefix.count))
            // A hidden folder such as `.gitbook/assets` would be hidden in the asset too.
            let isHidden = inside.split(separator: "/").contains { $0.hasPrefix(".") }
            if !link.leavesFolder, file.hasPrefix(prefix), !isHidden {
                placed[file] = inside
                used.insert(inside.lowercased())
            } else if !outside.contains(file) {
                outside.append(file)
            }
        }
        for file in outside where placed[file] == nil {
            let name = ImportPath.name(of: file)
            let stem = ImportPath.stem(of: name)
            let ext = (name as NSString).pathExtension
            var candidate = name
            var number = 2
            while used.contains(candidate.lowercased()) {
                candidate = ext.isEmpty ? "\(stem)-\(number)" : "\(stem)-\(number).\(ext)"
                number += 1
            }
            placed[file] = candidate
            used.insert(candidate.lowercased())
        }
        return placed
    }

    /// The text that replaces `link` in the asset at `location`, or nil to leave it as written.
    package static func replacement(
        for link: ResolvedLink, in location: AssetLocation, assets: [String: AssetLocation], files: [String: String]
    ) -> String? {
        let destination: String
        var suffix = link.suffix
        if case .wikilink = link.occurrence.form { suffix = anchor(forWikilinkFragment: suffix) }
        switch link.target {
        case .unresolved:
            return nil
        case .sameDocument:
            destination = suffix
        case .document(let document):
            guard let target = assets[document] else { return nil }
            destination = encoded(ImportPath.relative(from: location.folder, to: target.path)) + suffix
        case .file(let file):
            guard let inside = files[file] else { return nil }
            // A link that already names the file where it is copied works as written.
            let movedOut = inside != ImportPath.normalized(split(link.occurrence.target).path)
            if link.occurrence.form.replacesTargetOnly, !link.leavesFolder, !movedOut { return nil }
            destination = encoded(inside) + link.suffix
        }
        switch link.occurrence.form {
        case .inline, .definition, .shortcode:
            return destination
        case .htmlAttribute(let quote, let sourceSet):
            return LinkFinder.attributeValue(destination, quote: quote, sourceSet: sourceSet)
        case .jsxImage(let alt):
            let target = destination.contains(" ") ? "<\(destination)>" : destination
            return "![\(escapedText(alt ?? ""))](\(target))"
        case .wikilink(let embed, let text):
            let target = destination.contains(" ") ? "<\(destination)>" : destination
            // Obsidian shows a link without '|' as its target as written: "Note > Heading".
            let name = split(link.occurrence.target).path
            if embed, case .file = link.target {
                // After '|' an embedded image takes its size ("300" or "300x200") or its description.
                let isSize = text.map { $0.allSatisfy { $0.isNumber || $0 == "x" } } ?? true
                let alt = isSize ? name : text ?? name
                return "![\(escapedText(alt))](\(target))"
            }
            let heading = link.suffix.hasPrefix("#") ? String(link.suffix.dropFirst()) : ""
            let label = text ?? (name.isEmpty ? heading : heading.isEmpty ? name : "\(name) > \(heading)")
            return "[\(escapedText(label))](\(target))"
        }
    }

    /// Obsidian's `#Heading` names a heading by its text, where a Markdown link needs the
    /// heading's anchor: `#Weekly agenda` becomes `#weekly-agenda`, as Portico writes heading
    /// ids. With nested headings (`#Part#Step`) the last one is meant; block references
    /// (`#^id`) are kept as written.
    package static func anchor(forWikilinkFragment fragment: String) -> String {
        guard fragment.hasPrefix("#"), !fragment.hasPrefix("#^") else { return fragment }
        let heading = fragment.split(separator: "#").last.map(String.init) ?? ""
        guard !heading.isEmpty else { return "" }
        var unused: Set<String> = []
        return "#" + HeadingRules.uniqueSlug(heading, used: &unused)
    }

    /// A path safe as a Markdown link destination: spaces, parentheses and '%' are encoded.
    package static func encoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "()%<>[]")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    private static func escapedText(_ text: String) -> String {
        text.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }
}
