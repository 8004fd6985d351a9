import Foundation
import PorticoModel
import PorticoSupport

/// Encrypts a rendered private page: its real title and the contents of its `<main>` become
/// the sealed payload of a public shell page that says nothing about them.
package struct PageSealer: Sendable {
    package let access: AccessPlan

    package enum Failure: Error {
        case noMain
        case unknownGroup(String)
    }

    /// The shell's `<script type="application/json" id="portico-sealed">` text.
    package func seal(html: String, path: String, group: String, files: [String] = []) throws -> String {
        guard let key = access.contentKeys[group], let tag = access.tags[group] else {
            throw Failure.unknownGroup(group)
        }
        guard let main = Self.mainContents(of: html) else { throw Failure.noMain }
        return try Self.sealedElement(
            contentKey: key, tag: tag, path: path, title: Self.title(of: html), main: main, files: files)
    }

    /// A file of a private asset: its bytes sealed with the group's content key.
    package func sealFile(_ data: Data, path: String, group: String) throws -> Data {
        guard let key = access.contentKeys[group] else { throw Failure.unknownGroup(group) }
        let nonce = AccessCrypto.hkdf(key, "file-nonce\n\(path)\n\(AccessCrypto.hex(AccessCrypto.sha256(data)))", 12)
        return try AccessCrypto.seal(key: key, nonce: nonce, plaintext: data)
    }

    /// The JSON the build writes in a page's `portico-sealed` element.
    package static func sealedElement(
        contentKey key: Data, tag: String, path: String, title: String, main: String, files: [String] = []
    ) throws -> String {
        let plaintext = Data(plaintextJSON(title: title, main: main, files: files).utf8)
        let nonce = AccessCrypto.pageNonce(contentKey: key, path: path, plaintext: plaintext)
        let sealed = try AccessCrypto.seal(key: key, nonce: nonce, plaintext: plaintext)
        return "{\"v\":1,\"group\":\"\(tag)\",\"data\":\"\(AccessCrypto.base64url(sealed))\"}"
    }

    /// `{"title":...,"main":...}`, and `"files":[...]` after them when the page has sealed files.
    package static func plaintextJSON(title: String, main: String, files: [String] = []) -> String {
        let list = files.isEmpty ? "" : ",\"files\":[" + files.map(JSONText.quoted).joined(separator: ",") + "]"
        return "{\"title\":" + JSONText.quoted(title) + ",\"main\":" + JSONText.quoted(main) + list + "}"
    }

    /// What is between the page's `<main ...>` and its last `</main>`. Searched as UTF-8 bytes:
    /// this runs for every private page, and Foundation's string search is slow.
    package static func mainContents(of html: String) -> String? {
        let bytes = Array(html.utf8)
        guard let open = find(Array("<main".utf8), in: bytes, from: 0),
            let openEnd = bytes[open...].firstIndex(of: UInt8(ascii: ">")),
            let close = findLast(Array("</main>".utf8), in: bytes), close > openEnd
        else { return nil }
        return String(decoding: bytes[(openEnd + 1)..<close], as: UTF8.self)
    }

    /// The `<title>` text, with the entities a template writes turned back into characters.
    package static func title(of html: String) -> String {
        let bytes = Array(html.utf8)
        guard let open = find(Array("<title>".utf8), in: bytes, from: 0),
            let close = find(Array("</title>".utf8), in: bytes, from: open + 7)
        else { return "" }
        let text = String(decoding: bytes[(open + 7)..<close], as: UTF8.self)
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    package static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    package static func findLast(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var index = bytes.count - needle.count
        while index >= 0 {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    package init(access: AccessPlan) {
        self.access = access
    }
}
