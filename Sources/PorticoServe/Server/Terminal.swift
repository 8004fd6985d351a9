import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// What `portico serve` prints: diagnostics on standard error exactly as `portico build` prints
/// them, one line on standard output per build.
package enum Terminal {
    package static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    package static func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    package static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            warn(diagnostic.formatted)
        }
    }

    /// `1 error, 2 warnings`, the counts of a failed build.
    package static func counts(_ diagnostics: [Diagnostic]) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count - errors
        return warnings == 0
            ? plural(errors, "error") : plural(errors, "error") + ", " + plural(warnings, "warning")
    }
}
