import Foundation
import PorticoAccess
import PorticoAuthoring
import PorticoImport
import PorticoMail
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoServe
import PorticoSite
import PorticoSupport
import Testing

/// The build's cryptography against the vectors of an independent implementation
/// (scripts/siteChecks/portalCrypto.py, Python's `cryptography`), both following
/// docs/security.md. Tests/Fixtures/crypto/vectors.json is that program's output.
@Suite struct AccessCryptoTests {
    struct Person: Decodable {
        var email: String
        var epoch: Int
        var personKeyHex: String
        var linkFragment: String
        var keyFileName: String
        var wrapKeyHex: String
        /// Absent after a rotation, where the groups are those of the person before it.
        var groups: [String]?
        var keyFileJson: String
    }

    struct Group: Decodable {
        var group: String
        var members: [String: Int]
        var memberList: String
        var groupTag: String
        var contentKeyHex: String
    }

    struct Vectors: Decodable {
        struct HKDFCase: Decodable {
            var info: String
            var length: Int
            var outputHex: String
        }
        struct People: Decodable {
            struct Written: Decodable {
                var written: String
                var email: String
            }
            struct Refused: Decodable { var written: [String] }
            var derived: [Person]
            var written: [Written]
            var refused: Refused
        }
        struct Groups: Decodable { var groups: [Group] }
        struct Order: Decodable {
            var members: [String: Int]
            var memberList: String
        }
        struct Segments: Decodable { var segments: [String: String] }
        struct SealedPage: Decodable {
            var group: String
            var path: String
            var title: String
            var main: String
            var contentKeyHex: String
            var plaintext: String
            var sealedElementText: String
        }
        struct Escaping: Decodable {
            struct Case: Decodable {
                var input: String
                var plaintext: String
            }
            var cases: [Case]
        }
        struct Seal: Decodable {
            var keyHex: String
            var nonceHex: String
            var plaintext: String
            var sealedHex: String
        }
        struct Rotation: Decodable {
            struct RotatedGroup: Decodable {
                var group: String
                var memberList: String
                var contentKeyHex: String
            }
            var peopleAfter: [Person]
            var groupsAfter: [RotatedGroup]
        }
        var secretHex: String
        var hkdf: HKDFCase
        var people: People
        var groups: Groups
        var memberListOrder: Order
        var partnerPathSegments: Segments
        var assetPathSegments: Segments
        var sealedPage: SealedPage
        var jsonEscaping: Escaping
        var seal: Seal
        var rotation: Rotation
    }

    let vectors: Vectors
    let secret: Data

    init() throws {
        let url = PorticoRun.fixtures.appendingPathComponent("crypto/vectors.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        vectors = try decoder.decode(Vectors.self, from: Data(contentsOf: url))
        secret = try #require(MasterSecret.decodeHex(vectors.secretHex))
    }

    func hex(_ data: Data) -> String { AccessCrypto.hex(data) }

    @Test func hkdfMatches() {
        #expect(hex(AccessCrypto.hkdf(secret, vectors.hkdf.info, vectors.hkdf.length)) == vectors.hkdf.outputHex)
    }

    @Test func eachPersonsKeysLinkAndKeyFileMatch() throws {
        try check(vectors.people.derived, groups: vectors.groups.groups)
    }

    @Test func groupTagsMemberListsAndContentKeysMatch() {
        for group in vectors.groups.groups {
            #expect(AccessCrypto.memberList(group.members) == group.memberList, "\(group.group)")
            #expect(AccessCrypto.groupTag(secret: secret, group: group.group) == group.groupTag)
            #expect(
                hex(AccessCrypto.contentKey(secret: secret, group: group.group, members: group.members))
                    == group.contentKeyHex)
        }
        let order = vectors.memberListOrder
        #expect(AccessCrypto.memberList(order.members) == order.memberList)
    }

    @Test func assetPathSegmentsMatch() {
        #expect(vectors.assetPathSegments.segments.count == 2)
        for (id, segment) in vectors.assetPathSegments.segments {
            #expect(AccessCrypto.assetPathSegment(secret: secret, assetID: id) == segment, "\(id)")
        }
    }

    @Test func partnerPathSegmentsMatch() {
        for (id, segment) in vectors.partnerPathSegments.segments {
            #expect(AccessCrypto.partnerPathSegment(secret: secret, partnerID: id) == segment)
        }
    }

