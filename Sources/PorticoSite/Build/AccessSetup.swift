import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The access step of a build: finds (or makes) the master secret and reads the epochs, so the
/// plan can encrypt private pages. Kept out of `Pipeline.run` so the stages stay readable.
package enum AccessSetup {
    package struct Result {
        package var plan: AccessPlan?
        package var notes: [String] = []
        package var alerts: [String] = []
    }

    package static func prepare(_ options: BuildOptions, content: Content) throws(PorticoError) -> Result {
        guard options.encrypt else {
            return Result(
                plan: nil,
                alerts: [
                    "warning: --no-encrypt: every page, partner pages and contacts included, is written in the clear; "
                        + "publish this site only behind access control of your own (docs/publishing.md)"
                ])
        }
        var result = Result()
        try refusePublishedSecretFile(options)
        var secret = try options.keys.secret()
        if secret == nil {
            if options.requireSecret {
                throw PorticoError.usage(
                    "no secret: set \(MasterSecret.environmentVariable) or write \(options.keys.secretDisplayPath) "
                        + "with 'portico keys init' (--require-secret refuses to make one)")
            }
            if options.writesOutput {
                secret = try options.keys.createSecret()
                result.notes.append(
                    "Made a new secret in \(options.keys.secretDisplayPath). Keep it and back it up, outside git: "
                        + "every access link derives from it, and without it everyone needs a new link.")
            } else {
                // `portico check` writes nothing; any secret checks the same things.
                secret = MasterSecret(bytes: Data(repeating: 0, count: 32))
            }
        }
        guard let secret else { return result }
        result.plan = try options.keys.plan(secret: secret, content: content)
        return result
    }

    /// A secret file in the content folder could be published with it (content/static/ is copied
    /// as it is), and one in the output folder is published by definition.
    static func refusePublishedSecretFile(_ options: BuildOptions) throws(PorticoError) {
        guard options.keys.environment[MasterSecret.environmentVariable] == nil else { return }
        let resolved = { (url: URL) in url.standardizedFileURL.resolvingSymlinksInPath().path }
        let secret = resolved(options.keys.secretURL)
        let folders = [
            (resolved(options.project.contentURL), "the content folder " + options.project.contentDisplayPath),
            (resolved(options.outputURL), "the output folder " + options.outputDisplayPath),
        ]
        for (folder, name) in folders where secret.hasPrefix(folder + "/") {
            throw PorticoError.usage(
                "the secret file \(options.keys.secretDisplayPath) is inside \(name), from where it could be "
                    + "published; keep it beside them (the default is ./\(MasterSecret.defaultFile)) or put it in "
                    + MasterSecret.environmentVariable)
        }
    }

    /// A portal below the root of its origin (`https://example.com/partners/`) shares the
    /// browser's storage with every other page of that origin, which can then read each
    /// visitor's stored key (docs/security.md, "One origin per portal").
    package static func sharedOrigin(_ program: Program) -> Diagnostic? {
        guard let base = program.baseURL, let url = URL(string: base), !url.path.isEmpty, url.path != "/" else {
            return nil
        }
        let origin = "\(url.scheme ?? "https")://\(url.host ?? "")\(url.port.map { ":\($0)" } ?? "")/"
        return .warning(
            "shared-origin",
            "base_url \(base) is below the root of \(origin): every page of that origin can read the keys this "
                + "portal keeps in its visitors' browsers",
            at: program.baseURLLocation ?? program.source,
            hint: "publish the portal at the root of an origin of its own, such as a subdomain "
                + "(partners.example.com), where no other page runs")
    }
}
