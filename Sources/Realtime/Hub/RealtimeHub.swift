import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle
import Synchronization

/// This replica's real-time connections, and the fan-out of frames to them from every replica.
///
/// Every frame travels through `PubSub` (in process when embedded, `LISTEN/NOTIFY` on PostgreSQL), and a
/// replica writes only what it hears there, its own frames included: one path for one replica or many.
/// Connections live in one `HubShard` per event loop; a frame is turned into bytes once and each shard writes
/// those bytes to its subscribers. The hub also turns `NotificationChannel` announcements into
/// `notification.created` events on the recipient's `user:` topic. On shutdown it closes every connection
/// with 1001 so clients reconnect, to another replica during a rolling deploy, and resume.
public final class RealtimeHub: RealtimePublisher, Service {
    private let pubSub: any PubSub
    private let logger: Logger
    /// The socket's figures on `/metrics`.
    let metrics: RealtimeMetrics
    private let sweepInterval: Duration
    private let shards = NIOLockedValueBox<[ObjectIdentifier: NIOLoopBound<HubShard>]>([:])
    private let sweeps = NIOLockedValueBox<[RepeatedTask]>([])
    private let storedFrames = NIOLockedValueBox<[String: any RealtimeTopics]>([:])
    private let listeningChannels = Atomic<Int>(0)

    /// Creates the hub.
    public init(pubSub: any PubSub, sweepInterval: Duration, metrics: RealtimeMetrics, logger: Logger) {
        self.pubSub = pubSub
        self.metrics = metrics
        self.sweepInterval = sweepInterval
        self.logger = logger
    }

    /// Lets the hub fetch the stored frames of `topics`' topics that were too large to travel inline.
    func addStoredFrames(from topics: any RealtimeTopics) {
        storedFrames.withLockedValue { $0[topics.prefix] = topics }
    }

    /// The shard of `eventLoop`, created on first use. Call on that event loop.
    func shard(on eventLoop: any EventLoop) -> HubShard {
        let key = ObjectIdentifier(eventLoop)
        if let existing = shards.withLockedValue({ $0[key] }) { return existing.value }
        let shard = HubShard(eventLoop: eventLoop, metrics: metrics)
        let bound = NIOLoopBound(shard, eventLoop: eventLoop)
        shards.withLockedValue { $0[key] = bound }
        scheduleSweeps(of: bound)
        return shard
    }

    /// How many connections this replica holds, signed in or not.
    public func connectionCount() async -> Int {
        var total = 0
        for bound in shards.withLockedValue({ Array($0.values) }) {
            total += (try? await bound.eventLoop.submit { bound.value.connectionCount }.get()) ?? 0
        }
        return total
    }

    /// Whether the hub hears the `realtime` and notifications channels, so what is published now reaches
    /// this replica.
    public var isListening: Bool { listeningChannels.load(ordering: .acquiring) >= 2 }

    public func publish(_ frame: RealtimeFrame) async {
        await send(.carrying(frame))
    }

    public func endSubscriptions(userID: String, topic: String, reason: String) async {
        await send(.endSubscriptions(userID: userID, topic: topic, reason: reason))
    }

    private func send(_ message: HubMessage) async {
        do {
            try await pubSub.publish(message.encoded, on: HubMessage.channel)
        } catch {
            // Live delivery is best effort; stored events reach clients when they resume.
            logger.warning("Could not publish a real-time message", metadata: ["error": "\(error)"])
        }
    }

    /// Listens on the `realtime` and notifications channels until shutdown, then closes every connection.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.listen() }
                group.addTask { await self.listenForNotifications() }
            }
        } onGracefulShutdown: {
            self.closeAll(.goingAway)
        }
        for sweep in sweeps.withLockedValue({ $0 }) { sweep.cancel() }
    }

    private func listen() async {
        var heard = false
        let messages = subscribe(to: HubMessage.channel, heard: &heard)
        for await event in messages.cancelOnGracefulShutdown() {
            switch event {
            case .resubscribed: markHeard(&heard)
            case .message(let text):
                guard let message = HubMessage(text) else {
                    logger.debug("Ignored a real-time message this version does not know")
                    continue
                }
                await apply(message)
            }
        }
    }

    private func apply(_ message: HubMessage) async {
        switch message {
        case .frame(let frame):
            deliver(frame)
        case .storedFrame(let topic, let seq):
            let owner = storedFrames.withLockedValue { owners in owners.first { topic.hasPrefix($0.key) }?.value }
            do {
                if let frame = try await owner?.storedFrame(topic: topic, seq: seq) { deliver(frame) }
            } catch {
                logger.warning("Could not load a stored real-time frame", metadata: ["topic": "\(topic)", "seq": "\(seq)", "error": "\(error)"])
            }
        case .endSubscriptions(let userID, let topic, let reason):
            forEachShard { $0.endSubscriptions(userID: userID, topic: topic, reason: reason) }
        }
    }

    /// Writes `frame` to this replica's subscribers of its topic: its bytes are made once for all of them.
    func deliver(_ frame: RealtimeFrame) {
        let bytes = ByteBuffer(string: frame.text)
        forEachShard { $0.deliver(frame, bytes: bytes) }
    }

    private func listenForNotifications() async {
        struct Announcement: Decodable {
            let recipientId: String
            let id: String
            let unread: Int
        }
        let decoder = JSONDecoder()
        var heard = false
        for await event in subscribe(to: NotificationChannel.name, heard: &heard).cancelOnGracefulShutdown() {
            if case .resubscribed = event { markHeard(&heard) }
            guard case .message(let text) = event,
                let announcement = try? decoder.decode(Announcement.self, from: Data(text.utf8))
            else { continue }
            deliver(
                .event(topic: UserTopics.topic(of: announcement.recipientId), seq: nil, event: "notification.created") { writer in
                    writer.beginObject()
                    writer.key("id")
                    writer.string(announcement.id)
                    writer.key("unread")
                    writer.int(announcement.unread)
                    writer.endObject()
                }
            )
        }
    }

    /// Subscribes; an in-process subscription hears at once, PostgreSQL's once it reports `.resubscribed`.
    private func subscribe(to channel: String, heard: inout Bool) -> AsyncStream<PubSubEvent> {
        let events = pubSub.subscribe(to: channel)
        if pubSub is InProcessPubSub { markHeard(&heard) }
        return events
    }

    private func markHeard(_ heard: inout Bool) {
        guard !heard else { return }
        heard = true
        listeningChannels.add(1, ordering: .releasing)
    }

    private func closeAll(_ close: RealtimeClose) {
        forEachShard { $0.closeAll(close) }
    }

    private func forEachShard(_ body: @escaping @Sendable (HubShard) -> Void) {
        for bound in shards.withLockedValue({ Array($0.values) }) {
            bound.eventLoop.execute { body(bound.value) }
        }
    }

    private func scheduleSweeps(of bound: NIOLoopBound<HubShard>) {
        let interval = TimeAmount(sweepInterval)
        let task = bound.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            bound.value.sweep(now: .now())
        }
        sweeps.withLockedValue { $0.append(task) }
    }
}
