import PorticoModel
import PorticoSupport

/// Which link targets may appear in generated pages.
package enum URLSafety {
    package static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// True for relative references, fragments and the safe schemes.
    package static func isSafe(_ url: String) -> Bool {
        let trimmed = url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        guard let colon = trimmed.firstIndex(of: ":") else { return true }
        let scheme = trimmed[..<colon]
        // A ':' after '/', '?' or '#' is part of a relative path, not a scheme.
        if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        let normalised = scheme.lowercased().filter { !$0.isWhitespace && $0.isASCII && !$0.isNewline }
        return safeSchemes.contains(normalised)
    }

    package static func shortened(_ url: String) -> String {
        url.count > 40 ? String(url.prefix(37)) + "..." : url
    }
}
