import Foundation
import Logging
import LyceumPlatform
import ServiceLifecycle
import Synchronization

/// The sessions authentication read recently, and the accounts read by id, so checking a request's session and
/// answering "who am I" cost no query.
///
/// Revocation stays immediate on every replica: every change to a user's sessions or account
/// (sign-out, password change or reset, deactivation, role, name or profile change, email verification) drops
/// that user's entries here and publishes the user's id, and every replica's cache drops them too. An entry lives at most `lifetime`
/// (a last bound if a message were lost), and one whose session has expired by its cached date is read
/// again (a refresh extends a session). A read that raced with an invalidation is not kept.
final class SessionCache: Service, Sendable {
    static let channel = "lyceum_sessions"

    private struct Entry {
        let session: SessionStore.ActiveSession
        let storedAt: ContinuousClock.Instant
    }

    private struct AccountEntry {
        let user: User
        let storedAt: ContinuousClock.Instant
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var keysByUser: [String: Set<String>] = [:]
        var accounts: [String: AccountEntry] = [:]
        /// Bumped by every invalidation; a read started before one is not stored.
        var generation = 0
    }

    private let state = Mutex(State())
    private let pubSub: any PubSub
    private let logger: Logger
    private let lifetime: Duration
    private let capacity: Int

    init(pubSub: any PubSub, logger: Logger, lifetime: Duration = .seconds(30), capacity: Int = 50_000) {
        self.pubSub = pubSub
        self.logger = logger
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The session under `key`, from the cache or from `load`.
    func session(
        key: String, now: Date, load: () async throws -> SessionStore.ActiveSession?
    ) async throws -> SessionStore.ActiveSession? {
        let (cached, generation) = state.withLock { state -> (SessionStore.ActiveSession?, Int) in
            guard let entry = state.entries[key], ContinuousClock.now - entry.storedAt < lifetime, entry.session.expiresAt > now
            else { return (nil, state.generation) }
            return (entry.session, state.generation)
        }
        if let cached { return cached }
        guard let loaded = try await load() else { return nil }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state = State(generation: state.generation) }
            state.entries[key] = Entry(session: loaded, storedAt: .now)
            state.keysByUser[loaded.userID, default: []].insert(key)
        }
        return loaded
    }

    /// The account `userID`, from the cache or from `load`.
    func user(id userID: String, load: () async throws -> User?) async throws -> User? {
        let (cached, generation) = state.withLock { state -> (User?, Int) in
            guard let entry = state.accounts[userID], ContinuousClock.now - entry.storedAt < lifetime else { return (nil, state.generation) }
            return (entry.user, state.generation)
        }
        if let cached { return cached }
        guard let loaded = try await load() else { return nil }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.accounts.count >= capacity { state.accounts.removeAll(keepingCapacity: true) }
            state.accounts[userID] = AccountEntry(user: loaded, storedAt: .now)
        }
        return loaded
    }

    /// Drops `userID`'s sessions and account here and on every other replica. Call after the change committed.
    func invalidate(userID: String) async {
        drop(userID: userID)
        do {
            try await pubSub.publish(userID, on: Self.channel)
        } catch {
            logger.error("Could not tell other replicas that sessions changed", metadata: ["error": "\(error)"])
        }
    }

    private func drop(userID: String?) {
        state.withLock { state in
            state.generation += 1
            guard let userID else {
                state.entries.removeAll()
                state.keysByUser.removeAll()
                state.accounts.removeAll()
                return
            }
            state.accounts.removeValue(forKey: userID)
            for key in state.keysByUser.removeValue(forKey: userID) ?? [] { state.entries.removeValue(forKey: key) }
        }
    }

    func run() async throws {
        let events = pubSub.subscribe(to: Self.channel)
        await cancelWhenGracefulShutdown {
            for await event in events {
                switch event {
                case .message(let userID): self.drop(userID: userID)
                case .resubscribed: self.drop(userID: nil)
                }
            }
        }
    }
}
