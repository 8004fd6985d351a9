/// `404.html`, which a web server shows for any missing path.
struct NotFoundPlanner: OutputPlanner {
    func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput] {
        let page = PlannedPage(
            kind: .notFound, title: "Page not found",
            description: "This page does not exist.", listed: false
        ) { _ in [:] }
        return [PlannedOutput(path: Routes.notFound, content: .page(page))]
    }
}
