/// The work did not finish before its deadline.
public struct DeadlineExceeded: Error, Sendable, CustomStringConvertible {
    /// What was being waited for.
    public let what: String
    /// How long was allowed.
    public let limit: Duration

    public var description: String { "\(what) did not finish within \(limit)" }
}

/// Runs `body`, cancelling it and throwing `DeadlineExceeded` if it takes longer than `limit`.
/// Used where a dependency that does not answer would otherwise hang a probe or start-up.
public func withDeadline<Result: Sendable>(
    _ limit: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let result = first else {
            throw DeadlineExceeded(what: what, limit: limit)
        }
        return result
    }
}
