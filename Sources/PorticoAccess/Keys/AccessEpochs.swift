import Foundation
import PorticoModel
import PorticoSupport

/// `portico-access.json`: each person's epoch. Raising it gives the person a new access link and
/// ends their old one. It holds no secret and is committed with the content, so that every
/// machine building the portal gives everyone the same links.
public struct AccessEpochs: Sendable, Codable, Equatable {
    public var version = 1
    /// Added to everyone's epoch: `portico keys rotate --all`.
    public var all = 0
    /// By email in lower case; a missing entry is 0.
    public var epochs: [String: Int] = [:]

    public static let defaultFile = "portico-access.json"

    public init() {}

    public func epoch(of email: String) -> Int {
        all + (epochs[EmailAddress.normalized(email)] ?? 0)
    }

    public static func load(_ file: URL, displayPath: String) throws(PorticoError) -> AccessEpochs {
        guard let data = FileManager.default.contents(atPath: file.path) else { return AccessEpochs() }
        do {
            return try JSONDecoder().decode(AccessEpochs.self, from: data)
        } catch {
            throw PorticoError.usage("\(displayPath) is not a valid access file: \(error)")
        }
    }

    public func save(_ file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(self) + Data("\n".utf8)).write(to: file, options: .atomic)
    }
}
