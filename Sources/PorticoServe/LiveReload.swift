import Foundation

/// What the preview adds to the pages it serves so that they reload themselves: one external
/// script (same-origin, so a Content-Security-Policy of `script-src 'self'` lets it run).
enum LiveReload {
    /// The script tag for a site published under `basePath`.
    static func scriptTag(basePath: String) -> String {
        let encoded = basePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/"
        let escaped = encoded.replacingOccurrences(of: "&", with: "&amp;")
        return "<script src=\"\(escaped)\(RequestRouting.scriptName)\" defer></script>"
    }

    /// `html` with the script tag before its last `</body>`, or at its end when it has none.
    static func inject(into html: Data, basePath: String) -> Data {
        let tag = Data(scriptTag(basePath: basePath).utf8)
        let bytes = [UInt8](html)
        guard let index = lastBodyClose(in: bytes) else { return html + tag }
        var result = Data(bytes[..<index])
        result.append(tag)
        result.append(contentsOf: bytes[index...])
        return result
    }

    /// Where the last `</body` starts, in any letter case.
    static func lastBodyClose(in bytes: [UInt8]) -> Int? {
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
