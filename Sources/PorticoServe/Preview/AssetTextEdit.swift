import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// The edit an author makes most: the text of existing assets, their front matter untouched.
/// Such an edit changes those assets' pages and the search indexes, and the start pages when a
/// reading time moves; nothing else can read an asset's body (docs/serve.md). Anything more, or
/// an edit whose headings change (other pages may link to them), is left to a full build.
package enum AssetTextEdit {
    /// The build after the edit and how many files it rendered, or nil when the edit is not one
    /// this path covers.
    /// `early` gets the build with the assets' own pages (and the start pages) rendered, before
    /// the search indexes, which take longer and which no open page shows.
    package static func apply(
        _ files: ReloadedFiles, to build: PreviewBuild, options: BuildOptions,
        early: (PreviewBuild, [String]) -> Void = { _, _ in }
    ) -> (build: PreviewBuild, rendered: Int)? {
        guard files.partners.isEmpty, !files.assets.isEmpty else { return nil }
        for (before, after) in files.assets {
            var unchanged = before
            unchanged.body = after.body
            guard unchanged == after, anchors(of: before) == anchors(of: after) else { return nil }
        }
        guard var next = files.revise(build, options: options, onlyText: true) else { return nil }
        let site = next.prepared.site
        let published = Set(site.content.assets.map(\.id))
        var outputs = files.assets.map(\.after).filter { published.contains($0.id) }.flatMap {
            AssetPagesPlanner().outputs(of: $0, site: site)
        }
        let ignored = DiagnosticLog()
        let old = build.prepared.site
        if files.assets.contains(where: { old.readingMinutes[$0.after.id] != site.readingMinutes[$0.after.id] }) {
            outputs += StartPagesPlanner().plan(site, log: ignored)
        }
        let search = SearchPlanner().plan(site, log: ignored)
        let replaced = Dictionary((outputs + search).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        next.prepared.outputs = build.prepared.outputs.map { replaced[$0.path] ?? $0 }
        next.render(outputs, with: next.prepared.renderer)
        early(next, outputs.map(\.path))
        next.render(search, with: next.prepared.renderer)
        return (next, outputs.count + search.count)
    }

    package static func anchors(of asset: Asset) -> Set<String> {
        Set(MarkdownRenderer().headings(of: asset).map(\.anchor))
    }
}
