import Dispatch

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input.
    package func parallelMap<Mapped: Sendable>(_ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
        // Each worker initialises its own slots of the result: no lock, and no array of optionals
        // copied into the result afterwards, a second copy of every result of a large library.
        withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            return [Mapped](unsafeUninitializedCapacity: elements.count) { slots, initialized in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    if let first = slots.baseAddress { (first + index).initialize(to: transform(elements[index])) }
                }
                initialized = elements.count
            }
        }
    }
}
