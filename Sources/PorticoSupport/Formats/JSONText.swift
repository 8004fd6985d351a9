/// JSON text written by hand where the exact bytes matter (sealed pages, search indexes).
package enum JSONText {
    /// A JSON string as Python's `json.dumps(ensure_ascii=False)` writes it, so the Swift build
    /// and the reference implementation (scripts/site_checks) write byte-identical text. Built as UTF-8 bytes.
    package static func quoted(_ text: String) -> String {
        var result: [UInt8] = [UInt8(ascii: "\"")]
        result.reserveCapacity(text.utf8.count + 16)
        let backslash = UInt8(ascii: "\\")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), backslash: result += [backslash, byte]
            case 0x0A: result += [backslash, UInt8(ascii: "n")]
            case 0x0D: result += [backslash, UInt8(ascii: "r")]
            case 0x09: result += [backslash, UInt8(ascii: "t")]
            case 0x08: result += [backslash, UInt8(ascii: "b")]
            case 0x0C: result += [backslash, UInt8(ascii: "f")]
            case 0x00..<0x20: result += Array(("\\u" + String(byte, radix: 16).leftPadded(to: 4)).utf8)
            default: result.append(byte)
            }
        }
        result.append(UInt8(ascii: "\""))
        return String(decoding: result, as: UTF8.self)
    }
}
