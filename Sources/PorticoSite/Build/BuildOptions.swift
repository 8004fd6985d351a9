import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// How `build`, `check` and `serve` run: the project they read, where the keys come from, and
/// what a build writes where.
public struct BuildOptions: Sendable {
    public var project: ProjectOptions
    public var keys = AccessSource()
    public var outputURL: URL
    public var outputDisplayPath: String
    /// Warnings fail the build.
    public var strict: Bool
    /// False for `portico check`: everything is rendered, nothing is written.
    public var writesOutput: Bool
    /// Private pages are encrypted; false writes every page in the clear, for hosts with access
    /// control of their own.
    public var encrypt: Bool = true
    /// A missing secret is an error rather than made anew (CI deploys).
    public var requireSecret = false
    /// Where the briefs' emails are written (they name people and carry their links, so never
    /// inside the site); nil writes none.
    public var mailURL: URL? = URL(fileURLWithPath: "mail")
    public var mailDisplayPath = "mail"

    public init(
        content: String = "content", templates: String? = nil, output: String = "site", date: Day,
        strict: Bool = false, writesOutput: Bool = true
    ) {
        self.init(
            project: ProjectOptions(content: content, templates: templates, date: date), output: output,
            strict: strict, writesOutput: writesOutput)
    }

    public init(project: ProjectOptions, output: String = "site", strict: Bool = false, writesOutput: Bool = true) {
        self.project = project
        outputURL = URL(fileURLWithPath: output)
        outputDisplayPath = output
        self.strict = strict
        self.writesOutput = writesOutput
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesWritten: Int
    public var filesWritten: Int
    /// Seconds each stage took, in order.
    public var timings: [(stage: String, seconds: Double)]
    /// Things the person running the build must know that are not problems with the content,
    /// such as a secret made for them.
    public var notes: [String] = []
    /// Printed on standard error, loudly: choices that put the portal at risk.
    public var alerts: [String] = []
    /// Each partner at a glance, for `portico check --summary`; empty when the content did not validate.
    public var partnerHealth: [PartnerHealth] = []
    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
