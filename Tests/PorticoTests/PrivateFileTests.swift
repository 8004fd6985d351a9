import Foundation
import Testing

@testable import PorticoProject

/// The files only their owner may read: the master secret (made readable by its owner alone from
/// the first system call, and found through a link as the link's target decides) and the emails,
/// which carry working access links.
@Suite struct PrivateFileTests {
    /// The system calls `portico arguments...` makes on files, as strace (Debian's) records them.
    static func fileCalls(_ arguments: [String], in scratch: Scratch) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments =
            [
                "-f", "-qq", "-e", "trace=open,openat,creat,chmod,fchmod,fchmodat,rename,renameat,renameat2", "-o",
                "calls",
            ]
            + [PorticoRun.binary.path] + arguments
        process.currentDirectoryURL = scratch.url
        process.environment = ["HOME": scratch.url.path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try scratch.read("calls").split(separator: "\n").map(String.init)
    }

    @Test(arguments: [["keys", "init"], ["build", "--date", "2026-11-25"]])
    func theSecretIsCreatedReadableByItsOwnerOnly(arguments: [String]) throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        let calls = try Self.fileCalls(arguments, in: scratch).filter { $0.contains("portico-secret.key") }
        // One call makes it, with mode 0600 and refusing to follow a link or open what exists;
        // nothing renames a temporary copy over it or changes its mode afterwards.
        #expect(calls.count == 1, "\(calls)")
        let creation = try #require(calls.first)
        #expect(creation.contains("O_CREAT") && creation.contains("O_EXCL") && creation.contains("O_NOFOLLOW"))
        #expect(creation.contains(", 0600)"), "\(creation)")
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path("portico-secret.key").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aLinkIsFollowedAndADanglingOneIsNamedAsSuch() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(try PorticoRun.run(["keys", "init"], in: scratch.url).status == 0)
        try FileManager.default.createDirectory(at: scratch.path("vault"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: scratch.path("portico-secret.key"), to: scratch.path("vault/portico.key"))
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("portico-secret.key").path, withDestinationPath: "vault/portico.key")
        // The link's own mode is 0777; the secret behind it is 0600, and that is what counts.
        let linked = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
        #expect(linked.status == 0, "\(linked.stderr)")
        try FileManager.default.removeItem(at: scratch.path("vault/portico.key"))
        let dangling = try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url)
        #expect(dangling.status == 2)
        #expect(
            dangling.stderr
                == "error: portico-secret.key is a link to vault/portico.key, which does not exist; restore the "
                + "secret there, or remove the link to make a new secret (every access link made with the old one "
                + "stops working)\n")
        #expect(!scratch.exists("vault/portico.key"))
    }

    /// Every folder and file below `folder`, with its permission bits.
    static func modes(below folder: URL) throws -> [String: Int] {
        var modes: [String: Int] = [:]
        let manager = FileManager.default
        let root = try manager.attributesOfItem(atPath: folder.path)
        modes["."] = (root[.posixPermissions] as? NSNumber)?.intValue ?? 0
        for case let relative as String in manager.enumerator(atPath: folder.path)?.allObjects ?? [] {
            let attributes = try manager.attributesOfItem(atPath: folder.appendingPathComponent(relative).path)
            modes[relative] = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        }
        return modes
    }

    @Test func theEmailsAreForTheirOwnersEyesOnly() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        try scratch.copyFixture("briefs")
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        let welcome = try PorticoRun.run(
            ["welcome", "acme", "lee@acme.example", "--date", "2026-11-25"], in: scratch.url)
        #expect(welcome.status == 0, "\(welcome.stderr)")
        let modes = try Self.modes(below: scratch.path("mail"))
        #expect(modes.count > 10 && modes.keys.contains { $0.hasPrefix("welcome/") })
        for (path, mode) in modes {
            var isFolder: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: scratch.path("mail/" + path).path, isDirectory: &isFolder))
            #expect(mode == (isFolder.boolValue ? 0o700 : 0o600), "mail/\(path): \(String(mode, radix: 8))")
        }
        // A rebuild keeps the welcome emails, still private.
        #expect(try PorticoRun.run(["build", "--date", "2026-11-25"], in: scratch.url).status == 0)
        #expect(try Self.modes(below: scratch.path("mail")).values.allSatisfy { $0 == 0o700 || $0 == 0o600 })
        let initialised = try Scratch()
        #expect(try PorticoRun.run(["init", "program"], in: initialised.url).status == 0)
        #expect(try initialised.read("program/.gitignore").contains("\nportico-sent.log\n"))
    }

    @Test func aCopyOfTheSecretInTheContentIsRefusedAndSoIsASecretFileThere() throws {
        let scratch = try Scratch()
        try scratch.copyFixture("base")
        #expect(try PorticoRun.run(["keys", "init"], in: scratch.url).status == 0)
        let secret = try scratch.read("portico-secret.key")
        #expect(secret.hasPrefix(String(decoding: SecretFileValidator.prefix, as: UTF8.self)))
        try scratch.write(secret, to: "content/static/backup.txt")
        let copied = try PorticoRun.run(["build", "--date", "2026-11-25", "--no-encrypt"], in: scratch.url)
        #expect(copied.status == 1)
        #expect(
            copied.stderr.contains(
                "content/static/backup.txt:1:1: error: 'content/static/backup.txt' holds a Portico secret; it would be "
                    + "published with the site\n  hint: move it out of the content folder;"))
        #expect(!scratch.exists("site"))
        try FileManager.default.removeItem(at: scratch.path("content/static/backup.txt"))

        try FileManager.default.moveItem(
            at: scratch.path("portico-secret.key"), to: scratch.path("content/portico.key"))
        let inside = try PorticoRun.run(
            ["build", "--date", "2026-11-25", "--secret-file", "content/portico.key"], in: scratch.url)
        #expect(inside.status == 2)
        #expect(
            inside.stderr
                == "error: the secret file content/portico.key is inside the content folder content, from where it "
                + "could be published; keep it beside them (the default is ./portico-secret.key) or put it in "
                + "PORTICO_SECRET\n")
        #expect(!scratch.exists("site"))
    }
}
