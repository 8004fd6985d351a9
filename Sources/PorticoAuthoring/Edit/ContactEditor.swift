import Foundation
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport
import Yams

/// `portico new contact`: adds a person to a partner's `contacts` by editing the file's text, so
/// that its comments, key order, quoting and line endings stay exactly as they were (a YAML
/// library would drop the comments). The edited file must still load, or it is put back.
public enum ContactEditor {
    /// The person to add, as given on the command line.
    public struct NewContact: Sendable {
        public var name: String
        public var role: String
        public var email: String
        public var since: Day?

        public init(name: String, role: String, email: String, since: Day? = nil) {
            self.name = name.trimmingCharacters(in: .whitespaces)
            self.role = role.trimmingCharacters(in: .whitespaces)
            self.email = email.trimmingCharacters(in: .whitespaces)
            self.since = since
        }

        /// The fields as YAML text, by key, quoted where they must be; a date stays a plain date.
        package func fields(flow: Bool) -> [String: String] {
            var fields = ["name": name, "role": role, "email": email].mapValues { YAMLScalar.text($0, flow: flow) }
            if let since { fields["since"] = since.description }
            return fields
        }
    }

    /// What `add` did.
    public struct Added: Sendable {
        /// The partner file, as diagnostics name it (`content/partners/acme.yml`).
        public var path: String
        /// Notes worth printing, such as a retired partner's contacts having no access.
        public var notes: [String]
    }

    /// The order fields are written in when the existing contacts do not say.
    package static let defaultOrder = ["name", "role", "email", "since"]

    /// Adds `contact` to the partner `partnerID` of the content folder, after checking the
    /// address is new to the whole program; the file is restored if it no longer loads.
    public static func add(
        _ contact: NewContact, partner partnerID: String, contentURL: URL, contentDisplayPath: String,
        today: Day = .today
    ) throws(PorticoError) -> Added {
        try check(contact)
        let folder = ContentFolder(url: contentURL, displayPath: contentDisplayPath)
        let files = partnerFiles(folder)
        guard let file = files.first(where: { $0.stem == partnerID }) else {
            let ids = files.map(\.stem).sorted()
            guard !ids.isEmpty else {
                throw PorticoError.refused(
                    "unknown partner '\(partnerID)': \(folder.display("partners")) holds no partner files")
            }
            throw PorticoError.refused(
                "unknown partner '\(partnerID)'\(Suggestion.didYouMean(partnerID, in: ids)); "
                    + "the partners are \(ids.joined(separator: ", "))")
        }
        if let taken = existingAddresses(folder, partnerFiles: files).first(where: {
            EmailAddress.normalized($0.email) == EmailAddress.normalized(contact.email)
        }) {
            throw PorticoError.refused("\(taken.email) is already \(taken.owner) (\(taken.place))")
        }
        guard let original = FileManager.default.contents(atPath: file.url.path) else {
            throw PorticoError.refused("cannot read \(file.displayPath)")
        }
        let before = errors(contentURL: contentURL, displayPath: contentDisplayPath, today: today)
        let unreadable = before.filter {
            $0.location?.file == file.displayPath && unreadableCodes.contains($0.code)
        }
        guard unreadable.isEmpty else {
            throw PorticoError.refused(
                "\(file.displayPath) is not valid YAML; fix it before adding a contact:\n"
                    + unreadable.map(\.formatted).joined(separator: "\n"))
        }
        let text = String(decoding: original, as: UTF8.self)
        let edited = try inserting(contact, into: text)
        guard keepsEverythingElse(text, edited, adding: contact) else {
            throw PorticoError.refused(
                "cannot add the contact to \(file.displayPath) safely: Portico cannot tell where its 'contacts' "
                    + "list ends; add them by hand")
        }
        do {
            try Data(edited.utf8).write(to: file.url)
        } catch {
            throw PorticoError.refused("cannot write \(file.displayPath): \(error.localizedDescription)")
        }
        // Errors the file had before may stay (lines below the new contact move, so they are
        // compared without their place), and a missing `contacts` is fixed; any other error is
        // the edit's doing.
        func problem(_ diagnostic: Diagnostic) -> String {
            diagnostic.location?.file == file.displayPath
                ? "\(file.displayPath): \(diagnostic.code): \(diagnostic.message)" : diagnostic.formatted
        }
        let known = Set(before.map(problem))
        let after = errors(contentURL: contentURL, displayPath: contentDisplayPath, today: today).filter {
            !known.contains(problem($0))
        }
        guard after.isEmpty else {
            try? original.write(to: file.url)
            throw PorticoError.refused(
                "the edited \(file.displayPath) did not load, so it was left as it was:\n"
                    + after.map(\.formatted).joined(separator: "\n"))
        }
        var notes: [String] = []
        if isRetired(edited) {
            notes.append("'\(partnerID)' is retired: its contacts get no access link until its status changes")
        }
        return Added(path: file.displayPath, notes: notes)
    }

