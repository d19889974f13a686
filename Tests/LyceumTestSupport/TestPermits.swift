/// A counting semaphore for tests: at most `limit` holders at once, the rest wait in arrival order.
///
/// Swift Testing starts every test case at once; without a bound, a few hundred PostgreSQL-backed apps would
/// each open a pool and its `LISTEN` connections, exhaust the server's `max_connections` and stall on retries.
public actor TestPermits {
    private let limit: Int
    private var held = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Creates a semaphore admitting `limit` holders at once.
    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `body` while holding one permit, waiting for one first when all are held.
    public nonisolated func withPermit<Result: Sendable>(
        _ body: () async throws -> Result
    ) async throws -> Result {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if held < limit {
            held += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            held -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
