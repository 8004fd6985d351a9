import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport
import Yams

/// The team ids of `program.yml`, which an imported asset's owner must be one of. Only the
/// team is read, so an import works on a program that still has other problems to fix.
package enum ProgramTeam {
    package static func ids(content: URL, displayPath: String) throws(PorticoError) -> [String] {
        let path = displayPath.isEmpty || displayPath == "." ? "program.yml" : displayPath + "/program.yml"
        let url = content.appendingPathComponent("program.yml")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PorticoError.usage(
                "\(path) does not exist; import needs the program's team to choose the assets' owner "
                    + "(run 'portico init' for a starting point, or pass --content)")
        }
        guard case .success(let source) = SourceText.decode(data, displayPath: path),
            case .success(let node) = YAMLDocument.parse(source.text, path: path, firstLine: 1),
            case .mapping(let program)? = node
        else {
            throw PorticoError.usage("\(path) cannot be read; run 'portico check' to see why")
        }
        var ids: [String] = []
        if case .sequence(let team)? = program["team"] {
            for member in team {
                if case .mapping(let fields) = member, case .scalar(let id)? = fields["id"], !id.string.isEmpty {
                    ids.append(id.string)
                }
            }
        }
        guard !ids.isEmpty else {
            throw PorticoError.usage(
                "\(path) has no team; add the people who own content under 'team' before importing")
        }
        return ids
    }
}
