import Foundation

/// Collects the diagnostics of one run from every stage, including pages rendered in parallel.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
    }

    public func report(contentsOf diagnostics: [Diagnostic]) {
        lock.lock()
        items.append(contentsOf: diagnostics)
        lock.unlock()
    }

    /// Every diagnostic so far, in source order, each reported once.
    public var all: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return Self.sorted(items)
    }

    /// Diagnostics in source order, each once.
    package static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.sorted().filter { seen.insert($0).inserted }
    }

    public var hasErrors: Bool {
        lock.lock()
        defer { lock.unlock() }
        return items.contains { $0.severity == .error }
    }
}
