import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

#if canImport(Glibc)
    import Foundation
    import Glibc

    /// Watches folders and every folder below them with Linux's inotify, adding folders created
    /// later, and hands over what changed in batches: after the first event it waits for 5 ms
    /// without events (100 ms at most), so an editor's save of several files is one rebuild.
    package final class InotifyWatcher: ChangeWatcher, @unchecked Sendable {
        package static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)
        package static let quiet: Int32 = 5
        package static let cap: Double = 0.1

        private let descriptor: Int32
        private let roots: [String]
        private var folders: [Int32: String] = [:]
        private let stopFlag = StopFlag()

        /// Nil when inotify is not available or a folder cannot be watched (too many watches).
        package init?(folders: [URL]) {
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            self.descriptor = descriptor
            self.roots = folders.map { $0.standardizedFileURL.path }
            for root in roots where !addWatches(below: root).watched {
                close(descriptor)
                return nil
            }
        }

        deinit {
            close(descriptor)
        }

        package func stop() {
            stopFlag.set()
        }

        package func nextBatch() -> Set<String>? {
            var changed = Set<String>()
            // Wait for the first event, looking at the stop flag every 100 ms.
            while changed.isEmpty {
                if stopFlag.isSet { return nil }
                if wait(milliseconds: 100) { readEvents(into: &changed) }
            }
            let start = Date()
            while Date().timeIntervalSince(start) < Self.cap, wait(milliseconds: Self.quiet) {
                readEvents(into: &changed)
            }
            return changed
        }

        /// Whether the descriptor has events to read within `milliseconds`.
        private func wait(milliseconds: Int32) -> Bool {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            return poll(&request, 1, milliseconds) > 0 && request.revents & Int16(POLLIN) != 0
        }

        private func readEvents(into changed: inout Set<String>) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { return }
                parse(buffer[..<count], into: &changed)
            }
        }

        private func parse(_ bytes: ArraySlice<UInt8>, into changed: inout Set<String>) {
            let header = MemoryLayout<inotify_event>.size
            var offset = bytes.startIndex
            while offset + header <= bytes.endIndex {
                let event = bytes.withUnsafeBytes { raw in
                    raw.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: inotify_event.self)
                }
                let nameBytes = bytes[(offset + header)..<min(offset + header + Int(event.len), bytes.endIndex)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + Int(event.len)
                handle(event, name: name, into: &changed)
            }
        }

        private func handle(_ event: inotify_event, name: String, into changed: inout Set<String>) {
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: say every folder changed, and let the build look.
                changed.formUnion(roots)
                return
            }
            if event.mask & UInt32(IN_IGNORED) != 0 {
                folders[event.wd] = nil
                return
            }
            guard let folder = folders[event.wd], !name.isEmpty else { return }
            let path = folder + "/" + name
            let isFolder = event.mask & UInt32(IN_ISDIR) != 0
            if isFolder, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // Files may have been written into it before its watch was added.
                changed.formUnion(addWatches(below: path).files)
            }
            if isFolder || !IgnoredFiles.isIgnored(path) {
                changed.insert(path)
            }
        }

        /// Watches `folder` and every folder below it; returns whether all could be watched, and
        /// the files found in them.
        private func addWatches(below folder: String) -> (watched: Bool, files: [String]) {
            var watched = true
            var files: [String] = []
            var pending = [folder]
            while let current = pending.popLast() {
                let watch = inotify_add_watch(descriptor, current, Self.mask | UInt32(IN_ONLYDIR))
                if watch < 0 {
                    watched = false
                    continue
                }
                folders[watch] = current
                let names = (try? FileManager.default.contentsOfDirectory(atPath: current)) ?? []
                for name in names {
                    let path = current + "/" + name
                    // Links are not followed, so a link to a folder above cannot loop.
                    let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
                    if type == .typeDirectory {
                        pending.append(path)
                    } else if !IgnoredFiles.isIgnored(path) {
                        files.append(path)
                    }
                }
            }
            return (watched, files)
        }
    }
#endif
