import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// The single SQLite writer connection, shared by transactions through group commit.
///
/// Transactions queue for the writer. One that finds it idle begins a transaction and, if nothing queued
/// meanwhile, commits alone: a lone write is a plain `BEGIN IMMEDIATE ... COMMIT`. Bodies that queue while a
/// transaction is open join it one after another, each after a `SAVEPOINT` of its own, so a body that throws
/// rolls back only its own work and gets its own error; the last of up to `maximumBatch` bodies commits for
/// all of them. A caller whose body succeeded returns only after that shared `COMMIT` did, and if it fails,
/// every body of the batch gets its error. Each body runs in its caller's task, so its task-local values and
/// its cancellation stay its own.
///
/// Savepoints of bodies that succeeded are not released (the `COMMIT` releases them all), which spares a
/// statement per body: `ROLLBACK TO` a repeated name goes back to the most recent savepoint of that name.
final class SQLiteWriter: Sendable {
    /// How many bodies share one `COMMIT` at most: enough to amortise it under a spike, few enough that the
    /// first body of a batch does not wait long for the last.
    static let maximumBatch = 128

    /// What a caller finds when its turn on the writer comes.
    private enum Turn {
        /// No transaction is open: begin one.
        case begin
        /// A transaction is open with earlier bodies waiting for its `COMMIT`: join it.
        case join
    }

    private enum Waiter {
        case transaction(CheckedContinuation<Turn, Never>)
        case exclusive(CheckedContinuation<Void, Never>)
    }

    private struct State {
        var isHeld = false
        var waiters = CircularBuffer<Waiter>()
        /// Callers whose bodies succeeded in the open transaction and wait for its `COMMIT`.
        var committing: [CheckedContinuation<Void, any Error>] = []
    }

    private let connection: SQLiteConnection
    private let state = Mutex(State())

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Runs `body` inside a transaction, alone or batched with others (see the type's documentation).
    func transaction<Result: Sendable>(
        _ body: @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        let joining = await acquire() == .join
        do {
            try await control(joining ? "SAVEPOINT lyceum_batched_body" : "BEGIN IMMEDIATE")
        } catch {
            if joining { await abandon(error) } else { handOff() }
            throw error
        }
        let result: Result
        do {
            result = try await body(connection.sql(queryLogLevel: .trace))
        } catch {
            do {
                try await control(joining ? "ROLLBACK TO lyceum_batched_body" : "ROLLBACK")
            } catch let rollbackError {
                await abandon(rollbackError)
                throw error
            }
            if joining { try? await finishTurn(bodySucceeded: false) } else { handOff() }
            throw error
        }
        try await finishTurn(bodySucceeded: true)
        return result
    }

    /// Runs `body` with the writer to itself and no transaction open; `body` manages its own transactions.
    func exclusively<Result: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result {
        await withCheckedContinuation { continuation in
            let acquired = state.withLock { state in
                guard state.isHeld else {
                    state.isHeld = true
                    return true
                }
                state.waiters.append(.exclusive(continuation))
                return false
            }
            if acquired { continuation.resume() }
        }
        defer { handOff() }
        return try await body(connection.sql(queryLogLevel: .debug))
    }

    /// Closes the connection once every caller queued before has finished.
    func close() async {
        _ = try? await exclusively { _ in try await self.connection.close() }
    }

    private func acquire() async -> Turn {
        let acquired = state.withLock { state in
            guard !state.isHeld else { return false }
            state.isHeld = true
            return true
        }
        if acquired { return .begin }
        return await withCheckedContinuation { continuation in
            let acquiredNow = state.withLock { state in
                guard state.isHeld else {
                    state.isHeld = true
                    return true
                }
                state.waiters.append(.transaction(continuation))
                return false
            }
            if acquiredNow { continuation.resume(returning: .begin) }
        }
    }

    /// Ends the holder's turn with a transaction open: passes the writer to the next queued transaction, which
    /// joins, or commits for every body that succeeded. When the holder's own body succeeded, returns once that
    /// `COMMIT` succeeded and throws its error otherwise.
    private func finishTurn(bodySucceeded: Bool) async throws {
        let next: CheckedContinuation<Turn, Never>? = state.withLock { state in
            let members = state.committing.count + (bodySucceeded ? 1 : 0)
            guard members < Self.maximumBatch, case .transaction(let waiter)? = state.waiters.first else { return nil }
            state.waiters.removeFirst()
            return waiter
        }
        if let next {
            guard bodySucceeded else {
                next.resume(returning: .join)
                return
            }
            try await withCheckedThrowingContinuation { outcome in
                state.withLock { $0.committing.append(outcome) }
                next.resume(returning: .join)
            }
            return
        }
        let members = state.withLock { state in
            defer { state.committing = [] }
            return state.committing
        }
        do {
            try await control("COMMIT")
        } catch {
            try? await control("ROLLBACK")
            handOff()
            for member in members { member.resume(throwing: error) }
            throw error
        }
        handOff()
        for member in members { member.resume() }
    }

    /// Gives up the open transaction after a statement that frames the bodies failed, leaving its state unknown:
    /// rolls it back whole and fails every body waiting for its `COMMIT`.
    private func abandon(_ error: any Error) async {
        let members = state.withLock { state in
            defer { state.committing = [] }
            return state.committing
        }
        try? await control("ROLLBACK")
        handOff()
        for member in members { member.resume(throwing: error) }
    }

    /// Passes the writer, with no transaction open, to the first caller queued, or leaves it idle.
    private func handOff() {
        let next: Waiter? = state.withLock { state in
            guard let waiter = state.waiters.popFirst() else {
                state.isHeld = false
                return nil
            }
            return waiter
        }
        switch next {
        case .transaction(let waiter): waiter.resume(returning: .begin)
        case .exclusive(let waiter): waiter.resume()
        case nil: break
        }
    }

    /// Runs a statement that frames bodies (`BEGIN`, `SAVEPOINT`, `COMMIT`, `ROLLBACK`) even when the task issuing
    /// it is cancelled: the thread pool skips work of a cancelled task, which would leave other callers' work in a
    /// transaction nobody ends. A task of its own is not cancelled with the caller, and costs less than the
    /// event-loop hop of sqlite-nio's future API, so a lone write stays as fast as before group commit.
    private func control(_ statement: String) async throws {
        let connection = self.connection
        try await Task { try await connection.query(statement, []) { _ in } }.value
    }
}
