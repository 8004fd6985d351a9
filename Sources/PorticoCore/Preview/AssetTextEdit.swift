import Foundation

/// The edit an author makes most: the text of existing assets, their front matter untouched.
/// Such an edit changes those assets' pages and the search indexes, and the start pages when a
/// reading time moves; nothing else can read an asset's body (docs/serve.md). Anything more, or
/// an edit whose headings change (other pages may link to them), is left to a full build.
struct AssetTextEdit {
    var build: PreviewBuild
    /// How many files it rendered.
    var rendered: Int

    /// The build after the edit, or nil when the edit is not one this path covers.
    static func apply(
        changed: [String], to build: PreviewBuild, options: BuildOptions
    ) -> AssetTextEdit? {
        let contentPath = options.contentURL.standardizedFileURL.path + "/"
        let loader = ContentLoader(contentURL: options.contentURL, displayPath: options.contentDisplayPath)
        let old = build.prepared
        var loaded = old.loaded
        var edited: [Asset] = []
        var loadDiagnostics = build.loadDiagnostics
        for path in Set(changed) {
            guard path.hasPrefix(contentPath) else { return nil }
            let relative = String(path.dropFirst(contentPath.count))
            guard let index = loaded.assets.firstIndex(where: { $0.sourcePath == relative }),
                let (reloaded, found) = loader.loadAsset(relativePath: relative), let asset = reloaded
            else { return nil }
            var before = loaded.assets[index]
            before.body = asset.body
            guard before == asset, anchors(of: loaded.assets[index]) == anchors(of: asset) else { return nil }
            loaded.assets[index] = asset
            edited.append(asset)
            let file = asset.source.file
            let folder = relative.hasSuffix("/index.md") || relative.hasSuffix("/index.markdown")
            let folderPrefix = String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) + "/"
            loadDiagnostics.removeAll {
                guard let place = $0.location?.file else { return false }
                return place == file || (folder && place.hasPrefix(folderPrefix))
            }
            loadDiagnostics += found
        }
        // A build with load errors stops before rendering: a full build reports that.
        guard !loadDiagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let validateLog = DiagnosticLog()
        guard let content = ContentValidator(today: options.date).validate(loaded, into: validateLog) else {
            return nil
        }
        let site = SiteIndex(
            content: content, today: options.date, access: old.access.plan, searchDocuments: old.site.searchDocuments,
            previous: old.site)
        let published = Set(content.assets.map(\.id))
        var outputs = edited.filter { published.contains($0.id) }.flatMap {
            AssetPagesPlanner().outputs(of: $0, site: site)
        }
        let ignored = DiagnosticLog()
        outputs += SearchPlanner().plan(site, log: ignored)
        if edited.contains(where: { old.site.readingMinutes[$0.id] != site.readingMinutes[$0.id] }) {
            outputs += StartPagesPlanner().plan(site, log: ignored)
        }

        var next = build
        next.prepared.loaded = loaded
        next.prepared.content = content
        next.prepared.site = site
        next.prepared.renderer = PageRenderer(
            templates: old.templates, site: site, theme: old.theme, markdown: MarkdownRenderer(), log: ignored,
            generator: Pipeline.generator)
        let replaced = Dictionary(outputs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        next.prepared.outputs = old.outputs.map { replaced[$0.path] ?? $0 }
        next.loadDiagnostics = DiagnosticLog.sorted(loadDiagnostics)
        next.validateDiagnostics = validateLog.all
        next.render(outputs, with: next.prepared.renderer)
        return AssetTextEdit(build: next, rendered: outputs.count)
    }

    static func anchors(of asset: Asset) -> Set<String> {
        Set(MarkdownRenderer().headings(of: asset.body, title: asset.title).map(\.anchor))
    }
}
