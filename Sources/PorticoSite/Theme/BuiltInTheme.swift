import Foundation
import PorticoAccess
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSupport

/// The default theme, compiled into the binary from `templates/` (see scripts/embed-theme.py).
package enum BuiltInTheme {
    package static let files: [String: Data] = encodedFiles.compactMapValues { encoded in
        Data(base64Encoded: encoded, options: .ignoreUnknownCharacters)
    }
}
