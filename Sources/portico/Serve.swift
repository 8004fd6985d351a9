import ArgumentParser
import Foundation
import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoModel
import PorticoProject
import PorticoServe
import PorticoSite
import PorticoSupport

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the portal in a browser, rebuilt and reloaded as you edit.",
        discussion: """
            Builds the site in memory (nothing is written to site/) and serves it at \
            http://127.0.0.1:8080/ until Ctrl-C. Each save rebuilds it; open pages reload, and \
            errors show over the page while the last good build stays served. See docs/serve.md.

            --host with anything but 127.0.0.1, ::1 or localhost opens the preview, private \
            pages included, to every machine that can reach yours.

            Example:
              portico serve --date 2026-11-25 --port 4000
            """)

    @OptionGroup var options: BuildOptionGroup

    @Option(help: "The port to listen on; 0 picks any free port.")
    var port = 8080

    @Option(help: "The address to listen on. Anything but a loopback address opens the preview to the network.")
    var host = "127.0.0.1"

    @Flag(help: "Look for changes by polling every 200 ms, for file systems where inotify misses them.")
    var poll = false

    func validate() throws {
        if options.json || options.timings {
            throw ValidationError("--json and --timings are for build and check; serve prints each build's diagnostics")
        }
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be a number from 0 to 65535, not \(port)")
        }
    }

    func run() throws {
        let buildOptions = options.buildOptions(output: "site", writesOutput: false)
        try buildOptions.project.checkFolders()
        let folders = [buildOptions.project.contentURL] + (buildOptions.project.templatesURL.map { [$0] } ?? [])
        let session = PreviewSession(options: buildOptions)
        let server = PreviewServer(
            session: session,
            options: .init(host: host, port: port, watchedFolders: folders, polls: poll))
        try server.run()
    }
}
