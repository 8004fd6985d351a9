import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// `404.html`, which a web server shows for any missing path.
package struct NotFoundPlanner: OutputPlanner {
    package func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let page = PlannedPage(
            kind: .notFound, title: "Page not found",
            description: "This page does not exist.", listed: false
        ) { _ in NoOwnKeys() }
        return [PlannedOutput(path: Routes.notFound, content: .page(page))]
    }
}
