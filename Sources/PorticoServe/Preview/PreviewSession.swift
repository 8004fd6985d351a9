import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// The site `portico serve` shows: built in memory, then brought up to date after each edit.
/// A build with errors leaves the last good site in place, so the browser keeps working while
/// the author fixes the problem.
public final class PreviewSession: @unchecked Sendable {
    package let options: BuildOptions
    private let lock = NSLock()
    /// The files served: those of the last build without errors.
    private var served: [String: Data] = [:]
    private var servedProgram: Program?
    private var lastUpdate = PreviewUpdate(diagnostics: [], changedPaths: [], renderedCount: 0)
    /// The latest build that got as far as rendering, good or not: the next edit starts from it.
    /// Only `rebuild` touches it, and rebuilds never overlap.
    private var current: PreviewBuild?
    private let rebuilding = NSLock()
    private let searchDocuments = SearchDocumentCache()

    /// `options` as for a build; the session writes no site and no mail, but makes a master
    /// secret when there is none, as a build would, so access links work in the preview.
    public init(options: BuildOptions) {
        var options = options
        options.writesOutput = true
        options.mailURL = nil
        self.options = options
    }

    /// The bytes of a file of the site, by its path in the site (`assets/faq/index.html`).
    public func file(at path: String) -> Data? {
        lock.lock()
        defer { lock.unlock() }
        return served[path]
    }

    /// The files served now, all at once.
    package var servedFiles: [String: Data] {
        lock.lock()
        defer { lock.unlock() }
        return served
    }

    /// Every path of the site, sorted.
    public var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return served.keys.sorted()
    }

    /// The program of the site being served: that of the latest build that succeeded.
    public var program: Program? {
        lock.lock()
        defer { lock.unlock() }
        return servedProgram
    }

    /// The outcome of the latest build or rebuild.
    public var latest: PreviewUpdate {
        lock.lock()
        defer { lock.unlock() }
        return lastUpdate
    }

    /// Brings the site up to date after the files at `changed` (absolute paths, as the watcher
    /// saw them) were written, created or removed; no paths, or a first call, builds everything.
    /// Returns which paths of the site now read differently.
    ///
    /// When an edit can show its own pages before the files that take longer (an asset's text
    /// before the search indexes), `firstPages` is called with those pages as soon as they are
    /// served, so open pages can reload sooner; the update returned then lists them among
    /// `changedPaths` and in `announcedPaths`.
    @discardableResult
    public func rebuild(changed: [String] = [], firstPages: ((PreviewUpdate) -> Void)? = nil) throws(PorticoError)
        -> PreviewUpdate
    {
        rebuilding.lock()
        defer { rebuilding.unlock() }
        let start = DispatchTime.now().uptimeNanoseconds
        let before = servedFiles
        var update = PreviewUpdate(diagnostics: [], changedPaths: [], renderedCount: 0)
        var next: PreviewBuild?
        let early = { (partial: PreviewBuild, paths: [String]) in
            let diagnostics = Pipeline.strictened(partial.diagnostics, strict: self.options.strict)
            guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
            self.lock.lock()
            let changedPaths = paths.filter { self.served[$0] != partial.files[$0] }.sorted()
            for path in paths { self.served[path] = partial.files[path] }
            self.lock.unlock()
            update.announcedPaths = changedPaths
            var first = PreviewUpdate(diagnostics: diagnostics, changedPaths: changedPaths, renderedCount: paths.count)
            first.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            firstPages?(first)
        }
        if let current, !changed.isEmpty, let edit = quickEdit(changed, current, early: early) {
            next = edit.build
            update.renderedCount = edit.rendered
        } else {
            switch try PreviewBuild.full(options, searchDocuments: searchDocuments) {
            case .success(let build):
                next = build
                update.renderedCount = build.files.count
            case .failure(let stopped):
                update.diagnostics = stopped.diagnostics
            }
        }
        if let next {
            current = next
            update.diagnostics = next.diagnostics
        } else {
            current = nil
        }
        update.diagnostics = Pipeline.strictened(update.diagnostics, strict: options.strict)
        lock.lock()
        defer { lock.unlock() }
        if let next, update.succeeded {
            update.changedPaths = Self.differences(before, next.files)
            served = next.files
            servedProgram = next.prepared.site.program
        }
        update.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        lastUpdate = update
        return update
    }

    /// An edit one of the quicker paths covers, done that way; nil for a full build.
    package func quickEdit(_ changed: [String], _ build: PreviewBuild, early: (PreviewBuild, [String]) -> Void)
        -> (build: PreviewBuild, rendered: Int)?
    {
        if let edit = TemplateEdit.apply(changed, to: build, options: options) { return edit }
        guard let files = ReloadedFiles.read(changed, in: build, options: options) else { return nil }
        return AssetTextEdit.apply(files, to: build, options: options, early: early)
            ?? PartnerEdit.apply(files, to: build, options: options)
    }

    package static func differences(_ old: [String: Data], _ new: [String: Data]) -> [String] {
        var changed = Set(old.keys).symmetricDifference(new.keys)
        for (path, data) in new where old[path].map({ $0 != data }) ?? false {
            changed.insert(path)
        }
        return changed.sorted()
    }
}

/// What one build or rebuild of a preview found.
public struct PreviewUpdate: Sendable {
    /// Every problem of the content, as `portico build` reports them.
    public var diagnostics: [Diagnostic]
    /// Paths of the site that were added, removed or now read differently; empty when the
    /// build failed and the last good site is still served.
    public var changedPaths: [String]
    /// How many files were rendered to bring the site up to date.
    public var renderedCount: Int
    /// How long the rebuild took, for the terminal.
    public var seconds: Double = 0
    /// Paths among `changedPaths` already passed to `firstPages`.
    public var announcedPaths: [String] = []

    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}
