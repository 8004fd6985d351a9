import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// One complete build held in memory by `portico serve`: the prepared stages, each stage's
/// findings apart, and every file with the findings its rendering reported, so an edit can
/// redo only what it touches and still report exactly what a full build would.
package struct PreviewBuild {
    package var prepared: Pipeline.Prepared
    package var loadDiagnostics: [Diagnostic]
    package var validateDiagnostics: [Diagnostic]
    package var planDiagnostics: [Diagnostic]
    /// By site path.
    package var renderDiagnostics: [String: [Diagnostic]]
    package var files: [String: Data]

    /// Every finding of the build, as one `portico build` run would list them.
    package var diagnostics: [Diagnostic] {
        let log = DiagnosticLog()
        log.report(contentsOf: loadDiagnostics + validateDiagnostics + planDiagnostics)
        for found in renderDiagnostics.values { log.report(contentsOf: found) }
        return log.all
    }

    /// A full build, or the findings that stopped it before rendering.
    package static func full(_ options: BuildOptions, searchDocuments: SearchDocumentCache) throws(PorticoError)
        -> Result<PreviewBuild, StoppedBuild>
    {
        let logs = Pipeline.StageLogs(load: DiagnosticLog(), validate: DiagnosticLog(), plan: DiagnosticLog())
        // The preview holds every body, to render again after an edit without reading the files.
        let prepared = try Pipeline.prepare(
            options, clock: StageClock(), logs: logs, bodies: .held, searchDocuments: searchDocuments)
        guard let prepared else {
            let log = DiagnosticLog()
            log.report(contentsOf: logs.load.all + logs.validate.all + logs.plan.all)
            return .failure(StoppedBuild(diagnostics: log.all))
        }
        var build = PreviewBuild(
            prepared: prepared, loadDiagnostics: logs.load.all, validateDiagnostics: logs.validate.all,
            planDiagnostics: logs.plan.all, renderDiagnostics: [:], files: [:])
        build.render(prepared.outputs, with: prepared.renderer)
        return .success(build)
    }

    /// Renders `outputs` in parallel into `files`, replacing what each one's rendering reported.
    package mutating func render(_ outputs: [PlannedOutput], with renderer: PageRenderer) {
        for wave in PlannedOutput.renderOrder(outputs) { render(wave: wave.map { outputs[$0] }, with: renderer) }
    }

    private mutating func render(wave outputs: [PlannedOutput], with renderer: PageRenderer) {
        let rendered = outputs.parallelMap { output -> (Data?, [Diagnostic]) in
            let log = DiagnosticLog()
            var own = renderer
            own.log = log
            let data: Data?
            if case .copy(let source) = output.content {
                do {
                    data = try Data(contentsOf: source)
                } catch {
                    data = nil
                    log.report(.error("write-failed", "could not write '\(output.path)': \(error)", at: nil))
                }
            } else {
                data = own.render(output)
            }
            return (data, log.all)
        }
        for (output, (data, found)) in zip(outputs, rendered) {
            files[output.path] = data
            renderDiagnostics[output.path] = found.isEmpty ? nil : found
        }
    }
}

/// A build that stopped before rendering, with why.
package struct StoppedBuild: Error {
    package var diagnostics: [Diagnostic]
}
