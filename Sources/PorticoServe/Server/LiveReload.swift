import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// What the preview adds to the pages it serves so that they reload themselves: one external
/// script (same-origin, so a Content-Security-Policy of `script-src 'self'` lets it run).
package enum LiveReload {
    /// The script tag for a site published under `basePath`.
    package static func scriptTag(basePath: String) -> String {
        let encoded = basePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"
        let escaped = encoded.replacingOccurrences(of: "&", with: "&amp;")
        return "<script src=\"\(escaped)\(RequestRouting.scriptName)\" defer></script>"
    }

    /// `html` with the script tag before its last `</body>`, or at its end when it has none.
    package static func inject(into html: Data, basePath: String) -> Data {
        let tag = Data(scriptTag(basePath: basePath).utf8)
        let bytes = [UInt8](html)
        guard let index = lastBodyClose(in: bytes) else { return html + tag }
        var result = Data(bytes[..<index])
        result.append(tag)
        result.append(contentsOf: bytes[index...])
        return result
    }

    /// Where the last `</body` starts, in any letter case.
    package static func lastBodyClose(in bytes: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            var matches = true
            for (offset, expected) in needle.enumerated() {
                var byte = bytes[start + offset]
                if byte >= 65 && byte <= 90 { byte += 32 }
                if byte != expected {
                    matches = false
                    break
                }
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }
}
