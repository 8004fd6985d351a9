import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// Rebuilds the session after each batch of changes, one build at a time, prints the outcome
/// and tells the open pages.
package final class Rebuilder: Sendable {
    /// How long the rest of an edit waits after its pages were announced.
    package static let reloadPause = 0.12
    package let session: PreviewSession
    package let broadcaster: UpdateBroadcaster

    package init(session: PreviewSession, broadcaster: UpdateBroadcaster) {
        self.session = session
        self.broadcaster = broadcaster
    }

    /// Takes batches from `watcher` until it stops; returns when it has.
    package func run(watching watcher: any ChangeWatcher) {
        while let batch = watcher.nextBatch() {
            guard !batch.isEmpty else { continue }
            rebuild(changed: batch.sorted())
        }
    }

    package func rebuild(changed: [String]) {
        let update: LiveUpdate
        do {
            // An edit's own pages reach open pages first; the final update then leaves them out,
            // so no page reloads twice.
            let broadcaster = self.broadcaster
            let built = try session.rebuild(changed: changed) { first in
                broadcaster.publish(LiveUpdate(first))
                // What follows (the search indexes) is for no open page: let the pages that
                // reload fetch what they need before it takes the processor.
                if !first.changedPaths.isEmpty { Thread.sleep(forTimeInterval: Self.reloadPause) }
            }
            Terminal.report(built.diagnostics)
            let milliseconds = Int((built.seconds * 1000).rounded())
            if built.succeeded {
                let count = built.changedPaths.count
                Terminal.say("Rebuilt: \(count) file\(count == 1 ? "" : "s") changed in \(milliseconds) ms")
            } else {
                Terminal.say(
                    "Build failed: \(Terminal.counts(built.diagnostics)); still serving the last good site")
            }
            update = LiveUpdate(built, leavingOut: built.announcedPaths)
        } catch {
            Terminal.warn("error: \(error.description)")
            Terminal.say("Build failed; still serving the last good site")
            update = LiveUpdate(changed: [], errors: ["error: \(error.description)"], ok: false)
        }
        broadcaster.publish(update)
    }
}
