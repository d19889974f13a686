import SQLiteNIO
import Synchronization

/// The SQLite reader connections, each lent to one `read` body at a time while any is free.
///
/// A connection's read snapshot begins with the first statement that runs while no other statement of that
/// connection is active, and lasts until none is. Two bodies sharing a connection can therefore share a
/// snapshot: a body that starts right after a write committed could read from a snapshot that an earlier,
/// still stepping statement on the same connection opened before that commit, and miss the row just written
/// (a study group created, then "No such group." on the next read). Lending each connection to one body
/// gives every body a snapshot that includes every commit before it started.
///
/// When every connection is lent, a body shares the least busy one instead of waiting: waiting could deadlock
/// a body that holds a connection while it waits for a write whose body reads.
final class SQLiteReaders: Sendable {
    private let connections: [SQLiteConnection]
    /// How many bodies use each connection.
    private let users: Mutex<[Int]>

    init(_ connections: [SQLiteConnection]) {
        self.connections = connections
        self.users = Mutex(Array(repeating: 0, count: connections.count))
    }

    /// Runs `body` with a connection of its own if one is free, else with the least busy one.
    func withConnection<Result: Sendable>(_ body: (SQLiteConnection) async throws -> Result) async throws -> Result {
        let index = users.withLock { users in
            var chosen = 0
            for candidate in users.indices where users[candidate] < users[chosen] { chosen = candidate }
            users[chosen] += 1
            return chosen
        }
        defer { users.withLock { $0[index] -= 1 } }
        return try await body(connections[index])
    }

    /// Every connection, for closing.
    var all: [SQLiteConnection] { connections }
}
