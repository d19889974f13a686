import Prometheus
import Synchronization

/// The socket's figures on `/metrics`: open connections, commands handled, frames delivered and closes by
/// code. Recorded into the application's registry directly, so they appear whether or not swift-metrics was
/// bootstrapped.
public final class RealtimeMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let connections: Gauge
    private let commands: Counter
    private let deliveries: Counter
    private let closes = Mutex<[UInt16: Counter]>([:])

    /// Creates the recorders in `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        connections = registry.makeGauge(name: "lyceum_realtime_connections", help: "Open real-time sockets, signed in or not")
        commands = registry.makeCounter(name: "lyceum_realtime_commands_total", help: "Commands clients sent over real-time sockets")
        deliveries = registry.makeCounter(name: "lyceum_realtime_deliveries_total", help: "Frames written to subscribers by the fan-out")
    }

    func connectionOpened() { connections.increment() }
    func connectionClosed() { connections.decrement() }
    func commandReceived() { commands.increment() }
    func delivered(_ count: Int) { deliveries.increment(by: Int64(count)) }

    /// Counts a close the server initiated, by its code.
    func closed(code: UInt16) {
        let counter = closes.withLock { counters in
            if let counter = counters[code] { return counter }
            let counter = registry.makeCounter(
                name: "lyceum_realtime_closes_total", labels: [("code", String(code))], help: "Real-time sockets the server closed, by close code"
            )
            counters[code] = counter
            return counter
        }
        counter.increment()
    }
}
