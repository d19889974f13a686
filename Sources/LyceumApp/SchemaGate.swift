import ServiceLifecycle
import Synchronization

/// Opens once the schema is migrated, so services that query it (the job worker and the scheduler) start
/// after `serve` has applied pending migrations rather than racing them.
final class SchemaGate: Sendable {
    private let isOpen = Atomic(false)

    /// Lets waiting services start.
    func open() {
        isOpen.store(true, ordering: .releasing)
    }

    /// Runs `service` once the gate is open; returns without running it when shutdown comes first.
    func run(_ service: any Service) async throws {
        let opened: Bool = await cancelWhenGracefulShutdown {
            while !self.isOpen.load(ordering: .acquiring) {
                do {
                    try await Task.sleep(for: .milliseconds(20))
                } catch {
                    return false
                }
            }
            return true
        }
        guard opened, !Task.isCancelled else { return }
        try await service.run()
    }
}

/// A service that starts when its gate opens.
struct GatedService: Service {
    let gate: SchemaGate
    let service: any Service

    func run() async throws {
        try await gate.run(service)
    }
}
