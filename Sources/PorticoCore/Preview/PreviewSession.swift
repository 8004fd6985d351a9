import Foundation

/// The site `portico serve` shows: built in memory, then brought up to date after each edit.
/// A build with errors leaves the last good site in place, so the browser keeps working while
/// the author fixes the problem.
public final class PreviewSession: @unchecked Sendable {
    let options: BuildOptions
    private let lock = NSLock()
    private var files: [String: Data] = [:]
    private var lastUpdate = PreviewUpdate(diagnostics: [], changedPaths: [], renderedCount: 0)

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
        return files[path]
    }

    /// Every path of the site, sorted.
    public var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return files.keys.sorted()
    }

    /// The outcome of the latest build or rebuild.
    public var latest: PreviewUpdate {
        lock.lock()
        defer { lock.unlock() }
        return lastUpdate
    }

    /// Builds the site again after the files at `changed` (paths as the watcher saw them) were
    /// written, created or removed. Returns which paths of the site now read differently.
    @discardableResult
    public func rebuild(changed: [String] = []) throws(UsageError) -> PreviewUpdate {
        let log = DiagnosticLog()
        let clock = StageClock()
        var rendered = 0
        var built: [String: Data]?
        if let prepared = try Pipeline.prepare(options, clock: clock, log: log) {
            let writer = MemoryWriter()
            let counts = Pipeline.renderAndWrite(
                prepared.outputs, renderer: prepared.renderer, writer: writer, log: log)
            rendered = counts.files
            built = writer.written
        }
        let diagnostics = Pipeline.report(log, options: options, pages: 0, files: 0, clock: clock).diagnostics
        lock.lock()
        defer { lock.unlock() }
        var update = PreviewUpdate(diagnostics: diagnostics, changedPaths: [], renderedCount: rendered)
        if let built, update.succeeded {
            update.changedPaths = Self.differences(files, built)
            files = built
        }
        lastUpdate = update
        return update
    }

    static func differences(_ old: [String: Data], _ new: [String: Data]) -> [String] {
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

    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}
