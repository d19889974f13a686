import Synchronization

/// Hands out connection ids unique across replicas: a random prefix chosen when the replica starts, and a
/// counter. A connection keeps only its counter value (8 bytes) and spells its id when asked.
final class ConnectionIDs: Sendable {
    /// This replica's prefix.
    let replica: String
    private let counter = Atomic<UInt64>(0)

    init() {
        replica = String(UInt64.random(in: 1...UInt64.max), radix: 36)
    }

    /// The next connection's serial number.
    func next() -> UInt64 {
        counter.add(1, ordering: .relaxed).newValue
    }

    /// The id of the connection with `serial`.
    func id(of serial: UInt64) -> String {
        "\(replica)-\(serial)"
    }
}
