import Foundation
import PorticoAccess
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// `portico send`: hands each built message of a month to a sendmail-compatible command, one
/// process per message, and records each one the command accepted, so that a second run, or a
/// run after a failure, sends nobody a message twice.
public struct MailDelivery: Sendable {
    public var month: Month
    public var mailFolder: URL
    public var mailDisplayPath: String
    public var record: SendRecord
    /// Run with `/bin/sh -c`, the message on standard input: `msmtp -t`, `sendmail -t`.
    public var command: String
    public var partner: String?
    /// The partners of the content, which `partner` must be one of; nil when there is no content to ask.
    public var knownPartners: (ids: [String], folder: String)?
    /// The content folder, and its name as the user gave it: the messages must have been built
    /// from it as it is now (MailDelivery+Freshness).
    public var content: (url: URL, displayPath: String)?
    public var dryRun = false
    public var resend = false

    public init(
        month: Month, mailFolder: URL, mailDisplayPath: String, record: SendRecord, command: String,
        partner: String? = nil
    ) {
        self.month = month
        self.mailFolder = mailFolder
        self.mailDisplayPath = mailDisplayPath
        self.record = record
        self.command = command
        self.partner = partner
    }

    public struct Summary: Sendable, Equatable {
        public var sent = 0
        public var skipped = 0
        public var total = 0
    }

    /// Sends (or, on a dry run, lists) the month's messages in path order, writing one line per
    /// message to `report`.
    public func run(report: (String) -> Void) throws -> Summary {
        let messages = try BuiltMessage.all(in: folder(), display: displayFolder())
        try checkBuiltFromCurrentContent()
        let done = resend ? [] : try record.sentMessageIDs()
        var summary = Summary(total: messages.count)
        for (index, message) in messages.enumerated() {
            if done.contains(message.messageID) {
                summary.skipped += 1
                report("skipped \(message.displayPath) (already sent)")
                continue
            }
            if dryRun {
                summary.sent += 1
                report("would send \(message.displayPath) to \(message.to)")
                continue
            }
            // The file says the 1st of the month, the same on every build; the reader is told
            // when it was sent.
            let status = try Self.pipe(BuiltMessage.dated(message.data, Date()), to: command)
            guard status == 0 else {
                let left = messages.count - index
                throw PorticoError.refused(
                    "'\(command)' failed for \(message.displayPath) (exit status \(status)): \(summary.sent) sent, "
                        + "\(left) left; run the same command again to resume")
            }
            try record.append(messageID: message.messageID, to: message.to, file: message.displayPath)
            summary.sent += 1
            report("sent \(message.displayPath) to \(message.to)")
        }
        return summary
    }

    /// `mail/YYYY-MM`, or one partner's folder in it.
    package func folder() throws -> URL {
        var url = mailFolder.appendingPathComponent(month.description)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw PorticoError.refused(
                "\(mailDisplayPath)/\(month) does not exist: build the site first, "
                    + "and check that the \(month) brief is published (not a draft) and for partners")
        }
        if let partner {
            if let known = knownPartners, !known.ids.contains(partner) {
                throw PorticoError.usage(
                    "no partner '\(partner)' in \(known.folder)\(Suggestion.didYouMean(partner, in: known.ids))")
            }
            let present = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            url.appendPathComponent(partner)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw PorticoError.refused(
                    "\(displayFolder()) does not exist: no messages for partner '\(partner)'"
                        + Suggestion.didYouMean(partner, in: present.filter { !$0.hasPrefix(".") }))
            }
        }
        return url
    }

    package func displayFolder() -> String {
        "\(mailDisplayPath)/\(month)" + (partner.map { "/" + $0 } ?? "")
    }

    /// Runs `command` with `data` on its standard input; returns its exit status.
    package static func pipe(_ data: Data, to command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        // A command that exits without reading all of its input closes the pipe; the write then
        // fails, and the exit status says why.
        try? input.fileHandleForWriting.write(contentsOf: data)
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A message as `portico build` wrote it, with the headers `send` needs.
package struct BuiltMessage {
    package var displayPath: String
    package var data: Data
    package var messageID: String
    package var to: String

    /// Every `.eml` below `folder`, sorted by path.
    package static func all(in folder: URL, display: String) throws -> [BuiltMessage] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".eml") { paths.append(relative) }
        }
        return try paths.sorted().map { relative in
            let data = try Data(contentsOf: folder.appendingPathComponent(relative))
            let headers = Self.headers(of: data)
            let path = "\(display)/\(relative)"
            guard let messageID = headers["message-id"], let to = headers["to"] else {
                throw PorticoError.refused("\(path) has no Message-ID or To header; rebuild the site")
            }
            return BuiltMessage(displayPath: path, data: data, messageID: messageID, to: Self.address(in: to))
        }
    }

    /// The header fields, by lower-case name, unfolded.
    package static func headers(of data: Data) -> [String: String] {
        let text = String(decoding: data.prefix(16_384), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        var fields: [String: String] = [:]
        var last: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t", let name = last {
                fields[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            last = name
        }
        return fields
    }

    /// The message with its Date header set to `time`, or given one first when it has none.
    package static func dated(_ data: Data, _ time: Date) -> Data {
        let field = Data(MailHeader.field("Date", MailHeader.date(time)).utf8)
        let lineFeed = UInt8(ascii: "\n")
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: lineFeed).map { $0 + 1 } ?? data.endIndex
            let first = data[start]
            if first == UInt8(ascii: "\r") || first == lineFeed { break }
            if data[start..<end].prefix(5).map({ $0 | 0x20 }) == Array("date:".utf8) {
                // Continuation lines (starting with a space or a tab) belong to the field.
                var stop = end
                while stop < data.endIndex, data[stop] == 0x20 || data[stop] == 0x09 {
                    stop = data[stop...].firstIndex(of: lineFeed).map { $0 + 1 } ?? data.endIndex
                }
                return data[..<start] + field + data[stop...]
            }
            start = end
        }
        return field + data
    }

    /// `a@b.example` from `Name <a@b.example>`.
    package static func address(in field: String) -> String {
        guard let open = field.lastIndex(of: "<"), let close = field.lastIndex(of: ">"), open < close else {
            return field
        }
        return String(field[field.index(after: open)..<close])
    }
}
