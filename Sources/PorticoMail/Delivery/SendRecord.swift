import Foundation
import PorticoAccess
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// The record of what `portico send` delivered: one line per message the command accepted,
/// `<time>\t<Message-ID>\t<address>\t<file>`, appended and flushed to disk before the next
/// message goes, so an interrupted run resumes exactly where it stopped.
public struct SendRecord: Sendable {
    public static let defaultFile = "portico-sent.log"
    public var url: URL

    public init(url: URL) {
        self.url = url
    }

    package func sentMessageIDs() throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let text = try String(contentsOf: url, encoding: .utf8)
        return Set(
            text.split(separator: "\n").compactMap { line in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                return fields.count >= 2 ? String(fields[1]) : nil
            })
    }

    package func append(messageID: String, to address: String, file: String) throws {
        if !FileManager.default.fileExists(atPath: url.path) {
            // It lists who was sent what: for its owner's eyes, like the emails.
            try PrivateFiles.write(Data(), to: url)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        let time = ISO8601DateFormatter().string(from: Date())
        try handle.write(contentsOf: Data("\(time)\t\(messageID)\t\(address)\t\(file)\n".utf8))
        try handle.synchronize()
    }
}
