import Crypto
import Foundation
import PorticoModel
import PorticoSupport

/// The 32 bytes every key and private path derive from. It lives outside content/ and site/:
/// in `PORTICO_SECRET` (for CI) or in a file only its owner may read.
public struct MasterSecret: Sendable {
    public let bytes: Data

    public static let environmentVariable = "PORTICO_SECRET"
    public static let defaultFile = "portico-secret.key"
    package static let prefix = "portico-secret-v1:"

    public init(bytes: Data) {
        self.bytes = bytes
    }

    /// Where the secret came from, for the build's notes.
    public enum Origin: Sendable, Equatable {
        case environment
        case file
        /// Made by this run, because there was none.
        case created
    }

    /// The secret from the environment or `file`; nil when neither has one.
    public static func find(file: URL, displayPath: String, environment: [String: String]) throws(PorticoError)
        -> MasterSecret?
    {
        if let value = environment[environmentVariable] {
            guard let bytes = decodeHex(value.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32
            else {
                throw PorticoError.usage("\(environmentVariable) must hold the secret's 64 hexadecimal digits")
            }
            return MasterSecret(bytes: bytes)
        }
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else {
            throw PorticoError.usage(
                "\(displayPath) can be read or changed by other users of this machine; "
                    + "run 'chmod 600 \(displayPath)' if they never had it, or make a new secret with 'portico keys init'"
            )
        }
        guard let text = try? String(contentsOf: file, encoding: .utf8),
            text.hasPrefix(prefix),
            let bytes = decodeHex(String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespacesAndNewlines)),
            bytes.count == 32
        else {
            throw PorticoError.usage(
                "\(displayPath) is not a Portico secret file (it should hold '\(prefix)' and 64 hex digits)")
        }
        return MasterSecret(bytes: bytes)
    }

    /// A new random secret written to `file` with mode 0600; refuses to replace one.
    public static func create(file: URL, displayPath: String) throws(PorticoError) -> MasterSecret {
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw PorticoError.usage(
                "\(displayPath) already exists; Portico never replaces a secret, since every access link depends on it")
        }
        let secret = MasterSecret(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
        let text = prefix + AccessCrypto.hex(secret.bytes) + "\n"
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw PorticoError.usage("could not write \(displayPath)")
        }
        return secret
    }

    package static func decodeHex(_ text: String) -> Data? {
        guard text.count % 2 == 0 else { return nil }
        var bytes = Data()
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
