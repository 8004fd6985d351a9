import ArgumentParser
import Foundation
import PorticoCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new partner, asset or monthly brief file with every field filled in.",
        discussion: """
            A brief is drafted with the campaigns of its window, the assets reviewed since the last \
            brief and the newest story not yet featured; it starts as a draft.

            Examples:
              portico new partner acme-consulting
              portico new asset security-objections --kind objection
              portico new brief 2026-12
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case partner, asset, brief
    }

    @Argument(help: "What to create: partner, asset or brief.")
    var what: Kind

    @Argument(
        help: "The id: lowercase letters, digits and '-'; for a brief, its month (YYYY-MM). It becomes the file name.")
    var id: String

    @Option(help: "For an asset: one-pager, objection, snapshot or guide.")
    var kind: String = "one-pager"

    @Option(help: "The content folder.")
    var content = "content"

    func validate() throws {
        if what == .brief {
            guard Month(id) != nil else { throw ValidationError("a brief is named by its month, YYYY-MM, not '\(id)'") }
            return
        }
        guard Scaffold.isValidID(id) else {
            throw ValidationError("'\(id)' is not a valid id: use lowercase letters, digits and '-'")
        }
        guard Scaffold.assetKinds.contains(kind) else {
            throw ValidationError("--kind must be one of \(Scaffold.assetKinds.joined(separator: ", "))")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: content)
        let path: String
        do {
            switch what {
            case .partner: path = try Scaffold.newPartner(id: id, content: folder)
            case .asset: path = try Scaffold.newAsset(id: id, kind: kind, content: folder)
            case .brief: path = try Scaffold.newBrief(month: Month(id) ?? Month(containing: .today), content: folder)
            }
        } catch let error as Scaffold.Refusal {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        print("Created \(content)/\(path)")
    }
}
