import Logging
import ServiceLifecycle
import Synchronization

/// This replica's signed-in connections, and which of them hold (or are taking) a seat in a call.
final class CallSeatTracker: Sendable {
    private struct State {
        var open: Set<String> = []
        var seated: Set<String> = []
    }

    private let state = Mutex(State())

    func opened(_ connectionID: String) {
        state.withLock { _ = $0.open.insert(connectionID) }
    }

    /// Forgets a closed connection; `true` when it held a seat.
    func closed(_ connectionID: String) -> Bool {
        state.withLock { state in
            state.open.remove(connectionID)
            return state.seated.remove(connectionID) != nil
        }
    }

    /// Records that the connection holds a seat; `false` when it is already closed.
    func seated(_ connectionID: String) -> Bool {
        state.withLock { state in
            guard state.open.contains(connectionID) else { return false }
            state.seated.insert(connectionID)
            return true
        }
    }

    /// The open connections that took a seat.
    var seatedConnections: [String] { state.withLock { Array($0.seated) } }
}

/// Ties seats to connections: a seat is freed when its connection closes, refreshed every
/// `heartbeat` while it stays open, and freed by any replica once nobody refreshed it for `timeout` (its
/// replica died without closing anything).
struct CallLiveness: RealtimeConnectionObserver, Service {
    let calls: CallService
    let heartbeat: Duration
    let timeout: Duration

    func connectionSignedIn(_ connection: RealtimeConnectionRef) {
        calls.seats.opened(connection.id)
    }

    func connectionClosed(_ connection: RealtimeConnectionRef) {
        guard calls.seats.closed(connection.id) else { return }
        let calls = calls
        Task { await calls.connectionClosed(connection.id) }
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: heartbeat)
                } catch {
                    return
                }
                do {
                    try await calls.refreshSeats()
                    try await calls.sweep(timeout: timeout)
                } catch {
                    calls.logger.warning("Could not refresh or sweep call seats", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
