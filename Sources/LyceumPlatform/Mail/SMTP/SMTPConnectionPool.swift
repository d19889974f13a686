import Foundation

/// Keeps up to `maxIdle` authenticated sessions open for a short while, so a batch of messages shares one
/// connection; an idle one is closed with QUIT after `idleTimeout`, and all of them at shutdown.
actor SMTPConnectionPool {
    private struct Idle {
        let id: UUID
        let session: SMTPSession
        let expiry: Task<Void, Never>
    }

    private let maxIdle: Int
    private let idleTimeout: Duration
    private let open: @Sendable () async throws(SMTPError) -> SMTPSession
    private var idle: [Idle] = []
    private var isShutDown = false

    init(maxIdle: Int, idleTimeout: Duration, open: @escaping @Sendable () async throws(SMTPError) -> SMTPSession) {
        self.maxIdle = maxIdle
        self.idleTimeout = idleTimeout
        self.open = open
    }

    /// An idle session that still answers RSET, or a new one: a dead idle connection is replaced transparently.
    func checkout() async throws(SMTPError) -> SMTPSession {
        while let reused = idle.popLast() {
            reused.expiry.cancel()
            do {
                try await reused.session.reset()
                return reused.session
            } catch {
                await reused.session.connection.close()
            }
        }
        return try await open()
    }

    /// Returns `session` for the next message, or closes it when the pool is full or shut down.
    func checkin(_ session: SMTPSession) async {
        guard !isShutDown, idle.count < maxIdle, session.connection.isActive else {
            await session.quit()
            return
        }
        let id = UUID()
        let timeout = idleTimeout
        let expiry = Task { [weak self] in
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            await self?.expire(id)
        }
        idle.append(Idle(id: id, session: session, expiry: expiry))
    }

    /// Closes every idle session; sessions checked in later are closed at once.
    func shutdown() async {
        isShutDown = true
        let closing = idle
        idle = []
        for entry in closing {
            entry.expiry.cancel()
            await entry.session.quit()
        }
    }

    /// How many sessions wait idle (for tests).
    var idleCount: Int { idle.count }

    private func expire(_ id: UUID) async {
        guard let index = idle.firstIndex(where: { $0.id == id }) else { return }
        let entry = idle.remove(at: index)
        await entry.session.quit()
    }
}
