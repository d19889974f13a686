import Foundation
import Synchronization

/// Publish/subscribe within one process: the embedded default.
public final class InProcessPubSub: PubSub {
    private let subscribers = Mutex<[String: [UUID: AsyncStream<PubSubEvent>.Continuation]]>([:])

    /// Creates a hub with no subscribers.
    public init() {}

    public func publish(_ message: String, on channel: String) async throws {
        let targets = subscribers.withLock { Array(($0[channel] ?? [:]).values) }
        for continuation in targets { continuation.yield(.message(message)) }
    }

    public func subscribe(to channel: String) -> AsyncStream<PubSubEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<PubSubEvent>.makeStream(bufferingPolicy: .bufferingNewest(1_000))
        subscribers.withLock { $0[channel, default: [:]][id] = continuation }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0[channel]?.removeValue(forKey: id) }
        }
        return stream
    }
}
