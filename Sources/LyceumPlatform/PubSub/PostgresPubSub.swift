import Foundation
import Logging
import PostgresNIO

/// Publish/subscribe over PostgreSQL `LISTEN/NOTIFY`, so every replica on one database hears every message.
///
/// Each subscription holds one pooled connection in `LISTEN`; when it drops (a database restart, a failover,
/// a terminated backend) it listens again after a short back-off. Each time `LISTEN` takes effect, the first
/// included, it reports `.resubscribed`: whatever was published before then was missed.
public struct PostgresPubSub: PubSub {
    private let database: PostgresDatabase
    private let logger: Logger

    /// Creates the hub over `database`, whose pool must be running.
    public init(database: PostgresDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func publish(_ message: String, on channel: String) async throws {
        try await database.notify(channel: channel, payload: message)
    }

    public func subscribe(to channel: String) -> AsyncStream<PubSubEvent> {
        let (stream, continuation) = AsyncStream<PubSubEvent>.makeStream(bufferingPolicy: .bufferingNewest(1_000))
        let database = self.database
        let logger = self.logger
        let listener = Task {
            var attempt = 0
            while !Task.isCancelled {
                do {
                    try await database.listen(channel: channel) { notifications in
                        if attempt > 0 { logger.notice("Listening again", metadata: ["pubsub.channel": "\(channel)"]) }
                        continuation.yield(.resubscribed)
                        attempt = 0
                        for try await notification in notifications { continuation.yield(.message(notification.payload)) }
                    }
                } catch {
                    if Task.isCancelled { break }
                    logger.warning("Lost the LISTEN connection", metadata: ["pubsub.channel": "\(channel)", "error": "\(error)"])
                }
                attempt += 1
                try? await Task.sleep(for: .milliseconds(min(5_000, 100 << min(attempt, 6))))
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in listener.cancel() }
        return stream
    }
}
