import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `index.html`: the program at a glance, with the ways into the library, the partner directory
/// and signing in. It is public, so it names no partner.
package struct HomePlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let page = PlannedPage(
            kind: .home, title: site.program.name,
            description: "How \(site.program.company) works with partners: positioning, boundaries, tiers and material."
        ) { scope in
            let site = scope.site
            let kinds = AssetKind.allCases.compactMap { kind -> KindCountContext? in
                let count = site.partnerAssets.count { $0.kind == kind }
                guard count > 0 else { return nil }
                return KindCountContext(
                    kind: kind.rawValue, label: kind.pluralLabel, count: count,
                    href: scope.href(Routes.library) + "#" + LibraryPlanner.anchor(kind))
            }
            return HomeContext(
                partnersHref: scope.href(Routes.partnerDirectory), signInHref: scope.href(Routes.signIn),
                library: HomeLibraryContext(
                    href: scope.href(Routes.library), count: site.partnerAssets.count, kinds: kinds))
        }
        return [PlannedOutput(path: Routes.home, content: .page(page))]
    }
}
