import Foundation
import Hummingbird
import Logging
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// `portico serve`: builds the site in memory, serves it over HTTP and rebuilds it as its
/// content and templates change, until SIGINT or SIGTERM.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        /// The address to listen on; anything but a loopback address opens the preview to the network.
        public var host: String
        /// 0 for any free port.
        public var port: Int
        /// The folders to watch: the content folder and the templates folder, when there is one.
        public var watchedFolders: [URL]
        /// Poll for changes even where inotify works.
        public var polls: Bool

        public init(host: String = "127.0.0.1", port: Int = 8080, watchedFolders: [URL], polls: Bool = false) {
            self.host = host
            self.port = port
            self.watchedFolders = watchedFolders
            self.polls = polls
        }
    }

    package let session: PreviewSession
    package let options: Options

    public init(session: PreviewSession, options: Options) {
        self.session = session
        self.options = options
    }

    /// Builds, then serves until the process is told to stop. Throws a PorticoError when the
    /// content cannot be read at all or the address cannot be listened on.
    public func run() throws {
        let first = try session.rebuild()
        Terminal.report(first.diagnostics)
        if !first.succeeded {
            Terminal.say("Build failed: \(Terminal.counts(first.diagnostics)); fix the content and the page reloads")
        }
        let broadcaster = UpdateBroadcaster(current: LiveUpdate(first))
        let (watcher, polls) = Watchers.make(folders: options.watchedFolders, polling: options.polls)
        let rebuilder = Rebuilder(session: session, broadcaster: broadcaster)
        let watching = Thread { rebuilder.run(watching: watcher) }
        watching.name = "portico-watch"
        let application = makeApplication(broadcaster: broadcaster, polls: polls)

        watching.start()
        defer { watcher.stop() }
        let outcome = Outcome()
        Task {
            do {
                try await application.runService()
            } catch {
                outcome.fail(error)
            }
            outcome.finish()
        }
        outcome.wait()
        if let error = outcome.error {
            let inUse =
                "\(error)".contains("in use") ? "; another server uses the port: try --port 0 for any free one" : ""
            throw PorticoError.usage("cannot serve at \(options.host):\(options.port): \(error)\(inUse)")
        }
    }

    package func makeApplication(broadcaster: UpdateBroadcaster, polls: Bool) -> some ApplicationProtocol {
        let responder = SiteResponder(
            session: session, broadcaster: broadcaster, hosts: HostCheck(servedHost: options.host))
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.get("/") { request, _ in responder.respond(to: request) }
        router.get("**") { request, _ in responder.respond(to: request) }
        var logger = Logger(label: "portico-serve")
        logger.logLevel = .error
        let session = self.session
        let host = options.host
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let name = session.program?.name ?? "the portal"
                let shownHost = host.contains(":") ? "[\(host)]" : host
                Terminal.say("Serving \(name) at http://\(shownHost):\(port)\(session.basePath)")
                if polls {
                    Terminal.say("Watching for changes by polling every 200 ms")
                }
            },
            logger: logger)
    }
}

/// How the server's task ended, for the thread that waits for it.
package final class Outcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: (any Error)?

    package var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    package func fail(_ error: any Error) {
        lock.lock()
        failure = error
        lock.unlock()
    }

    package func finish() { done.signal() }

    package func wait() { done.wait() }
}
