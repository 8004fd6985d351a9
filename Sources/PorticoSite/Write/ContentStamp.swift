import Crypto
import Foundation
import PorticoSupport

/// The content a mail folder's emails were built from: the SHA-256 of every file of the
/// content folder, which the build records beside the emails. `portico send` compares it with
/// the content as it is, so an edit made after the build cannot go out in an older message,
/// unseen. File times would not do: a checkout or a copy changes them without changing a byte.
package struct ContentStamp: Sendable, Equatable {
    /// Hidden, like the folder's marker, so listing the mail folder shows only the months.
    package static let fileName = ".portico-content.sha256"

    /// The hex digest of each file, by its path below the content folder, `/`-separated.
    package var digests: [String: String]

    package init(digests: [String: String]) {
        self.digests = digests
    }

    /// Every file below `folder`, hidden ones (`.git`, `.DS_Store`) left out as the loader
    /// leaves them out.
    package static func of(folder: URL) throws -> ContentStamp {
        let manager = FileManager.default
        var digests: [String: String] = [:]
        guard let enumerator = manager.enumerator(atPath: folder.path) else { return ContentStamp(digests: [:]) }
        while let relative = enumerator.nextObject() as? String {
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            let data = try Data(contentsOf: url, options: .mappedIfSafe)
            digests[relative] = SHA256.hash(data: data).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        }
        return ContentStamp(digests: digests)
    }

    /// One line per file, `<digest>  <path>`, sorted: the format of `sha256sum`, so
    /// `sha256sum -c` run in the content folder checks it too.
    package var text: String {
        digests.sorted { $0.key < $1.key }.map { "\($0.value)  \($0.key)\n" }.joined()
    }

    package init?(text: String) {
        var digests: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let gap = line.range(of: "  ") else { return nil }
            digests[String(line[gap.upperBound...])] = String(line[..<gap.lowerBound])
        }
        self.digests = digests
    }

    package enum Change: Equatable, Sendable {
        case edited(String)
        case added(String)
        case removed(String)

        package var path: String {
            switch self {
            case .edited(let path), .added(let path), .removed(let path): path
            }
        }

        /// `content/partners/acme.yml was edited`, with the content folder as the user named it.
        package func described(in folder: String) -> String {
            let shown = (folder.hasSuffix("/") ? folder : folder + "/") + path
            switch self {
            case .edited: return "\(shown) was edited"
            case .added: return "\(shown) was added"
            case .removed: return "\(shown) was removed"
            }
        }
    }

    /// What differs in this content from `built`, by path.
    package func changes(since built: ContentStamp) -> [Change] {
        let paths = Set(digests.keys).union(built.digests.keys).sorted()
        return paths.compactMap { path in
            switch (built.digests[path], digests[path]) {
            case (nil, _): .added(path)
            case (_, nil): .removed(path)
            case (let before, let now) where before != now: .edited(path)
            default: nil
            }
        }
    }
}
