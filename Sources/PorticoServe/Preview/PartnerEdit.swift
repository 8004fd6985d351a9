import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// An edit of existing partner files. Every page is planned again, but the pages of the other
/// partners (everything below their own `partners/<folder>/`) show nothing of the edited
/// partner, so they keep their bytes; the exception is their copies of the briefs, which may
/// feature a story of the edited partner by its name. The rest is rendered again, since lists,
/// the health page and pages sealed for the partners group may show what changed.
package enum PartnerEdit {
    package static func apply(_ files: ReloadedFiles, to build: PreviewBuild, options: BuildOptions)
        -> (build: PreviewBuild, rendered: Int)?
    {
        guard files.assets.isEmpty, !files.partners.isEmpty, var next = files.revise(build, options: options) else {
            return nil
        }
        let site = next.prepared.site
        let planLog = DiagnosticLog()
        var outputs = SitePlanner().plan(site, theme: next.prepared.theme, log: planLog)
        do {
            outputs += try PlannedOutput.keyFiles(site)
        } catch {
            return nil
        }
        let edited = Set(files.partners.map(\.after.id))
        let untouched = Set(site.content.partners.map(\.id).filter { !edited.contains($0) }.map(site.partnerSegment))
        // Other partners' copies of a brief can feature a story of the edited partner, by name.
        let storiesOfEdited = (build.prepared.project.content.stories + site.content.stories).contains {
            edited.contains($0.partner.id)
        }
        let kept = Set(
            outputs.map(\.path).filter { path in
                guard build.files[path] != nil, let owner = ownerSegment(of: path) else { return false }
                return untouched.contains(String(owner.folder)) && !(storiesOfEdited && owner.isBriefCopy)
            })
        next.prepared.outputs = outputs
        next.planDiagnostics = planLog.all
        next.files = next.files.filter { kept.contains($0.key) }
        next.renderDiagnostics = next.renderDiagnostics.filter { kept.contains($0.key) }
        let rendering = outputs.filter { !kept.contains($0.path) }
        next.render(rendering, with: next.prepared.renderer)
        return (next, rendering.count)
    }

    /// `<folder>` of a path below `partners/<folder>/`, and whether it is a copy of a brief.
    package static func ownerSegment(of path: String) -> (folder: Substring, isBriefCopy: Bool)? {
        let parts = path.split(separator: "/", maxSplits: 2)
        guard parts.count == 3, parts[0] == "partners" else { return nil }
        return (parts[1], parts[2].hasPrefix("briefs/"))
    }
}
