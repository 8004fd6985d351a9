import Foundation

/// Encrypts a rendered private page: its real title and the contents of its `<main>` become
/// the sealed payload of a public shell page that says nothing about them.
struct PageSealer: Sendable {
    let access: AccessPlan

    enum Failure: Error {
        case noMain
        case unknownGroup(String)
    }

    /// The shell's `<script type="application/json" id="portico-sealed">` text.
    func seal(html: String, path: String, group: String) throws -> String {
        guard let key = access.contentKeys[group], let tag = access.tags[group] else {
            throw Failure.unknownGroup(group)
        }
        guard let main = Self.mainContents(of: html) else { throw Failure.noMain }
        return try Self.sealedElement(contentKey: key, tag: tag, path: path, title: Self.title(of: html), main: main)
    }

    /// The JSON the build writes in a page's `portico-sealed` element.
    static func sealedElement(contentKey key: Data, tag: String, path: String, title: String, main: String) throws
        -> String
    {
        let plaintext = Data(plaintextJSON(title: title, main: main).utf8)
        let nonce = AccessCrypto.pageNonce(contentKey: key, path: path, plaintext: plaintext)
        let sealed = try AccessCrypto.seal(key: key, nonce: nonce, plaintext: plaintext)
        return "{\"v\":1,\"group\":\"\(tag)\",\"data\":\"\(AccessCrypto.base64url(sealed))\"}"
    }

    static func plaintextJSON(title: String, main: String) -> String {
        "{\"title\":" + json(title) + ",\"main\":" + json(main) + "}"
    }

    /// What is between the page's `<main ...>` and its last `</main>`.
    static func mainContents(of html: String) -> String? {
        guard let open = html.range(of: "<main"), let openEnd = html[open.upperBound...].firstIndex(of: ">"),
            let close = html.range(of: "</main>", options: .backwards), close.lowerBound > openEnd
        else { return nil }
        return String(html[html.index(after: openEnd)..<close.lowerBound])
    }

    /// The `<title>` text, with the entities a template writes turned back into characters.
    static func title(of html: String) -> String {
        guard let open = html.range(of: "<title>"),
            let close = html.range(of: "</title>", range: open.upperBound..<html.endIndex)
        else { return "" }
        return String(html[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A JSON string as Python's `json.dumps(ensure_ascii=False)` writes it, so the Swift build
    /// and the reference implementation seal byte-identical plaintexts.
    static func json(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 {
                    result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
