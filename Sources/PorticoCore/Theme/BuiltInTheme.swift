import Foundation

/// The default theme, compiled into the binary from `templates/` (see scripts/embed-theme.py).
enum BuiltInTheme {
    static let files: [String: Data] = encodedFiles.compactMapValues { encoded in
        Data(base64Encoded: encoded, options: .ignoreUnknownCharacters)
    }
}
