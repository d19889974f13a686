import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import ServiceLifecycle

/// Online, away and offline per user, consistent across replicas, and `presence.changed` events on the rooms
/// of a user whose status changes.
///
/// Each replica counts its own connections in memory (`PresenceTracker`) and writes the users that changed
/// every `writeInterval`, one transaction per user: under the lock of the user's announced status it writes
/// its row, deletes other replicas' expired rows, sums what is left, and when the status differs from the one
/// announced records and announces the new one. So each transition is announced once, by the replica that
/// caused it, whichever replicas the user's connections are on.
///
/// Every heartbeat the replica refreshes its rows (rewriting them all if some went missing) and sweeps: the
/// users with a row another replica stopped refreshing for the expiry, or announced online without any row,
/// are decided again, so the users of a replica that crashed turn offline. On shutdown it writes nothing more:
/// its rows expire like a crashed replica's, and a user who reconnects to another replica meanwhile never
/// shows offline.
final class PresenceService: Service {
    /// How often changed users are written: a burst of connections is written together.
    static let writeInterval = Duration.milliseconds(50)

    let tracker = PresenceTracker()
    private let replicaID: String
    private let database: any Database
    let clock: WallClock
    let chat: ChatService
    private let publisher: any RealtimePublisher
    private let heartbeat: Duration
    private let expiry: TimeInterval
    private let logger: Logger

    /// Creates the service for the replica named `replicaID`, announcing changes through `publisher`.
    init(
        replicaID: String, chat: ChatService, publisher: any RealtimePublisher, configuration: RealtimeConfiguration,
        database: any Database, clock: WallClock, logger: Logger
    ) {
        self.replicaID = replicaID
        self.chat = chat
        self.publisher = publisher
        self.database = database
        self.clock = clock
        self.heartbeat = configuration.presenceHeartbeat
        let parts = configuration.presenceExpiry.components
        self.expiry = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        self.logger = logger
    }

    /// Writes changes, refreshes and sweeps until shutdown.
    func run() async throws {
        await cancelWhenGracefulShutdown {
            var nextBeat = ContinuousClock.now + self.heartbeat
            while (try? await Task.sleep(for: Self.writeInterval)) != nil {
                await self.writeChanges()
                guard ContinuousClock.now >= nextBeat else { continue }
                await self.beat()
                nextBeat = ContinuousClock.now + self.heartbeat
            }
        }
        tracker.stop()
    }

    // MARK: Status

    /// Sets the away flag of a connection of this replica and returns its user's resulting status, once written.
    func setAway(_ away: Bool, connectionID: String, userID: String) async throws -> PresenceStatus {
        if let change = tracker.setAway(away, connectionID: connectionID) {
            await tracker.written(through: change)
        }
        return try await announced([userID])[userID]?.status ?? .offline
    }

    /// The announced status of each of these users who was ever seen.
    func announced(_ userIDs: [String]) async throws -> [String: AnnouncedPresence] {
        guard !userIDs.isEmpty else { return [:] }
        return try await database.read { sql in try await PresenceStore.announced(userIDs: userIDs, on: sql) }
    }

    // MARK: Writing

    private func writeChanges() async {
        let (users, through) = tracker.takeDirty()
        guard !users.isEmpty else { return }
        var changes: [PresenceChange] = []
        for user in users {
            do {
                if let change = try await decide(user) { changes.append(change) }
            } catch {
                tracker.markDirty([user])
                logger.warning("Could not write a user's presence", metadata: ["user": "\(user)", "error": "\(error)"])
            }
        }
        tracker.wrote(through: through)
        await announce(changes)
    }

    private func beat() async {
        let now = clock.nowForStorage()
        do {
            let stored = try await database.transaction { [replicaID] sql in
                try await PresenceStore.refresh(replicaID: replicaID, now: now, on: sql)
            }
            if stored != tracker.connectedUsers {
                tracker.markAllDirty()
                await writeChanges()
            }
            let cutoff = now.addingTimeInterval(-expiry)
            let candidates = try await database.read { [replicaID] sql in
                try await PresenceStore.sweepCandidates(before: cutoff, replicaID: replicaID, on: sql)
            }
            var changes: [PresenceChange] = []
            for user in candidates {
                if let change = try await decide(user) { changes.append(change) }
            }
            await announce(changes)
        } catch {
            logger.warning("Could not refresh or sweep presence", metadata: ["error": "\(error)"])
        }
    }

    /// Writes this replica's row for the user, deletes other replicas' expired ones and records the status
    /// when it changed, in one transaction under the lock of the user's announced status.
    private func decide(_ userID: String) async throws -> PresenceChange? {
        let now = clock.nowForStorage()
        let cutoff = now.addingTimeInterval(-expiry)
        return try await database.transaction { [replicaID, tracker] sql -> PresenceChange? in
            let announced = try await PresenceStore.lockAnnounced(userID, now: now, on: sql)
            let rows = try await PresenceStore.rows(of: userID, on: sql)
            let own = tracker.counts(of: userID)
            try await PresenceStore.write(own, replicaID: replicaID, userID: userID, now: now, on: sql)
            let others = rows.filter { $0.replicaID != replicaID }
            let expired = others.filter { $0.refreshedAt < cutoff }
            try await PresenceStore.delete(userID: userID, replicaIDs: expired.map(\.replicaID), on: sql)
            let total = others.filter { $0.refreshedAt >= cutoff }.map(\.counts).reduce(own, +)
            let status = PresenceStatus(total)
            guard status != announced.status else { return nil }
            let leftHere = rows.contains { $0.replicaID == replicaID } && own.connections == 0
            let lastSeen =
                status == .offline
                ? ((leftHere ? [now] : []) + expired.map(\.refreshedAt)).max() ?? announced.lastSeenAt
                : now
            let change = PresenceChange(userID: userID, status: status, lastSeenAt: lastSeen)
            try await PresenceStore.announce(change, on: sql)
            return change
        }
    }

    /// Publishes `presence.changed` on the rooms of the changed users: one frame per room (or a few, for
    /// many changes) carrying every change of its members.
    private func announce(_ changes: [PresenceChange]) async {
        var byRoom: [RoomID: [PresenceChange]] = [:]
        for change in changes {
            do {
                for room in try await chat.roomIDs(ofUser: change.userID) { byRoom[room, default: []].append(change) }
            } catch {
                logger.warning("Could not announce a presence change", metadata: ["user": "\(change.userID)", "error": "\(error)"])
            }
        }
        for (room, roomChanges) in byRoom {
            var start = roomChanges.startIndex
            while start < roomChanges.endIndex {
                let end = min(start + PresenceFrames.changesPerFrame, roomChanges.endIndex)
                await publisher.publish(PresenceFrames.changed(roomChanges[start..<end], in: room))
                start = end
            }
        }
    }
}
