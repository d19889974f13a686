import Synchronization

/// This replica's connections as presence sees them: each signed-in connection's user and away flag, the
/// counts per user, and which users changed since `PresenceService` last wrote them.
///
/// The observer calls come on the connections' event loops and only touch memory under the lock; the
/// service writes the changed users in its own task. Every change bumps a counter, so a command can wait
/// until the write that includes its change is done.
final class PresenceTracker: RealtimeConnectionObserver {
    private struct Connection {
        let userID: String
        var away: Bool
    }

    private struct State {
        var connections: [String: Connection] = [:]
        var users: [String: PresenceCounts] = [:]
        var dirty: Set<String> = []
        /// Changes recorded so far, and how many of them the service has written.
        var changes: UInt64 = 0
        var written: UInt64 = 0
        var waiters: [(change: UInt64, continuation: CheckedContinuation<Void, Never>)] = []
        var stopped = false
    }

    private let state = Mutex(State())

    func connectionSignedIn(_ connection: RealtimeConnectionRef) {
        state.withLock { state in
            state.connections[connection.id] = Connection(userID: connection.userID, away: false)
            state.users[connection.userID, default: PresenceCounts()].connections += 1
            Self.changed(connection.userID, in: &state)
        }
    }

    func connectionClosed(_ connection: RealtimeConnectionRef) {
        state.withLock { state in
            guard let closed = state.connections.removeValue(forKey: connection.id) else { return }
            var counts = state.users[closed.userID] ?? PresenceCounts()
            counts.connections -= 1
            if closed.away { counts.away -= 1 }
            state.users[closed.userID] = counts.connections > 0 ? counts : nil
            Self.changed(closed.userID, in: &state)
        }
    }

    /// Sets the away flag of a connection of this replica; returns the change to wait for with `written`, or
    /// `nil` for a connection this replica does not hold.
    func setAway(_ away: Bool, connectionID: String) -> UInt64? {
        state.withLock { state in
            guard var connection = state.connections[connectionID] else { return nil }
            if connection.away != away {
                connection.away = away
                state.connections[connectionID] = connection
                state.users[connection.userID, default: PresenceCounts()].away += away ? 1 : -1
                Self.changed(connection.userID, in: &state)
            }
            return state.changes
        }
    }

    private static func changed(_ userID: String, in state: inout State) {
        state.dirty.insert(userID)
        state.changes += 1
    }

    /// The user's connections on this replica.
    func counts(of userID: String) -> PresenceCounts {
        state.withLock { $0.users[userID] ?? PresenceCounts() }
    }

    /// How many users have a connection on this replica.
    var connectedUsers: Int {
        state.withLock { $0.users.count }
    }

    /// The users changed since the last call, and the change count they cover.
    func takeDirty() -> (users: Set<String>, through: UInt64) {
        state.withLock { state in
            defer { state.dirty = [] }
            return (state.dirty, state.changes)
        }
    }

    /// Marks users to be written again (a write failed, or this replica's rows went missing).
    func markDirty(_ userIDs: some Sequence<String>) {
        state.withLock { $0.dirty.formUnion(userIDs) }
    }

    /// Marks every connected user to be written again.
    func markAllDirty() {
        state.withLock { $0.dirty.formUnion($0.users.keys) }
    }

    /// Records that the changes up to `change` are written, waking whoever waits for them.
    func wrote(through change: UInt64) {
        let ready = state.withLock { state in
            state.written = max(state.written, change)
            let written = state.written
            let ready = state.waiters.filter { $0.change <= written }
            state.waiters.removeAll { $0.change <= written }
            return ready.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns once the changes up to `change` are written, or at once when the service has stopped.
    func written(through change: UInt64) async {
        await withCheckedContinuation { continuation in
            let waiting = state.withLock { state in
                guard !state.stopped, state.written < change else { return false }
                state.waiters.append((change, continuation))
                return true
            }
            if !waiting { continuation.resume() }
        }
    }

    /// Stops waiting for writes (the service is shutting down): current and later waiters return at once.
    func stop() {
        let waiting = state.withLock { state in
            state.stopped = true
            defer { state.waiters = [] }
            return state.waiters.map(\.continuation)
        }
        for continuation in waiting { continuation.resume() }
    }
}
