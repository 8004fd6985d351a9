import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// Plans the pages of one kind (or one group of files) of the site.
public protocol OutputPlanner: Sendable {
    func plan(_ site: SiteIndex, log: DiagnosticLog) -> [PlannedOutput]
}

/// The plan stage: every output file of the site, decided from the validated content. A new
/// kind of page is a new planner in this list and a new template.
public struct SitePlanner: Sendable {
    public var pagePlanners: [any OutputPlanner] = [
        HomePlanner(), LibraryPlanner(), AssetPagesPlanner(), PartnerPagesPlanner(), ReferPagesPlanner(),
        PartnerDirectoryPlanner(), SignInPlanner(), NotFoundPlanner(), BriefPagesPlanner(), StoryPagesPlanner(),
        FeedPlanner(), HealthPagePlanner(), ResultsPagesPlanner(), StartPagesPlanner(), SearchPlanner(),
    ]

    public init() {}

    public func plan(_ site: SiteIndex, theme: Theme, log: DiagnosticLog) -> [PlannedOutput] {
        var outputs = pagePlanners.flatMap { $0.plan(site, log: log) }
        outputs += SitemapPlanner.plan(site, pages: outputs, log: log)
        outputs.append(RobotsPlanner.plan(site))
        outputs += theme.staticFiles.map {
            PlannedOutput(path: Routes.staticFolder + $0.path, content: .data($0.data))
        }
        outputs += contentStaticFiles(site, theme: theme, log: log)
        return outputs
    }

    /// `content/static/` beside the theme's static files; a file the theme has too is an error,
    /// since one of the two would silently disappear.
    package func contentStaticFiles(_ site: SiteIndex, theme: Theme, log: DiagnosticLog) -> [PlannedOutput] {
        let themePaths = Set(theme.staticFiles.map(\.path))
        return site.content.staticFiles.compactMap { file in
            guard !themePaths.contains(file.path) else {
                log.report(
                    .error(
                        "static-clash", "'static/\(file.path)' has the name of one of the theme's static files",
                        at: SourceLocation(file: file.displayPath),
                        hint: "rename it; to replace the theme's file, put yours in templates/static/ instead"))
                return nil
            }
            return PlannedOutput(path: Routes.staticFolder + file.path, content: .copy(file.url))
        }
    }
}
