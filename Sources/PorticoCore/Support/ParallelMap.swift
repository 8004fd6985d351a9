import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input.
    func parallelMap<Mapped: Sendable>(_ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
        let results = ResultSlots<Mapped>(count: count)
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                results.set(index, transform(elements[index]))
            }
        }
        return results.values
    }
}

/// Output slots filled by parallel workers, each slot written once.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots.compactMap { $0 } }
}
