import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// Finds changes by looking at every file's modification time, size and inode every 200 ms:
/// for file systems without inotify (network mounts, some containers) and `--poll`.
package final class PollingWatcher: ChangeWatcher, @unchecked Sendable {
    package struct Stamp: Equatable {
        package var modified: Date?
        package var size: Int
        package var inode: Int
    }

    package let folders: [URL]
    package let interval: TimeInterval
    private let stopFlag = StopFlag()
    private var known: [String: Stamp]

    package init(folders: [URL], interval: TimeInterval = 0.2) {
        self.folders = folders
        self.interval = interval
        self.known = Self.scan(folders)
    }

    package func nextBatch() -> Set<String>? {
        while !stopFlag.isSet {
            Thread.sleep(forTimeInterval: interval)
            let now = Self.scan(folders)
            var changed = Set<String>()
            for (path, stamp) in now where known[path] != stamp {
                changed.insert(path)
            }
            for path in known.keys where now[path] == nil {
                changed.insert(path)
            }
            known = now
            if !changed.isEmpty { return changed }
        }
        return nil
    }

    package func stop() {
        stopFlag.set()
    }

    /// Every file below `folders`, by absolute path.
    package static func scan(_ folders: [URL]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let manager = FileManager.default
        for folder in folders {
            let root = folder.standardizedFileURL.path
            guard let enumerator = manager.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = root + "/" + relative
                guard !IgnoredFiles.isIgnored(path),
                    let attributes = try? manager.attributesOfItem(atPath: path),
                    attributes[.type] as? FileAttributeType != .typeDirectory
                else { continue }
                stamps[path] = Stamp(
                    modified: attributes[.modificationDate] as? Date,
                    size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
                    inode: (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? 0)
            }
        }
        return stamps
    }
}
