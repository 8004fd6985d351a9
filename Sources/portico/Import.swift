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

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a folder of Markdown documents as assets.",
        discussion: """
            Reads Hugo, Jekyll, Docusaurus, GitBook, MkDocs, Starlight, Obsidian or plain \
            Markdown files, maps their front matter to asset fields, rewrites the links between \
            them (by the rules of the generator it detects) and copies the images and files they \
            link to. It never overwrites anything, and a second run \
            imports only documents it has not imported before (see content/.portico-import.json).

            Example:
              portico import ../old-wiki --kind guide --owner dana
            """)

    @Argument(help: "The folder of Markdown documents to import.")
    var directory: String

    @Option(help: "The kind of every imported asset: one-pager, objection, snapshot or guide.")
    var kind = "guide"

    @Option(help: "The team member id that owns the imported assets (default: the first of the program's team).")
    var owner: String?

    @OptionGroup var contentOption: ContentOption
    var content: String { contentOption.content }

    /// The day written as `reviewed` when a document has no commit and no date.
    @OptionGroup var date: DateOption

    func validate() throws {
        guard Importer.kinds.contains(kind) else {
            throw ValidationError("--kind must be one of \(Importer.kinds.joined(separator: ", ")), not '\(kind)'")
        }
    }

    func run() throws {
        let report = try Importer.run(
            ImportOptions(source: directory, kind: kind, owner: owner, content: content, today: date.day))
        print(report, terminator: "")
    }
}
