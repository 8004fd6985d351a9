import Foundation

/// JSON written as bytes into `Data` through a small buffer: the index of a large library is
/// tens of megabytes, and a growing array of it, then copied into `Data`, held three times that.
package struct JSONBytes {
    private var data = Data()
    private var pending: [UInt8] = []

    /// `capacity` may be generous: memory reserved and never written is never resident.
    package init(capacity: Int) {
        data.reserveCapacity(capacity)
        pending.reserveCapacity(1 << 16)
    }

    package mutating func append(_ text: String) {
        pending.append(contentsOf: text.utf8)
        flushIfFull()
    }

    package mutating func append(decimal value: UInt32) {
        if value >= 10 { append(decimal: value / 10) }
        pending.append(UInt8(ascii: "0") + UInt8(value % 10))
        flushIfFull()
    }

    private mutating func flushIfFull() {
        guard pending.count >= 1 << 16 else { return }
        data.append(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    package consuming func finished() -> Data {
        data.append(contentsOf: pending)
        return data
    }
}
