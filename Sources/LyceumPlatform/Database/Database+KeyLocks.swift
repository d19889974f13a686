import SQLKit

extension Database {
    /// Bound values per locking statement, well under both engines' limits.
    static var keysPerLockStatement: Int { 500 }

    /// Holds a lock on each of `keys` until the transaction that `sql` belongs to ends, so transactions that
    /// lock the same key run one after the other from here on: a count taken after the lock sees every earlier
    /// holder's committed rows.
    ///
    /// PostgreSQL takes transaction-scoped advisory locks on the keys' hashes, in sorted order so two callers
    /// with overlapping keys cannot deadlock (a caller that locks in several calls should pass keys in ascending
    /// order across them). SQLite needs nothing: its transactions already run one at a time on the single writer.
    /// - Parameters:
    ///   - keys: names of what is locked; prefix them with the owning module's name so modules never share one.
    ///   - sql: the handle `transaction` gave.
    public func lockUntilCommit(_ keys: some Collection<String>, on sql: any SQLDatabase) async throws {
        guard engine == .postgres, !keys.isEmpty else { return }
        let sorted = Set(keys).sorted()
        var start = sorted.startIndex
        while start < sorted.endIndex {
            let chunk = sorted[start..<min(start + Self.keysPerLockStatement, sorted.endIndex)]
            start += chunk.count
            // A VALUES scan yields its rows in the order written, so the locks are taken in sorted order.
            let rows = SQLList(chunk.map { SQLGroupExpression(SQLBind($0)) })
            try await sql.raw("SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM (VALUES \(rows)) AS v(k)").run()
        }
    }
}
