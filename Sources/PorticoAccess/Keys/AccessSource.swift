import Foundation
import PorticoModel
import PorticoSupport

/// Where an encrypted portal's keys come from: the master secret (`PORTICO_SECRET`, or its file)
/// and the access epochs. Every command that derives a key reads them through this.
public struct AccessSource: Sendable {
    public var secretURL: URL
    public var secretDisplayPath: String
    public var accessURL: URL
    public var accessDisplayPath: String
    public var environment: [String: String]

    public init(
        secretFile: String = MasterSecret.defaultFile, accessFile: String = AccessEpochs.defaultFile,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        secretURL = URL(fileURLWithPath: secretFile)
        secretDisplayPath = secretFile
        accessURL = URL(fileURLWithPath: accessFile)
        accessDisplayPath = accessFile
        self.environment = environment
    }

    /// The secret from the environment or the file; nil when neither has one.
    public func secret() throws(PorticoError) -> MasterSecret? {
        try MasterSecret.find(file: secretURL, displayPath: secretDisplayPath, environment: environment)
    }

    /// A new secret in the file; refuses to replace one.
    public func createSecret() throws(PorticoError) -> MasterSecret {
        try MasterSecret.create(file: secretURL, displayPath: secretDisplayPath)
    }

    /// The keys of `content` from `secret` and the stored epochs.
    public func plan(secret: MasterSecret, content: Content) throws(PorticoError) -> AccessPlan {
        AccessPlan(
            secret: secret, content: content, epochs: try AccessEpochs.load(accessURL, displayPath: accessDisplayPath))
    }
}
