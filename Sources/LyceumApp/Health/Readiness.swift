import Foundation
import LyceumPlatform
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Whether this process should receive traffic: false while draining on SIGTERM.
public final class Readiness: Sendable {
    private let draining = NIOLockedValueBox(false)
    private let schemaCurrent = NIOLockedValueBox(false)

    /// Creates a ready state.
    public init() {}

    /// Whether the process is shutting down.
    public var isDraining: Bool { draining.withLockedValue { $0 } }

    /// Marks the process as shutting down; readiness answers 503 from now on.
    public func startDraining() { draining.withLockedValue { $0 = true } }

    /// Whether every migration this binary knows was seen applied (cached once true: migrations never revert).
    func isSchemaCurrent(_ check: () async throws -> Bool) async throws -> Bool {
        if schemaCurrent.withLockedValue({ $0 }) { return true }
        let current = try await check()
        if current { schemaCurrent.withLockedValue { $0 = true } }
        return current
    }
}

/// On graceful shutdown, turns readiness to 503 and waits `drainSeconds` before letting the server stop,
/// so a load balancer stops sending new requests first. Run it after the application in one `ServiceGroup`:
/// services shut down in reverse order, so this runs first.
public struct DrainOnShutdown: Service {
    private let readiness: Readiness
    private let drainSeconds: Double

    /// Creates the service.
    public init(readiness: Readiness, drainSeconds: Double) {
        self.readiness = readiness
        self.drainSeconds = drainSeconds
    }

    public func run() async throws {
        try? await gracefulShutdown()
        readiness.startDraining()
        if drainSeconds > 0 {
            try? await Task.sleep(for: .milliseconds(Int(drainSeconds * 1000)))
        }
    }
}
