import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `assets/<id>/index.html`: one asset with its outline, owner and review state, and a folder
/// asset's files published beside it, the ones that are not just pictures in the text listed
/// as downloads.
package struct AssetPagesPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        site.content.assets.flatMap { outputs(of: $0, site: site) }
    }

    /// The asset's page and its files.
    package func outputs(of asset: Asset, site: SiteIndex) -> [PlannedOutput] {
        let readers = asset.readers(default: site.program.defaultVisibility)
        var page = PlannedPage(
            kind: .asset, title: asset.title, description: asset.summary, visibility: readers
        ) { scope in
            let source: MarkdownSource
            switch asset.body.source() {
            case .success(let read): source = read
            case .failure(let changed):
                scope.log.report(changed)
                source = MarkdownSource(text: "", start: asset.body.start)
            }
            let body = scope.html(
                source, folder: asset.sourceFolder, title: asset.title, assetID: asset.id, linksGlossary: true,
                searchText: true)
            // The search indexes are written after every page, from what the pages found.
            if let text = body.searchText { SearchPlanner.keepDocument(of: asset, text: text, site: scope.site) }
            let downloads = asset.files.filter {
                !body.imageFiles.contains($0.path) || body.linkedFiles.contains($0.path)
            }
            return AssetPageContext(
                asset: AssetContext(
                    summary: scope.assetSummary(asset), bodyHTML: body.html,
                    outline: body.headings.map { HeadingContext(level: $0.level, text: $0.text, anchor: $0.anchor) },
                    owner: scope.site.teamByID[asset.owner.id].map(PersonContext.init),
                    isOnePager: asset.kind == .onePager,
                    downloads: downloads.map { file in
                        DownloadContext(
                            name: file.path,
                            href: scope.href(Routes.assetFile(scope.site.assetFolder(asset.id), file.path)),
                            kind: DownloadLabel.kind(of: file.path), size: FileSize.describe(file.size))
                    }))
        }
        // A private asset's files are as private as its page.
        let sealed = site.access != nil && readers != .public
        let files = asset.files.map { file in
            PlannedOutput(
                path: "assets/\(site.assetFolder(asset.id))/\(file.path)",
                content: sealed ? .sealedFile(file.url, visibility: readers) : .copy(file.url))
        }
        if sealed { page.sealedFiles = files.map(\.path) }
        return [PlannedOutput(path: site.assetRoute(asset.id), content: .page(page))] + files
    }

    package init() {

    }
}