    @Test func aSealedPageMatchesByteForByte() throws {
        let page = vectors.sealedPage
        let key = try #require(MasterSecret.decodeHex(page.contentKeyHex))
        #expect(PageSealer.plaintextJSON(title: page.title, main: page.main) == page.plaintext)
        let element = try PageSealer.sealedElement(
            contentKey: key, tag: AccessCrypto.groupTag(secret: secret, group: page.group), path: page.path,
            title: page.title, main: page.main)
        #expect(element == page.sealedElementText)
        for escaping in vectors.jsonEscaping.cases {
            #expect(PageSealer.plaintextJSON(title: escaping.input, main: "") == escaping.plaintext)
        }
    }

    @Test func sealAndOpenRoundTrip() throws {
        let seal = vectors.seal
        let key = try #require(MasterSecret.decodeHex(seal.keyHex))
        let nonce = try #require(MasterSecret.decodeHex(seal.nonceHex))
        let sealed = try AccessCrypto.seal(key: key, nonce: nonce, plaintext: Data(seal.plaintext.utf8))
        #expect(hex(sealed) == seal.sealedHex)
        #expect(try AccessCrypto.open(key: key, sealed: sealed) == Data(seal.plaintext.utf8))
        var tampered = sealed
        tampered[tampered.count - 1] ^= 1
        #expect(throws: (any Error).self) { try AccessCrypto.open(key: key, sealed: tampered) }
    }

    @Test func rotatingOnePersonChangesExactlyWhatTheVectorsSay() throws {
        let groups = vectors.rotation.groupsAfter.map { rotated -> Group in
            var members: [String: Int] = [:]
            for line in rotated.memberList.split(separator: "\n") {
                let parts = line.split(separator: " ")
                members[String(parts[0])] = Int(parts[1]) ?? -1
            }
            return Group(
                group: rotated.group, members: members, memberList: rotated.memberList,
                groupTag: AccessCrypto.groupTag(secret: secret, group: rotated.group),
                contentKeyHex: rotated.contentKeyHex)
        }
        for group in groups {
            #expect(
                hex(AccessCrypto.contentKey(secret: secret, group: group.group, members: group.members))
                    == group.contentKeyHex, "\(group.group)")
        }
        try check(vectors.rotation.peopleAfter, groups: groups)
    }

    func check(_ people: [Person], groups: [Group]) throws {
        let keys = Dictionary(
            uniqueKeysWithValues: groups.map {
                ($0.group, AccessCrypto.contentKey(secret: secret, group: $0.group, members: $0.members))
            })
        let groupsBefore = Dictionary(
            uniqueKeysWithValues: vectors.people.derived.map { ($0.email, $0.groups ?? []) })
        for person in people {
            let memberOf = person.groups ?? groupsBefore[person.email] ?? []
            let key = AccessCrypto.personKey(secret: secret, email: person.email, epoch: person.epoch)
            #expect(hex(key) == person.personKeyHex, "\(person.email)")
            #expect("#k=" + AccessCrypto.base64url(key) == person.linkFragment)
            #expect("keys/" + AccessCrypto.keyFileName(personKey: key) + ".json" == person.keyFileName)
            #expect(hex(AccessCrypto.wrapKey(personKey: key)) == person.wrapKeyHex)
            let json = try AccessPlan.keyFile(
                secret: secret, email: person.email, personKey: key,
                memberships: memberOf.compactMap { group in
                    keys[group].map {
                        AccessPlan.Membership(
                            group: group, tag: AccessCrypto.groupTag(secret: secret, group: group), contentKey: $0)
                    }
                })
            #expect(json == person.keyFileJson, "\(person.email)")
        }
    }

    /// Addresses are compared and derived from in ASCII lower case, as the reference does; one
    /// with other characters is refused where the content writes it.
    @Test func addressesAreNormalisedAsTheReferenceDoesAndOthersAreRefused() throws {
        for person in vectors.people.written {
            #expect(EmailAddress.normalized(person.written) == person.email, "\(person.written)")
        }
        #expect(vectors.people.refused.written.count >= 3)
        for address in vectors.people.refused.written {
            let scratch = try Scratch()
            try scratch.copyFixture("base")
            let acme = try scratch.read("content/partners/acme.yml")
            try scratch.write(
                acme.replacingOccurrences(of: "email: lee@acme.example", with: "email: \(address)"),
                to: "content/partners/acme.yml")
            let run = try PorticoRun.run(["check", "--date", "2026-11-25"], in: scratch.url)
            #expect(run.status == 1)
            #expect(
                run.stderr.hasPrefix(
                    "content/partners/acme.yml:13:12: error: '\(address)' in 'email' has characters outside ASCII\n"),
                "\(run.stderr)")
        }
    }
}
