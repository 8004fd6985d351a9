import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// The content files an edit touched, read again one by one rather than the whole folder, with
/// what they were before. Only edits of existing assets and partners are read this way; for
/// anything else (a new or removed file, a brief, a template) `read` returns nil and the preview
/// builds in full.
package struct ReloadedFiles {
    package var loaded: LoadedContent
    package var loadDiagnostics: [Diagnostic]
    package var assets: [(before: Asset, after: Asset)] = []
    package var partners: [(before: Partner, after: Partner)] = []

    package static func read(_ changed: [String], in build: PreviewBuild, options: BuildOptions) -> ReloadedFiles? {
        let contentPath = options.project.contentURL.standardizedFileURL.path + "/"
        let loader = ContentLoader(
            contentURL: options.project.contentURL, displayPath: options.project.contentDisplayPath)
        var reloaded = ReloadedFiles(loaded: build.prepared.project.loaded, loadDiagnostics: build.loadDiagnostics)
        for path in Set(changed) {
            guard path.hasPrefix(contentPath) else { return nil }
            let relative = String(path.dropFirst(contentPath.count))
            if let index = reloaded.loaded.assets.firstIndex(where: { $0.sourcePath == relative }) {
                guard let (asset, found) = loader.loadAsset(relativePath: relative), let asset else { return nil }
                reloaded.assets.append((reloaded.loaded.assets[index], asset))
                reloaded.loaded.assets[index] = asset
                // A folder asset's findings include those about the files beside its index.md.
                let folder = relative.split(separator: "/").count == 3
                reloaded.replaceFindings(about: asset.source.file, wholeFolder: folder, with: found)
            } else if let index = reloaded.loaded.partners.firstIndex(where: {
                $0.source.file == loader.folder.display(relative)
            }) {
                guard let (partner, found) = loader.loadPartner(relativePath: relative), let partner,
                    partner.id == reloaded.loaded.partners[index].id
                else { return nil }
                reloaded.partners.append((reloaded.loaded.partners[index], partner))
                reloaded.loaded.partners[index] = partner
                reloaded.replaceFindings(about: partner.source.file, wholeFolder: false, with: found)
            } else {
                return nil
            }
        }
        // A build with load errors stops before rendering: only a full build reports that.
        guard !reloaded.loadDiagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return reloaded
    }

    package mutating func replaceFindings(about file: String, wholeFolder: Bool, with found: [Diagnostic]) {
        let folderPrefix = String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) + "/"
        loadDiagnostics.removeAll {
            guard let place = $0.location?.file else { return false }
            return place == file || (wholeFolder && place.hasPrefix(folderPrefix))
        }
        loadDiagnostics = DiagnosticLog.sorted(loadDiagnostics + found)
    }

    /// The build's stages after load, redone on the reloaded content: validate, access and the
    /// site index; nil when the content no longer validates, which a full build reports.
    ///
    /// `onlyText` says the edit changed nothing but assets' text, which no check of the validate
    /// stage reads: its findings stand, and the validated content takes the new assets as they are.
    package func revise(_ build: PreviewBuild, options: BuildOptions, onlyText: Bool = false) -> PreviewBuild? {
        let validateLog = DiagnosticLog()
        var content = build.prepared.project.content
        if onlyText {
            validateLog.report(contentsOf: build.validateDiagnostics)
            let edited = Dictionary(assets.map { ($0.after.id, $0.after) }, uniquingKeysWith: { first, _ in first })
            for index in content.assets.indices {
                if let asset = edited[content.assets[index].id] { content.assets[index] = asset }
            }
        } else {
            guard let validated = Project.validate(loaded, options: options.project, into: validateLog) else {
                return nil
            }
            content = validated.content
        }
        let old = build.prepared
        var next = build
        if !partners.isEmpty {
            guard let access = try? AccessSetup.prepare(options, content: content) else { return nil }
            next.prepared.access = access
        }
        let site =
            onlyText
            ? old.site.replacingText(of: assets.map(\.after), in: content)
            : SiteIndex(
                content: content, today: options.project.date, access: next.prepared.access.plan,
                findings: validateLog.all, searchDocuments: old.site.searchDocuments)
        next.prepared.project.loaded = loaded
        next.prepared.project.content = content
        next.prepared.site = site
        next.prepared.renderer = PageRenderer(
            templates: old.templates, site: site, theme: old.theme, markdown: MarkdownRenderer(), log: DiagnosticLog(),
            generator: PorticoVersion.generator)
        next.loadDiagnostics = loadDiagnostics
        next.validateDiagnostics = validateLog.all
        return next
    }
}
