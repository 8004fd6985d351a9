import Foundation
import PorticoModel
import PorticoSupport

/// A copy of the master secret among the files a build publishes (content/static/, an asset's
/// files) would hand every key to whoever downloads it, encrypted or not: each key derives from
/// it. Found by its first bytes, whatever the file is called.
package enum SecretFileValidator {
    package static let prefix = Data(SecretFileText.prefix.utf8)

    package static func check(_ files: [AssetFile]) -> [Diagnostic] {
        files.filter { isSecret($0.url) }.map { file in
            .error(
                "secret-in-content",
                "'\(file.displayPath)' holds a Portico secret; it would be published with the site",
                at: SourceLocation(file: file.displayPath),
                hint: "move it out of the content folder; if it was ever published or committed, every access link "
                    + "made with it is exposed: make a new secret and send everyone their new links")
        }
    }

    package static func isSecret(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: prefix.count)) == prefix
    }
}
