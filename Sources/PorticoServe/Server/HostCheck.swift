/// Which `Host` headers the preview answers. A page on another site can make a browser reach
/// 127.0.0.1 through DNS rebinding: a name the attacker controls first resolves to their server,
/// then to this machine, and the browser treats the preview as that name's origin, able to read
/// it. Such a request always carries the attacker's name as its Host, so the preview answers only
/// its own address, `localhost`, and addresses written as IP literals (what someone on the
/// network types for a preview served on 0.0.0.0), never another name.
package struct HostCheck: Sendable {
    /// The host the preview was told to listen on (`127.0.0.1`, `::1`, `0.0.0.0`, a name).
    package let servedHost: String

    package init(servedHost: String) {
        self.servedHost = servedHost.lowercased()
    }

    /// Whether a request whose Host header is `header` (nil when it has none) is answered.
    package func allows(_ header: String?) -> Bool {
        guard let header, let name = Self.name(of: header.lowercased()), !name.isEmpty else { return false }
        if name == servedHost || name == "localhost" { return true }
        return Self.isIPv4(name) || name.contains(":")
    }

    /// The host part of `host[:port]` or `[v6]:port`; nil when the header is malformed.
    static func name(of header: String) -> String? {
        if header.hasPrefix("[") {
            guard let close = header.firstIndex(of: "]") else { return nil }
            let rest = header[header.index(after: close)...]
            guard rest.isEmpty || (rest.first == ":" && rest.dropFirst().allSatisfy(\.isASCIIDigit)) else {
                return nil
            }
            return String(header[header.index(after: header.startIndex)..<close])
        }
        let parts = header.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        if parts.count == 2, parts[1].isEmpty || !parts[1].allSatisfy(\.isASCIIDigit) { return nil }
        return String(parts[0])
    }

    static func isIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && (Int(part) ?? 256) <= 255
            }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
