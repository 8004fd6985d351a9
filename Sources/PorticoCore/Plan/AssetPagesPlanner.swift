/// `assets/<id>/index.html`: one asset with its outline, owner and review state.
struct AssetPagesPlanner: OutputPlanner {
    func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        site.content.assets.map { asset in
            let page = PlannedPage(kind: .asset, title: asset.title, description: asset.summary) { scope in
                var context = scope.assetSummary(asset)
                let body = scope.html(asset.body)
                context["body_html"] = body.html
                context["outline"] = body.headings.map { heading -> [String: Any] in
                    ["level": heading.level, "text": heading.text, "anchor": heading.anchor]
                }
                context["has_outline"] = !body.headings.isEmpty
                context["owner"] = scope.site.teamByID[asset.owner.id].map(PageScope.person) ?? [:]
                context["is_one_pager"] = asset.kind == .onePager
                return ["asset": context]
            }
            return PlannedOutput(path: Routes.asset(asset.id), content: .page(page))
        }
    }
}
