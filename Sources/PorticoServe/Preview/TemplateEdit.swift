import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// An edit of the theme's Mustache templates: the pages whose template uses an edited one
/// (directly, as a partial or as a parent, such as the layout) are rendered again; every other
/// file keeps its bytes. An edit of a static file of the theme is left to a full build.
package enum TemplateEdit {
    package static func apply(_ changed: [String], to build: PreviewBuild, options: BuildOptions)
        -> (build: PreviewBuild, rendered: Int)?
    {
        guard let folder = options.project.templatesURL?.standardizedFileURL.path,
            changed.allSatisfy({ $0.hasPrefix(folder + "/") })
        else { return nil }
        let old = build.prepared.theme
        let theme = Theme.load(
            overridesIn: options.project.templatesURL, displayPath: options.project.templatesDisplayPath)
        guard theme.staticFiles.elementsEqual(old.staticFiles, by: { $0 == $1 }) else { return nil }
        let oldTemplates = Dictionary(old.templates.map { ($0.name, $0.file.data) }, uniquingKeysWith: { a, _ in a })
        let newTemplates = Dictionary(theme.templates.map { ($0.name, $0.file.data) }, uniquingKeysWith: { a, _ in a })
        let edited = Set(oldTemplates.keys).union(newTemplates.keys).filter { oldTemplates[$0] != newTemplates[$0] }
        let log = DiagnosticLog()
        guard
            let templates = TemplateSet.load(
                from: theme, requiring: ["layout"] + PageKind.allCases.map(\.template) + Pipeline.mailTemplates,
                log: log),
            let uses = TemplateSet.uses(theme)
        else { return nil }

        var next = build
        next.prepared.theme = theme
        next.prepared.templates = templates
        next.prepared.renderer = PageRenderer(
            templates: templates, site: build.prepared.site, theme: theme, markdown: MarkdownRenderer(),
            log: DiagnosticLog(), generator: PorticoVersion.generator)
        let sealing = build.prepared.site.access != nil
        let rendering = build.prepared.outputs.filter { output in
            guard let page = output.page else { return false }
            var used = uses[page.kind.template] ?? [page.kind.template]
            // A private page's public shell is the sealed template, around the page's own.
            if sealing && page.visibility.group != nil { used.formUnion(uses[PageKind.sealed.template] ?? []) }
            return !used.isDisjoint(with: edited)
        }
        next.render(rendering, with: next.prepared.renderer)
        return (next, rendering.count)
    }
}
