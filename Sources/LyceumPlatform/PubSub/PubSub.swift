/// What a subscription delivers.
public enum PubSubEvent: Sendable, Equatable {
    /// A message published on the channel, by this process or another.
    case message(String)
    /// The subscription is listening, for the first time or again after it was lost: messages published
    /// before may have been missed, so subscribers should assume anything may have changed.
    case resubscribed
}

/// Messages between the processes of one installation (cache invalidation now; real-time fan-out later).
///
/// The embedded implementation delivers within the process; on PostgreSQL, `LISTEN/NOTIFY` reaches every
/// replica. Messages are small (ids and tags, at most a few hundred bytes); large payloads travel by id.
public protocol PubSub: Sendable {
    /// Publishes `message` on `channel` to every current subscriber of every process.
    func publish(_ message: String, on channel: String) async throws
    /// Every message published on `channel` from now until the stream's consumer stops.
    func subscribe(to channel: String) -> AsyncStream<PubSubEvent>
}
