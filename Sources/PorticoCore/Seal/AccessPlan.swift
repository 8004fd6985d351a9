import Foundation

/// Everything an encrypted build derives from the master secret, worked out once: each
/// group's tag and content key, each person's key and key file.
public struct AccessPlan: Sendable {
    public let secret: MasterSecret
    public let groups: AccessGroups
    let contentKeys: [String: Data]
    let tags: [String: String]

    public init(secret: MasterSecret, content: Content, epochs: AccessEpochs) {
        self.secret = secret
        groups = AccessGroups(content: content, epochs: epochs)
        var keys: [String: Data] = [:]
        var tags: [String: String] = [:]
        for (group, members) in groups.members {
            keys[group] = AccessCrypto.contentKey(secret: secret.bytes, group: group, members: members)
            tags[group] = AccessCrypto.groupTag(secret: secret.bytes, group: group)
        }
        contentKeys = keys
        self.tags = tags
    }

    public func personKey(_ person: AccessGroups.Person) -> Data {
        AccessCrypto.personKey(secret: secret.bytes, email: person.email, epoch: person.epoch)
    }

    /// `#k=...`, added to any page's address.
    public func fragment(_ person: AccessGroups.Person) -> String {
        "#k=" + AccessCrypto.base64url(personKey(person))
    }

    /// `keys/<name>.json` for every person: their group's content keys, each wrapped with a key
    /// only their own link gives.
    func keyFiles() throws -> [PlannedOutput] {
        try groups.people.map { person in
            let key = personKey(person)
            let wrap = AccessCrypto.wrapKey(personKey: key)
            var entries: [String] = []
            for group in groups.groups(of: person.email) {
                guard let content = contentKeys[group], let tag = tags[group] else { continue }
                let nonce = AccessCrypto.wrapNonce(
                    secret: secret.bytes, email: person.email, group: group, contentKey: content)
                let sealed = try AccessCrypto.seal(key: wrap, nonce: nonce, plaintext: content)
                entries.append("\"\(tag)\":\"\(AccessCrypto.base64url(sealed))\"")
            }
            let json = "{\"v\":1,\"keys\":{" + entries.sorted().joined(separator: ",") + "}}"
            let name = AccessCrypto.keyFileName(personKey: key)
            return PlannedOutput(path: Routes.keysFolder + name + ".json", content: .text(json))
        }
    }
}
