import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The whole build: load → validate → plan → render → write, each stage consuming the one
/// before it. Every problem found on the way is collected and reported together.
public enum Pipeline {

    public static func run(_ options: BuildOptions) throws(PorticoError) -> BuildReport {
        let clock = StageClock()
        let log = DiagnosticLog()
        let output = try checkFolders(options)
        let mailFolder = try checkMailFolder(options)
        // Read before the content is loaded: an edit made during the build then makes `send`
        // refuse the emails rather than let them pass as current.
        let stamp = mailFolder == nil ? nil : try? ContentStamp.of(folder: options.project.contentURL)
        guard let prepared = try prepare(options, clock: clock, logs: StageLogs(log)) else {
            return report(log, options: options, pages: 0, files: 0, clock: clock)
        }
        let renderer = prepared.renderer
        let mails = prepared.mails

        let staging = try output.map { output throws(PorticoError) in
            do {
                return try output.makeStaging()
            } catch {
                throw PorticoError.usage("cannot create a folder beside '\(options.outputDisplayPath)': \(error)")
            }
        }
        let writer: any OutputWriter = staging.map { FolderWriter(folder: $0) } ?? DiscardingWriter()
        let counts = clock.time("render") {
            renderAndWrite(prepared.outputs, renderer: renderer, writer: writer, log: log)
        }
        let mailStaging =
            mails.isEmpty
            ? nil
            : try mailFolder.map { folder throws(PorticoError) in
                do {
                    return try folder.makeStaging(isPrivate: true)
                } catch {
                    throw PorticoError.usage("cannot create a folder beside '\(options.mailDisplayPath)': \(error)")
                }
            }
        let mailWriter: any OutputWriter =
            mailStaging.map { FolderWriter(folder: $0, isPrivate: true) } ?? DiscardingWriter()
        if !mails.isEmpty {
            clock.time("render mail") { _ = renderAndWrite(mails, renderer: renderer, writer: mailWriter, log: log) }
        }
        if let mailStaging, let mailFolder {
            keepWelcomes(from: mailFolder.url, into: mailStaging, log: log)
            writeStamp(stamp, into: mailStaging, log: log)
        }

        let failed = log.hasErrors || (options.strict && !log.all.isEmpty)
        clock.time("write") {
            swap(staging, into: output, failed: failed, displayPath: options.outputDisplayPath, log: log)
            swap(
                mailStaging, into: mailFolder, failed: failed || log.hasErrors, displayPath: options.mailDisplayPath,
                log: log)
        }
        var built = report(log, options: options, pages: counts.pages, files: counts.files, clock: clock)
        built.partnerHealth = PartnerHealth.all(prepared.site)
        built.notes = prepared.project.content.pipelineFiles.map(\.description) + prepared.access.notes
        built.alerts = prepared.access.alerts
        return built
    }

    /// Everything a build does before rendering: the stages load, validate and plan.
    package struct Prepared {
        package var theme: Theme
        package var templates: TemplateSet
        package var project: Project
        package var access: AccessSetup.Result
        package var site: SiteIndex
        package var outputs: [PlannedOutput]
        package var mails: [PlannedOutput]
        package var renderer: PageRenderer
    }

    /// Where each stage reports: one log for a build; `portico serve` keeps them apart, so that
    /// after an edit it can redo one stage's findings and keep the others'.
    package struct StageLogs {
        package var load: DiagnosticLog
        package var validate: DiagnosticLog
        package var plan: DiagnosticLog

        package init(_ log: DiagnosticLog) {
            (load, validate, plan) = (log, log, log)
        }

        package init(load: DiagnosticLog, validate: DiagnosticLog, plan: DiagnosticLog) {
            (self.load, self.validate, self.plan) = (load, validate, plan)
        }
    }

    /// Loads, validates and plans; nil when the content or the theme has errors (in the logs).
    /// A build leaves asset bodies in their files until their pages render (`AssetBody`).
    package static func prepare(
        _ options: BuildOptions, clock: StageClock, logs: StageLogs, bodies: AssetBody.Keeping = .inFile,
        searchDocuments: SearchDocumentCache = .init()
    ) throws(PorticoError) -> Prepared? {
        let theme = Theme.load(
            overridesIn: options.project.templatesURL, displayPath: options.project.templatesDisplayPath)
        let loaded = clock.time("load") { Project.read(options.project, bodies: bodies, into: logs.load) }
        let templates = clock.time("templates") {
            TemplateSet.load(
                from: theme, requiring: ["layout"] + PageKind.allCases.map(\.template) + mailTemplates, log: logs.load)
        }
        let project = clock.time("validate") { Project.validate(loaded, options: options.project, into: logs.validate) }
        // Load errors stop a build even when `portico serve` keeps them in a log of their own.
        guard let project, let templates, !logs.load.hasErrors else { return nil }
        let content = project.content

        let access = try AccessSetup.prepare(options, content: content)
        if access.plan != nil, let warning = AccessSetup.sharedOrigin(content.program) {
            logs.plan.report(warning)
        }
        let site = SiteIndex(
            content: content, today: options.project.date, access: access.plan, findings: logs.validate.all,
            searchDocuments: searchDocuments)
        let log = logs.plan
        var outputs = clock.time("plan") { SitePlanner().plan(site, theme: theme, log: log) }
        // Programs without briefs have no mail, and no mail stages in --timings.
        let mails =
            options.mailURL == nil || content.briefs.isEmpty
            ? [] : clock.time("plan mail") { MailPlanner().plan(site, log: log) }
        do {
            outputs += try PlannedOutput.keyFiles(site)
        } catch {
            log.report(.error("cannot-seal", "could not write the access keys: \(error)", at: nil))
        }
        let renderer = PageRenderer(
            templates: templates, site: site, theme: theme, markdown: MarkdownRenderer(), log: log,
            generator: PorticoVersion.generator)
        return Prepared(
            theme: theme, templates: templates, project: project, access: access, site: site,
            outputs: outputs, mails: mails, renderer: renderer)
    }

