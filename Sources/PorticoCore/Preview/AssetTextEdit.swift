import Foundation

/// The edit an author makes most: the text of existing assets, their front matter untouched.
/// Such an edit changes those assets' pages and the search indexes, and the start pages when a
/// reading time moves; nothing else can read an asset's body (docs/serve.md). Anything more, or
/// an edit whose headings change (other pages may link to them), is left to a full build.
enum AssetTextEdit {
    /// The build after the edit and how many files it rendered, or nil when the edit is not one
    /// this path covers.
    static func apply(_ files: ReloadedFiles, to build: PreviewBuild, options: BuildOptions)
        -> (build: PreviewBuild, rendered: Int)?
    {
        guard files.partners.isEmpty, !files.assets.isEmpty else { return nil }
        for (before, after) in files.assets {
            var unchanged = before
            unchanged.body = after.body
            guard unchanged == after, anchors(of: before) == anchors(of: after) else { return nil }
        }
        guard var next = files.revise(build, options: options) else { return nil }
        let site = next.prepared.site
        let published = Set(site.content.assets.map(\.id))
        var outputs = files.assets.map(\.after).filter { published.contains($0.id) }.flatMap {
            AssetPagesPlanner().outputs(of: $0, site: site)
        }
        let ignored = DiagnosticLog()
        outputs += SearchPlanner().plan(site, log: ignored)
        let old = build.prepared.site
        if files.assets.contains(where: { old.readingMinutes[$0.after.id] != site.readingMinutes[$0.after.id] }) {
            outputs += StartPagesPlanner().plan(site, log: ignored)
        }
        let replaced = Dictionary(outputs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        next.prepared.outputs = build.prepared.outputs.map { replaced[$0.path] ?? $0 }
        next.render(outputs, with: next.prepared.renderer)
        return (next, outputs.count)
    }

    static func anchors(of asset: Asset) -> Set<String> {
        Set(MarkdownRenderer().headings(of: asset.body, title: asset.title).map(\.anchor))
    }
}
