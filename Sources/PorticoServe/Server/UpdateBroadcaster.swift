import Foundation
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// Hands each build's update to every open `__portico/events` stream, and the current state to
/// each stream as it opens. Safe to use from any thread.
package final class UpdateBroadcaster: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [UUID: AsyncStream<String>.Continuation] = [:]
    private var current: LiveUpdate
    private var closed = false
    package let pingInterval: Duration

    package init(current: LiveUpdate, pingInterval: Duration = .seconds(15)) {
        self.current = current.state
        self.pingInterval = pingInterval
    }

    /// The text to send on one stream: how soon to reconnect, the current state, then every
    /// update and a comment every `pingInterval` to keep the connection open.
    package func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .unbounded)
        let id = UUID()
        lock.lock()
        defer { lock.unlock() }
        guard !closed else {
            continuation.finish()
            return stream
        }
        continuation.yield("retry: 1000\n\n" + current.event)
        streams[id] = continuation
        let interval = pingInterval
        let pinger = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                continuation.yield(": ping\n\n")
            }
        }
        continuation.onTermination = { [weak self] _ in
            pinger.cancel()
            self?.remove(id)
        }
        return stream
    }

    /// Sends `update` to every open stream and keeps its state for streams opened later.
    package func publish(_ update: LiveUpdate) {
        lock.lock()
        defer { lock.unlock() }
        current = update.state
        for continuation in streams.values {
            continuation.yield(update.event)
        }
    }

    /// Ends every stream, now and from now on: the server is shutting down.
    package func close() {
        lock.lock()
        let open = Array(streams.values)
        streams = [:]
        closed = true
        lock.unlock()
        for continuation in open {
            continuation.finish()
        }
    }

    package var openStreams: Int {
        lock.lock()
        defer { lock.unlock() }
        return streams.count
    }

    private func remove(_ id: UUID) {
        lock.lock()
        defer { lock.unlock() }
        streams[id] = nil
    }
}
