import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The old site's navigation: GitBook's `SUMMARY.md` order, Docusaurus's sidebar positions and
/// labels, and `slug` URLs. Assets have no field for order, short titles or old addresses, so
/// the report lists them for a person to carry over rather than dropping them silently.
package struct ImportNavigation: Sendable {
    package struct Entry: Sendable, Equatable {
        package var source: String
        package var id: String
        package var position: Double?
        package var label: String?
    }

    package struct OldURL: Sendable, Equatable {
        package var source: String
        package var url: String
        package var assetPath: String
    }

    package var tool: SourceTool?
    /// Documents in the order `SUMMARY.md` lists them: path and asset id.
    package var summaryOrder: [(source: String, id: String)] = []
    package var sidebar: [Entry] = []
    package var oldURLs: [OldURL] = []

    package mutating func add(_ source: String, id: String, assetPath: String, _ mapped: MappedFields) {
        if mapped.sidebarPosition != nil || mapped.sidebarLabel != nil {
            sidebar.append(Entry(source: source, id: id, position: mapped.sidebarPosition, label: mapped.sidebarLabel))
        }
        if let slug = mapped.slug {
            // The address the old site served, where it is known.
            let url = tool?.slugPage(slug, document: source).map { (tool?.basePath ?? "/") + $0 } ?? slug
            oldURLs.append(OldURL(source: source, url: url, assetPath: assetPath))
        }
    }

    /// GitBook's `SUMMARY.md` (or `structure.summary`) in its docs root.
    package static func summaryPath(_ tool: SourceTool?) -> String? {
        guard let tool, tool.kind == .gitbook else { return nil }
        return ImportPath.join(tool.docsRoot, tool.summary)
    }

    /// The imported documents `summary` links to, first mention first.
    package static func order(of summary: SourceDocument, targets: LinkTargets, ids: [String: String]) -> [(
        source: String, id: String
    )] {
        let finder = LinkFinder(body: summary.text)
        var order: [(source: String, id: String)] = []
        for occurrence in finder.occurrences(wanted: LinkRewriter.isRewritable).found {
            let path = LinkRewriter.split(occurrence.target).path
            let decoded = path.removingPercentEncoding ?? path
            guard case .document(let document) = targets.resolve(link: decoded, from: summary.folder),
                let id = ids[document], !order.contains(where: { $0.source == document })
            else { continue }
            order.append((document, id))
        }
        return order
    }

    /// The report's sections about navigation, each a heading and its lines.
    package func sections(assetsDisplay: String) -> [(heading: String, lines: [String])] {
        var sections: [(String, [String])] = []
        if let summary = ImportNavigation.summaryPath(tool), !summaryOrder.isEmpty {
            sections.append(
                (
                    "Order from \(summary), which assets have no field for (\(summary) itself is not imported):",
                    summaryOrder.enumerated().map { "\($0.offset + 1). \($0.element.source) → \($0.element.id)" }
                ))
        }
        if !sidebar.isEmpty {
            let lines = sidebar.sorted { $0.source < $1.source }.map { entry in
                var parts: [String] = []
                if let position = entry.position {
                    parts.append(
                        "position \(position == position.rounded() ? String(Int(position)) : String(position))")
                }
                if let label = entry.label { parts.append("label \"\(label)\"") }
                return "\(entry.source) → \(entry.id): \(parts.joined(separator: ", "))"
            }
            sections.append(("Sidebar order and labels, which assets have no field for:", lines))
        }
        if !oldURLs.isEmpty {
            sections.append(
                (
                    "Old URLs (slug), which Portico does not redirect; link to the new page instead:",
                    oldURLs.sorted { $0.source < $1.source }.map {
                        "\($0.source): \($0.url) → \(assetsDisplay)/\($0.assetPath)"
                    }
                ))
        }
        return sections
    }
}
