import Foundation
import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoServe
import PorticoSite
import PorticoSupport
import Testing

/// How `portico serve` notices edits: each watcher reports the files written, created and
/// removed, in folders created after it started too, and nothing an editor leaves beside them.
@Suite struct PreviewWatcherTests {
    /// The next batch, or nil when none came within `timeout`.
    func batch(of watcher: any ChangeWatcher, timeout: TimeInterval = 20) -> Set<String>? {
        let stopper = DispatchWorkItem { watcher.stop() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: stopper)
        defer { stopper.cancel() }
        return watcher.nextBatch()
    }

    func seesChanges(_ make: (URL) -> (any ChangeWatcher)?) throws {
        let scratch = try Scratch()
        try scratch.write("one", to: "content/assets/a.md")
        let root = scratch.path("content").standardizedFileURL
        let watcher = try #require(make(root))
        try scratch.write("a longer second version", to: "content/assets/a.md")
        try scratch.write("swap", to: "content/assets/.a.md.swp")
        #expect(batch(of: watcher)?.contains(root.path + "/assets/a.md") == true)

        try scratch.write("new", to: "content/assets/new/b.md")
        var seen = Set<String>()
        while !seen.contains(root.path + "/assets/new/b.md"), let next = batch(of: watcher) {
            seen.formUnion(next)
        }
        #expect(seen.contains(root.path + "/assets/new/b.md"))
        #expect(!seen.contains(root.path + "/assets/.a.md.swp"))

        try FileManager.default.removeItem(at: scratch.path("content/assets/a.md"))
        seen = []
        while !seen.contains(root.path + "/assets/a.md"), let next = batch(of: watcher) {
            seen.formUnion(next)
        }
        #expect(seen.contains(root.path + "/assets/a.md"))
        watcher.stop()
        #expect(watcher.nextBatch() == nil)
    }

    @Test func editorLeftoversAreNotChanges() {
        for name in ["a.md.swp", ".a.md.swx", "a.md~", "4913", ".#a.md"] {
            #expect(IgnoredFiles.isIgnored("/c/assets/" + name))
        }
        #expect(!IgnoredFiles.isIgnored("/c/assets/a.md"))
        #expect(!IgnoredFiles.isIgnored("/c/assets/49130.md"))
    }

    @Test func pollingSeesWritesNewFoldersAndRemovals() throws {
        try seesChanges { PollingWatcher(folders: [$0]) }
    }

    #if canImport(Glibc)
        @Test func inotifySeesWritesNewFoldersAndRemovals() throws {
            try seesChanges { InotifyWatcher(folders: [$0]) }
        }
    #endif
}
