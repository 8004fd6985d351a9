import Foundation
import PorticoModel
import PorticoSupport

/// Everything an encrypted build derives from the master secret, worked out once: each
/// group's tag and content key, each person's key and key file.
public struct AccessPlan: Sendable {
    public let secret: MasterSecret
    public let groups: AccessGroups
    package let contentKeys: [String: Data]
    package let tags: [String: String]
    private let peopleByEmail: [String: AccessGroups.Person]

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
        peopleByEmail = Dictionary(groups.people.map { ($0.email, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The fragment of the person with `email`'s link, when they have one.
    public func fragment(email: String) -> String? {
        peopleByEmail[EmailAddress.normalized(email)].map(fragment)
    }

    /// The name of the key file of the person with `email` (`keys/<name>.json` of a built
    /// site), when they have a link.
    package func keyFileName(email: String) -> String? {
        peopleByEmail[EmailAddress.normalized(email)].map { AccessCrypto.keyFileName(personKey: personKey($0)) }
    }

    public func personKey(_ person: AccessGroups.Person) -> Data {
        AccessCrypto.personKey(secret: secret.bytes, email: person.email, epoch: person.epoch)
    }

    /// `#k=...`, added to any page's address.
    public func fragment(_ person: AccessGroups.Person) -> String {
        "#k=" + AccessCrypto.base64url(personKey(person))
    }

    /// A key file for every person, by its name (published as `keys/<name>.json`): their
    /// group's content keys, each wrapped with a key only their own link gives, and the reader
    /// card `card(person)` gives (who they are and where their own pages are), sealed the same way.
    package func keyFiles(card: (AccessGroups.Person) -> String? = { _ in nil }) throws -> [(
        name: String, json: String
    )] {
        try groups.people.map { person in
            let memberships = groups.groups(of: person.email).compactMap { group -> Membership? in
                guard let key = contentKeys[group], let tag = tags[group] else { return nil }
                return Membership(group: group, tag: tag, contentKey: key)
            }
            let personKey = personKey(person)
            let json = try Self.keyFile(
                secret: secret.bytes, email: person.email, personKey: personKey, memberships: memberships,
                readerCard: card(person))
            let name = AccessCrypto.keyFileName(personKey: personKey)
            return (name, json)
        }
    }

    /// A group a person reads, with what the plan already derived for it.
    package struct Membership {
        package var group: String
        package var tag: String
        package var contentKey: Data

        package init(group: String, tag: String, contentKey: Data) {
            self.group = group
            self.tag = tag
            self.contentKey = contentKey
        }
    }

    /// The exact text of a person's key file: each group's content key wrapped with their key,
    /// then their reader card (compact JSON), when they have one.
    package static func keyFile(
        secret: Data, email: String, personKey: Data, memberships: [Membership], readerCard: String? = nil
    ) throws -> String {
        let wrap = AccessCrypto.wrapKey(personKey: personKey)
        var entries: [String] = []
        for membership in memberships {
            let nonce = AccessCrypto.wrapNonce(
                secret: secret, email: email, group: membership.group, contentKey: membership.contentKey)
            let sealed = try AccessCrypto.seal(key: wrap, nonce: nonce, plaintext: membership.contentKey)
            entries.append("\"\(membership.tag)\":\"\(AccessCrypto.base64url(sealed))\"")
        }
        var reader = ""
        if let readerCard {
            let card = Data(readerCard.utf8)
            let nonce = AccessCrypto.readerNonce(secret: secret, email: email, card: card)
            let sealed = try AccessCrypto.seal(key: wrap, nonce: nonce, plaintext: card)
            reader = ",\"reader\":\"\(AccessCrypto.base64url(sealed))\""
        }
        return "{\"v\":1,\"keys\":{" + entries.sorted().joined(separator: ",") + "}" + reader + "}"
    }
}