    /// Problems that leave a file unreadable, so its text cannot be edited with confidence.
    package static let unreadableCodes: Set<String> = ["yaml-syntax", "yaml-alias-bomb", "duplicate-key", "not-utf8"]

    /// Whether `edited` reads as `original` with one more contact, `contact`, at the end of the
    /// list, and every other value, in order, as it was.
    package static func keepsEverythingElse(_ original: String, _ edited: String, adding contact: NewContact) -> Bool {
        guard case .mapping(let before)? = try? Yams.compose(yaml: original),
            case .mapping(let after)? = try? Yams.compose(yaml: edited)
        else { return false }
        let others = { (mapping: Node.Mapping) in mapping.filter { $0.key.string != "contacts" } }
        guard others(before).map(\.key) == others(after).map(\.key),
            zip(others(before), others(after)).allSatisfy({ $0.value == $1.value })
        else { return false }
        var old: [Node] = []
        if case .sequence(let items)? = before["contacts"] { old = Array(items) }
        guard case .sequence(let items)? = after["contacts"], items.count == old.count + 1,
            zip(old, items).allSatisfy({ $0 == $1 }), case .mapping(let added)? = items.last
        else { return false }
        let expected = ["name": contact.name, "role": contact.role, "email": contact.email].merging(
            contact.since.map { ["since": $0.description] } ?? [:]
        ) { first, _ in first }
        return added.count == expected.count && expected.allSatisfy { added[$0.key]?.string == $0.value }
    }

