import Crypto
import Foundation
import Testing

/// Builds the example program and the fixtures with a fixed secret and date, and compares every
/// file written (site and mail) with the SHA-256 manifest kept in Tests/Fixtures/identity.
/// A change that means to alter output records new manifests with `make identity` in the same
/// commit; any other change must leave these builds byte for byte as they were.
@Suite struct OutputIdentityTests {
    static let secret = String(repeating: "5a", count: 32)
    static let manifests = PorticoRun.fixtures.appendingPathComponent("identity")

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let overlays: [String]
        let arguments: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "example", overlays: [], arguments: []),
        Case(name: "example-clear", overlays: [], arguments: ["--no-encrypt"]),
        Case(name: "base", overlays: ["base"], arguments: []),
        Case(name: "briefs", overlays: ["base", "briefs"], arguments: []),
        Case(name: "library", overlays: ["base", "library"], arguments: []),
        Case(name: "search", overlays: ["base", "search"], arguments: ["--no-encrypt"]),
    ]

    @Test(arguments: cases)
    func buildIsByteIdenticalToItsRecordedManifest(_ identity: Case) throws {
        let scratch = try Scratch()
        if identity.overlays.isEmpty {
            try Scratch.merge(PorticoRun.packageRoot.appendingPathComponent("content"), into: scratch.path("content"))
            try Scratch.merge(
                PorticoRun.packageRoot.appendingPathComponent("templates"), into: scratch.path("templates"))
        } else {
            for overlay in identity.overlays { try scratch.copyFixture(overlay) }
        }
        let run = try PorticoRun.run(
            ["build", "--date", "2026-11-25"] + identity.arguments, in: scratch.url,
            environment: [MasterSecretEnvironment.name: Self.secret])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        var files = try scratch.snapshot("site").map { ("site/" + $0.key, $0.value) }
        files += try scratch.snapshot("mail").map { ("mail/" + $0.key, $0.value) }
        let manifest =
            files.sorted { $0.0 < $1.0 }
            .map { path, bytes in SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() + "  " + path }
            .joined(separator: "\n") + "\n"
        let recorded = Self.manifests.appendingPathComponent(identity.name + ".sha256")
        if ProcessInfo.processInfo.environment["PORTICO_RECORD_IDENTITY"] == "1" {
            try Data(manifest.utf8).write(to: recorded)
            return
        }
        let expected = try String(contentsOf: recorded, encoding: .utf8)
        let differing = Set(manifest.split(separator: "\n")).symmetricDifference(expected.split(separator: "\n"))
        #expect(differing.isEmpty, "files that differ from \(recorded.lastPathComponent): \(differing.sorted())")
    }
}
