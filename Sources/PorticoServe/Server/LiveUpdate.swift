import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// What the preview tells open pages after a build: the `update` event of `__portico/events`.
package struct LiveUpdate: Encodable, Equatable, Sendable {
    /// Site paths that were added, removed or changed.
    package var changed: [String]
    /// Every diagnostic, formatted as the terminal prints it.
    package var errors: [String]
    package var ok: Bool

    package init(changed: [String], errors: [String], ok: Bool) {
        self.changed = changed
        self.errors = errors
        self.ok = ok
    }

    /// `announced`: paths open pages were already told about.
    package init(_ update: PreviewUpdate, leavingOut announced: [String] = []) {
        let told = Set(announced)
        self.init(
            changed: update.changedPaths.filter { !told.contains($0) }, errors: update.diagnostics.map(\.formatted),
            ok: update.succeeded)
    }

    /// The same state without the changes: what a page that connects later is told.
    package var state: LiveUpdate {
        LiveUpdate(changed: [], errors: errors, ok: ok)
    }

    /// The server-sent event, data on one line (JSON escapes the newlines of hints).
    package var event: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: update\ndata: \(json)\n\n"
    }
}