    /// The command's own values, checked before any file is read.
    package static func check(_ contact: NewContact) throws(PorticoError) {
        for (key, value) in [("name", contact.name), ("role", contact.role)] {
            if value.isEmpty { throw PorticoError.usage("--\(key) is empty") }
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw PorticoError.usage("--\(key) must be one line of text, without control characters")
            }
        }
        guard FieldReader.isEmail(contact.email) else {
            throw PorticoError.usage(
                "'\(contact.email)' is not an email address: write one address such as name@example.com")
        }
    }

    package static func partnerFiles(_ folder: ContentFolder) -> [ContentFolder.File] {
        folder.files(in: "partners", extensions: ["yml", "yaml"], what: "a partner", issues: IssueList())
    }

    /// Every error loading and validating the content gives.
    package static func errors(contentURL: URL, displayPath: String, today: Day) -> [Diagnostic] {
        let log = DiagnosticLog()
        var options = ProjectOptions(date: today)
        (options.contentURL, options.contentDisplayPath) = (contentURL, displayPath)
        _ = Project.load(options, into: log)
        return log.all.filter { $0.severity == .error }
    }

    package static func isRetired(_ text: String) -> Bool {
        guard case .mapping(let root)? = try? Yams.compose(yaml: text) else { return false }
        return root["status"]?.string == "retired"
    }

    // MARK: Addresses already in use

    /// An address someone already has: a contact of a partner, or a team member.
    package struct Address {
        package var email: String
        /// "a contact of 'bridge'", "a team member ('dana')".
        package var owner: String
        /// `content/partners/bridge.yml:12`.
        package var place: String
    }

    /// Every `email` of a contact of any partner, retired ones included, and of the team, read
    /// straight from the YAML so that a file with other mistakes still counts.
    package static func existingAddresses(_ folder: ContentFolder, partnerFiles: [ContentFolder.File]) -> [Address] {
        var found: [Address] = []
        func emails(in node: Node?, at display: String, owner: (Node.Mapping) -> String) {
            guard case .sequence(let items)? = node else { return }
            for case .mapping(let item) in items {
                guard let value = item["email"], let email = value.string else { continue }
                let line = value.mark.map { ":\($0.line)" } ?? ""
                found.append(Address(email: email, owner: owner(item), place: display + line))
            }
        }
        for file in partnerFiles {
            guard let data = FileManager.default.contents(atPath: file.url.path),
                case .mapping(let root)? = try? Yams.compose(yaml: String(decoding: data, as: UTF8.self))
            else { continue }
            emails(in: root["contacts"], at: file.displayPath) { _ in "a contact of '\(file.stem)'" }
        }
        let program = folder.url.appendingPathComponent("program.yml")
        if let data = FileManager.default.contents(atPath: program.path),
            case .mapping(let root)? = try? Yams.compose(yaml: String(decoding: data, as: UTF8.self))
        {
            emails(in: root["team"], at: folder.display("program.yml")) { member in
                member["id"]?.string.map { "the address of team member '\($0)'" } ?? "the address of a team member"
            }
        }
        return found
    }

    // MARK: Editing the text

    /// `text` with `contact` added as the last item of its `contacts` list. Every other line is
    /// kept byte for byte; the new item copies the indentation and field order of the last one.
    package static func inserting(_ contact: NewContact, into text: String) throws(PorticoError) -> String {
        let order = fieldOrder(in: text)
        var lines = SourceLines(text)
        guard let keyIndex = lines.contactsKey() else {
            // No `contacts:` key: a block list at the end of the file.
            lines.ensureFinalLineBreak()
            lines.insert(["contacts:"] + blockItem(contact, order: order, style: .standard), after: lines.lastIndex)
            return lines.text
        }
        let (value, comment) = lines.valueAfterKey(at: keyIndex)
        let compact = value.filter { $0 != " " && $0 != "\t" }
        if compact.isEmpty {
            guard let list = lines.blockList(after: keyIndex) else {
                // `contacts:` with no value (null): the items go right below it.
                lines.insert(blockItem(contact, order: order, style: .standard), after: keyIndex)
                return lines.text
            }
            let style = lines.itemStyle(list)
            lines.insert(blockItem(contact, order: order, style: style), after: list.lastLine)
            return lines.text
        }
        if ["[]", "~", "null", "Null", "NULL"].contains(compact) {
            // An empty list becomes a block list, keeping the line's comment.
            lines.replaceValue(at: keyIndex, keepingComment: comment)
            lines.insert(blockItem(contact, order: order, style: .standard), after: keyIndex)
            return lines.text
        }
        guard value.hasPrefix("[") else {
            throw PorticoError.refused(
                "cannot add to 'contacts' in this file: it is written as '\(value)', not as a list; "
                    + "write it as a list of contacts first")
        }
        let lineStart = text.utf8.index(text.utf8.startIndex, offsetBy: lines.offset(ofLine: keyIndex))
        return try appendingFlow(contact, order: order, to: text, at: lineStart)
    }

    /// The key order of the last contact in the file, then any field it lacks in the default order.
    package static func fieldOrder(in text: String) -> [String] {
        var order: [String] = []
        if case .mapping(let root)? = try? Yams.compose(yaml: text), case .sequence(let items)? = root["contacts"],
            case .mapping(let last)? = items.last
        {
            order = last.keys.compactMap(\.string).filter { defaultOrder.contains($0) }
        }
        return order + defaultOrder.filter { !order.contains($0) }
    }

    /// How the items of a block list are laid out.
    package struct ItemStyle {
        /// Spaces before `-`.
        package var dashIndent: Int
        /// Spaces between `-` and the first key.
        package var gap: Int
        /// Spaces before the other keys.
        package var fieldIndent: Int
        /// The first key on a line of its own, below a bare `-`.
        package var bareDash = false
        /// Items written as flow mappings: `- {name: ..., role: ...}`.
        package var flowMapping = false

        package static let standard = ItemStyle(dashIndent: 2, gap: 1, fieldIndent: 4)
    }

    package static func blockItem(_ contact: NewContact, order: [String], style: ItemStyle) -> [String] {
        let dash = String(repeating: " ", count: style.dashIndent) + "-"
        if style.flowMapping {
            return [dash + String(repeating: " ", count: style.gap) + flowMapping(contact, order: order)]
        }
        let fields = contact.fields(flow: false)
        let indent = String(repeating: " ", count: style.fieldIndent)
        var lines = order.compactMap { key in fields[key].map { indent + key + ": " + $0 } }
        if style.bareDash {
            lines.insert(dash, at: 0)
        } else if !lines.isEmpty {
            lines[0] = dash + String(repeating: " ", count: style.gap) + lines[0].drop { $0 == " " }
        }
        return lines
    }

    package static func flowMapping(_ contact: NewContact, order: [String]) -> String {
        let fields = contact.fields(flow: true)
        return "{" + order.compactMap { key in fields[key].map { key + ": " + $0 } }.joined(separator: ", ") + "}"
    }

    /// Adds the contact as one more flow mapping to a flow list, `contacts: [{...}, {...}]`, which
    /// may span lines: right after the last entry, before any trailing comma, comment or `]`.
    package static func appendingFlow(
        _ contact: NewContact, order: [String], to text: String, at lineStart: String.Index
    ) throws(PorticoError) -> String {
        let entry = flowMapping(contact, order: order)
        let view = text.unicodeScalars
        guard let open = view[lineStart...].firstIndex(of: "[") else {
            throw PorticoError.refused("cannot find where 'contacts' starts")
        }
        var depth = 1
        var lastEntryEnd: String.Index?
        var quote: Unicode.Scalar?
        var inComment = false
        var previous: Unicode.Scalar = "["
        var index = view.index(after: open)
        while index < view.endIndex {
            let scalar = view[index]
            var next = view.index(after: index)
            if inComment {
                if scalar == "\n" || scalar == "\r" { inComment = false }
            } else if let opening = quote {
                if opening == "\"", scalar == "\\", next < view.endIndex {
                    next = view.index(after: next)  // the escaped character
                } else if scalar == opening {
                    if opening == "'", next < view.endIndex, view[next] == "'" {
                        next = view.index(after: next)  // '' is one quote inside single quotes
                    } else {
                        quote = nil
                    }
                }
                lastEntryEnd = next
            } else {
                switch scalar {
                case "#" where [" ", "\t", "\n", "\r"].contains(previous):
                    inComment = true
                case "\"", "'":
                    quote = scalar
                    lastEntryEnd = next
                case "[", "{":
                    depth += 1
                    lastEntryEnd = next
                case "]", "}":
                    depth -= 1
                    if depth == 0 {
                        guard let end = lastEntryEnd else {
                            // `[ ]` over several lines: the entry goes inside the brackets.
                            return String(text[..<index]) + entry + String(text[index...])
                        }
                        return String(text[..<end]) + ", " + entry + String(text[end...])
                    }
                    lastEntryEnd = next
                case " ", "\t", "\n", "\r", ",":
                    break
                default:
                    lastEntryEnd = next
                }
            }
            previous = scalar
            index = next
        }
        throw PorticoError.refused("cannot find where the 'contacts' list ends: its closing ']' is missing")
    }
}
