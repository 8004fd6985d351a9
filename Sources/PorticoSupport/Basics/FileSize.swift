/// File sizes as people read them, the same on every machine (decimal units, one decimal).
package enum FileSize {
    package static func describe(_ bytes: Int) -> String {
        let units = ["KB", "MB", "GB"]
        guard bytes >= 1000 else { return "\(bytes) bytes" }
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }
}
