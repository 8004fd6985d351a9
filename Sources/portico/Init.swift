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

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new portal project that builds as it is.",
        discussion: """
            Writes content/ with one partner and one asset, a copy of the default theme in \
            templates/, and a .gitignore.

            Example:
              portico init acme-portal
            """)

    @Argument(help: "The folder to create (it must not exist or be empty).")
    var directory: String

    func run() throws {
        let written = try Scaffold.initProject(at: URL(fileURLWithPath: directory))
        print("Created \(written.count) files in \(directory)/. Next: cd \(directory) && portico build")
    }
}
