import Crypto
import Foundation
import PorticoModel
import PorticoSupport

/// The derivations and sealing of docs/security.md ("Cryptography, version 1"), in one place.
/// Every value is derived from the master secret, so two builds of the same input are
/// byte-identical; the page script (static/unlock.js) and the Python reference
/// (scripts/site_checks/portal_crypto.py) follow the same document and the same test vectors.
package enum AccessCrypto {
    package static let salt = Data("portico/v1".utf8)

    package static func hkdf(_ ikm: Data, _ info: String, _ count: Int) -> Data {
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: ikm), salt: salt, info: Data(info.utf8), outputByteCount: count)
        return key.withUnsafeBytes { Data($0) }
    }

    package static func personKey(secret: Data, email: String, epoch: Int) -> Data {
        hkdf(secret, "person\n\(email)\n\(epoch)", 16)
    }

    package static func keyFileName(personKey: Data) -> String {
        base64url(hkdf(personKey, "key-file", 16))
    }

    package static func wrapKey(personKey: Data) -> Data { hkdf(personKey, "wrap", 32) }

    package static func groupTag(secret: Data, group: String) -> String {
        base64url(hkdf(secret, "group-tag\n\(group)", 9))
    }

    /// `email epoch` lines sorted by email.
    package static func memberList(_ members: [String: Int]) -> String {
        members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { "\($0) \(members[$0] ?? 0)" }.joined(separator: "\n")
    }

    package static func contentKey(secret: Data, group: String, members: [String: Int]) -> Data {
        hkdf(secret, "content\n\(group)\n\(memberList(members))", 32)
    }

    package static func wrapNonce(secret: Data, email: String, group: String, contentKey: Data) -> Data {
        hkdf(secret, "wrap-nonce\n\(email)\n\(group)\n\(hex(sha256(contentKey)))", 12)
    }

    package static func pageNonce(contentKey: Data, path: String, plaintext: Data) -> Data {
        hkdf(contentKey, "page-nonce\n\(path)\n\(hex(sha256(plaintext)))", 12)
    }

    /// The nonce of a reader card: it depends on the card, so a changed card never reuses one
    /// under the same wrap key.
    package static func readerNonce(secret: Data, email: String, card: Data) -> Data {
        hkdf(secret, "reader-nonce\n\(email)\n\(hex(sha256(card)))", 12)
    }

    package static func partnerPathSegment(secret: Data, partnerID: String) -> String {
        base32(hkdf(secret, "partner-path\n\(partnerID)", 10))
    }

    /// The folder of a team-only asset below `assets/`: its id would tell the host what it is.
    package static func assetPathSegment(secret: Data, assetID: String) -> String {
        base32(hkdf(secret, "asset-path\n\(assetID)", 10))
    }

    /// `nonce ‖ ciphertext ‖ tag`.
    package static func seal(key: Data, nonce: Data, plaintext: Data) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: SymmetricKey(data: key), nonce: AES.GCM.Nonce(data: nonce))
        return nonce + box.ciphertext + box.tag
    }

    package static func open(key: Data, sealed: Data) throws -> Data {
        let box = try AES.GCM.SealedBox(combined: sealed)
        return try AES.GCM.open(box, using: SymmetricKey(data: key))
    }

    // MARK: Encodings

    package static func sha256(_ data: Data) -> Data { Data(SHA256.hash(data: data)) }

    package static func hex(_ data: Data) -> String {
        data.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// Byte by byte: a sealed page is tens of kilobytes, and Foundation's string replacing is slow.
    package static func base64url(_ data: Data) -> String {
        var bytes = [UInt8](data.base64EncodedData())
        while bytes.last == UInt8(ascii: "=") { bytes.removeLast() }
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "+") {
                bytes[index] = UInt8(ascii: "-")
            } else if bytes[index] == UInt8(ascii: "/") {
                bytes[index] = UInt8(ascii: "_")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 4648 base32, lower case, without padding.
    package static func base32(_ data: Data) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var result = ""
        var buffer = 0
        var bits = 0
        for byte in data {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                result.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { result.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return result
    }
}