    package static let mailTemplates = ["email/brief-html", "email/brief-text"]

    /// `portico welcome` writes to `welcome/` in the mail folder, which no build makes: a build
    /// that replaces the folder carries those messages over rather than losing them.
    package static func keepWelcomes(from folder: URL, into staging: URL, log: DiagnosticLog) {
        let welcomes = folder.appendingPathComponent("welcome")
        guard FileManager.default.fileExists(atPath: welcomes.path) else { return }
        do {
            try FileManager.default.copyItem(at: welcomes, to: staging.appendingPathComponent("welcome"))
        } catch {
            log.report(
                .error("write-failed", "could not keep the welcome emails in '\(welcomes.path)': \(error)", at: nil))
        }
    }

    /// Records what content the emails were built from (ContentStamp), for `portico send`.
    package static func writeStamp(_ stamp: ContentStamp?, into staging: URL, log: DiagnosticLog) {
        guard let stamp else { return }
        do {
            try PrivateFiles.write(Data(stamp.text.utf8), to: staging.appendingPathComponent(ContentStamp.fileName))
        } catch {
            log.report(
                .error("write-failed", "could not record the content the emails were built from: \(error)", at: nil))
        }
    }

    /// Puts a finished staging folder in place of `folder`, or throws it away when the build failed.
    package static func swap(
        _ staging: URL?, into folder: OutputFolder?, failed: Bool, displayPath: String, log: DiagnosticLog
    ) {
        guard let staging, let folder else { return }
        if failed {
            try? FileManager.default.removeItem(at: staging)
            return
        }
        do {
            try folder.swap(in: staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            log.report(.error("write-failed", "could not replace '\(displayPath)': \(error)", at: nil))
        }
    }

    /// The mail folder, checked like the site's, when the build writes email.
    package static func checkMailFolder(_ options: BuildOptions) throws(PorticoError) -> OutputFolder? {
        guard options.writesOutput, let mail = options.mailURL else { return nil }
        return try OutputFolder.checked(
            mail, contentFolder: options.project.contentURL, displayPath: options.mailDisplayPath)
    }

    /// Checks the folders a run reads and writes before any work; returns where to write, if anywhere.
    package static func checkFolders(_ options: BuildOptions) throws(PorticoError) -> OutputFolder? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.project.contentURL.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw PorticoError.usage("content folder '\(options.project.contentDisplayPath)' does not exist")
        }
        if let templates = options.project.templatesURL,
            !FileManager.default.fileExists(atPath: templates.path, isDirectory: &isDirectory) || !isDirectory.boolValue
        {
            throw PorticoError.usage("templates folder '\(options.project.templatesDisplayPath)' does not exist")
        }
        guard options.writesOutput else { return nil }
        return try OutputFolder.checked(
            options.outputURL, contentFolder: options.project.contentURL, displayPath: options.outputDisplayPath)
    }

    /// Renders on all cores and writes each file as soon as it is rendered, so memory holds only
    /// the pages in flight.
    package static func renderAndWrite(
        _ outputs: [PlannedOutput], renderer: PageRenderer, writer: any OutputWriter, log: DiagnosticLog
    ) -> (pages: Int, files: Int) {
        do {
            try writer.prepare(for: outputs.map(\.path))
        } catch {
            log.report(.error("write-failed", "could not create the output folders: \(error)", at: nil))
            return (0, 0)
        }
        let ordered = PlannedOutput.renderOrder(outputs)
        let written = ordered.flatMap { wave in
            wave.parallelMap { position -> Bool in
                let output = outputs[position]
                do {
                    if case .copy(let source) = output.content {
                        try writer.copy(source, to: output.path)
                        return true
                    }
                    guard let data = renderer.render(output) else { return false }
                    try writer.write(data, to: output.path)
                    return true
                } catch {
                    log.report(.error("write-failed", "could not write '\(output.path)': \(error)", at: nil))
                    return false
                }
            }
        }
        let pages = zip(ordered.joined(), written).count { outputs[$0].page != nil && $1 }
        return (pages, written.count { $0 })
    }

    /// With --strict every warning is an error.
    package static func strictened(_ diagnostics: [Diagnostic], strict: Bool) -> [Diagnostic] {
        guard strict else { return diagnostics }
        return diagnostics.map { diagnostic in
            var strict = diagnostic
            strict.severity = .error
            return strict
        }
    }

    package static func report(
        _ log: DiagnosticLog, options: BuildOptions, pages: Int, files: Int, clock: StageClock
    ) -> BuildReport {
        let diagnostics = strictened(log.all, strict: options.strict)
        let succeeded = !diagnostics.contains { $0.severity == .error }
        return BuildReport(
            diagnostics: diagnostics, pagesWritten: succeeded ? pages : 0, filesWritten: succeeded ? files : 0,
            timings: clock.timings)
    }
}

/// Times the stages of one build, for `--timings`.
package final class StageClock: @unchecked Sendable {
    package private(set) var timings: [(stage: String, seconds: Double)] = []

    package init() {}

    package func time<Value>(_ stage: String, _ work: () throws -> Value) rethrows -> Value {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        }
        return try work()
    }
}
