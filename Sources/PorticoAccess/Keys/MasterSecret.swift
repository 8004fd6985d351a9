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
    package static let prefix = SecretFileText.prefix

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
        var link = stat()
        guard lstat(file.path, &link) == 0 else { return nil }
        var target = stat()
        // A link is followed; its own mode (0777) says nothing about who can read the secret.
        guard stat(file.path, &target) == 0 else {
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)) ?? "?"
            throw PorticoError.usage(
                "\(displayPath) is a link to \(destination), which does not exist; restore the secret there, "
                    + "or remove the link to make a new secret (every access link made with the old one stops working)")
        }
        guard target.st_mode & 0o077 == 0 else {
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
        var existing = stat()
        guard lstat(file.path, &existing) != 0 else {
            throw PorticoError.usage(
                "\(displayPath) already exists; Portico never replaces a secret, since every access link depends on it")
        }
        let secret = MasterSecret(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
        let text = prefix + AccessCrypto.hex(secret.bytes) + "\n"
        // Created 0600 by the call that makes it, never readable by anyone else in between; and
        // O_EXCL, so that a file or link someone put there meanwhile is not written through.
        if let code = PrivateFiles.createNew(Data(text.utf8), path: file.path) {
            throw PorticoError.usage("could not write \(displayPath): \(String(cString: strerror(code)))")
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
