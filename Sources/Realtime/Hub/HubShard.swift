import NIOCore

/// One event loop's share of the hub: its connections and which of them listen to which topic.
///
/// Confined to its event loop, so registering, subscribing and delivering take no lock; the hub reaches it
/// with one `execute` per published frame, and the frame's bytes are shared by every write.
final class HubShard {
    let eventLoop: any EventLoop
    private let metrics: RealtimeMetrics
    private var connections: [ObjectIdentifier: RealtimeConnection] = [:]
    private var subscribers: [String: [ObjectIdentifier: RealtimeConnection]] = [:]
    /// Connections holding delivered frames not yet flushed, and whether their flush is scheduled.
    private var unflushed: [RealtimeConnection] = []
    private var flushScheduled = false

    init(eventLoop: any EventLoop, metrics: RealtimeMetrics) {
        self.eventLoop = eventLoop
        self.metrics = metrics
    }

    /// How many connections this loop serves.
    var connectionCount: Int { connections.count }

    func register(_ connection: RealtimeConnection) {
        guard connections.updateValue(connection, forKey: ObjectIdentifier(connection)) == nil else { return }
        metrics.connectionOpened()
    }

    /// Forgets the connection and all its subscriptions.
    func unregister(_ connection: RealtimeConnection) {
        let id = ObjectIdentifier(connection)
        guard connections.removeValue(forKey: id) != nil else { return }
        metrics.connectionClosed()
        for topic in connection.topics { remove(id, from: topic) }
    }

    func subscribe(_ connection: RealtimeConnection, to topic: String) {
        subscribers[topic, default: [:]][ObjectIdentifier(connection)] = connection
    }

    func unsubscribe(_ connection: RealtimeConnection, from topic: String) {
        remove(ObjectIdentifier(connection), from: topic)
    }

    private func remove(_ id: ObjectIdentifier, from topic: String) {
        guard var members = subscribers[topic] else { return }
        members.removeValue(forKey: id)
        subscribers[topic] = members.isEmpty ? nil : members
    }

    /// Writes the frame to every subscriber of its topic here. The flush comes in a task of its own, after
    /// the frames already queued for this loop: a burst of frames costs each connection one flush (one
    /// system call) instead of one per frame.
    func deliver(_ frame: RealtimeFrame, bytes: ByteBuffer) {
        guard let members = subscribers[frame.topic] else { return }
        for connection in members.values where connection.deliver(frame, bytes: bytes) { unflushed.append(connection) }
        metrics.delivered(members.count)
        guard !unflushed.isEmpty, !flushScheduled else { return }
        flushScheduled = true
        eventLoop.assumeIsolated().execute { self.flushDeliveries() }
    }

    private func flushDeliveries() {
        flushScheduled = false
        let connections = unflushed
        unflushed.removeAll(keepingCapacity: true)
        for connection in connections { connection.flushDeliveries() }
    }

    /// Ends the user's subscriptions to `topic` on this loop.
    func endSubscriptions(userID: String, topic: String, reason: String) {
        guard let members = subscribers[topic] else { return }
        for connection in members.values where connection.userID == userID {
            connection.endSubscription(to: topic, reason: reason)
        }
    }

    /// Closes every connection, for shutdown.
    func closeAll(_ close: RealtimeClose) {
        for connection in connections.values { connection.close(close) }
    }

    /// Runs the periodic checks (heartbeats, idle and auth timeouts, revalidation) on every connection.
    func sweep(now: NIODeadline) {
        for connection in connections.values { connection.sweep(now: now) }
    }
}
