import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// Tells which files changed under some folders, in batches, for one rebuild each.
package protocol ChangeWatcher: AnyObject, Sendable {
    /// Waits for files to change and returns their absolute paths, or nil once `stop` was called.
    func nextBatch() -> Set<String>?
    /// Makes `nextBatch` return nil soon, from any thread.
    func stop()
}

/// Files editors write beside the ones they edit, which are not content: vim's swap files and
/// its `4913` probe, backups ending in `~`, Emacs's `.#` lock files.
package enum IgnoredFiles {
    package static func isIgnored(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo")
            || name.hasSuffix("~") || name == "4913" || name.hasPrefix(".#")
    }
}

/// A flag one thread sets and another reads.
package final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    package var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    package func set() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
}

/// The watcher for `folders`: inotify where the system has it, polling otherwise or when asked.
package enum Watchers {
    package static func make(folders: [URL], polling: Bool) -> (watcher: any ChangeWatcher, polls: Bool) {
        #if canImport(Glibc)
            if !polling, let watcher = InotifyWatcher(folders: folders) {
                return (watcher, false)
            }
        #endif
        return (PollingWatcher(folders: folders), true)
    }
}
