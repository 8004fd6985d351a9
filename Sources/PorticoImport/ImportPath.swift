import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// '/'-separated paths below the imported folder or the content folder, computed as text so
/// that nothing depends on where either folder is on disk.
package enum ImportPath {
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    package static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    package static func join(_ folder: String, _ path: String) -> String {
        folder.isEmpty ? path : path.isEmpty ? folder : folder + "/" + path
    }

    /// `path` with `.` and `..` resolved, or nil when it climbs above the top.
    package static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard parts.popLast() != nil else { return nil }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The relative path from a file in folder `from` to the file `to`, both below the same top:
    /// from "a" to "b/c.md" is "../b/c.md".
    package static func relative(from: String, to: String) -> String {
        let fromParts = from.split(separator: "/")
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] {
            common += 1
        }
        let up = Array(repeating: "..", count: fromParts.count - common)
        return (up + toParts[common...].map(String.init)).joined(separator: "/")
    }

    /// The name without its extension: "setup.mdx" gives "setup".
    package static func stem(of name: String) -> String {
        (name as NSString).deletingPathExtension
    }

    package static func pathExtension(of name: String) -> String {
        (name as NSString).pathExtension.lowercased()
    }
}

extension ImportPath {
    /// The relative path from folder `from` to folder `to`, both absolute: "../docs", or "." for the same folder.
    package static func relativeFolder(from: String, to: String) -> String {
        let fromParts = from.split(separator: "/")
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count, fromParts[common] == toParts[common] {
            common += 1
        }
        let parts = Array(repeating: "..", count: fromParts.count - common) + toParts[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
