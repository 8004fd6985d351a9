import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

public struct BuildOptions: Sendable {
    public var contentURL: URL
    /// The content folder as the user wrote it; diagnostics start their paths with it.
    public var contentDisplayPath: String
    /// A folder whose files override the built-in theme's; nil for the built-in theme alone.
    public var templatesURL: URL?
    public var templatesDisplayPath: String
    public var outputURL: URL
    public var outputDisplayPath: String
    /// "Today" for review states.
    public var date: Day
    /// Warnings fail the build.
    public var strict: Bool
    /// False for `portico check`: everything is rendered, nothing is written.
    public var writesOutput: Bool
    /// Private pages are encrypted; false writes every page in the clear, for hosts with access
    /// control of their own.
    public var encrypt: Bool = true
    /// Where the master secret is kept when `PORTICO_SECRET` is not set.
    public var secretURL = URL(fileURLWithPath: MasterSecret.defaultFile)
    public var secretDisplayPath = MasterSecret.defaultFile
    /// A missing secret is an error rather than made anew (CI deploys).
    public var requireSecret = false
    public var accessURL = URL(fileURLWithPath: AccessEpochs.defaultFile)
    public var accessDisplayPath = AccessEpochs.defaultFile
    public var environment = ProcessInfo.processInfo.environment
    /// Where the briefs' emails are written (they name people and carry their links, so never
    /// inside the site); nil writes none.
    public var mailURL: URL? = URL(fileURLWithPath: "mail")
    public var mailDisplayPath = "mail"

    public init(
        content: String = "content", templates: String? = nil, output: String = "site", date: Day,
        strict: Bool = false, writesOutput: Bool = true
    ) {
        contentURL = URL(fileURLWithPath: content)
        contentDisplayPath = content.hasSuffix("/") && content.count > 1 ? String(content.dropLast()) : content
        templatesURL = templates.map { URL(fileURLWithPath: $0) }
        templatesDisplayPath = templates.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 } ?? ""
        outputURL = URL(fileURLWithPath: output)
        outputDisplayPath = output
        self.date = date
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
