import Foundation
import NIOConcurrencyHelpers
import Synchronization

/// Which `seq`s of one room a client has seen, from the position it first subscribed at. Survives a
/// reconnect: the storm hands the dropped connection's tracker to its replacement.
final class SeqTracker: @unchecked Sendable {
    /// The room position the client started from: seqs at or below it are not expected.
    let base: Int64
    private var words: [UInt64] = []
    /// Every seq up to this one has been seen (starts at `base`).
    private(set) var contiguous: Int64
    private(set) var highest: Int64
    private(set) var received = 0
    private(set) var duplicates = 0

    init(base: Int64) {
        self.base = base
        contiguous = base
        highest = base
    }

    /// Records `seq`; `false` when it was seen already (or lies at or below `base`).
    @discardableResult
    func mark(_ seq: Int64) -> Bool {
        guard seq > base else {
            duplicates += 1
            return false
        }
        let offset = Int(seq - base - 1)
        let word = offset >> 6
        let bit = UInt64(1) << UInt64(offset & 63)
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1 + 16)) }
        if words[word] & bit != 0 {
            duplicates += 1
            return false
        }
        words[word] |= bit
        received += 1
        highest = max(highest, seq)
        while contains(contiguous + 1) { contiguous += 1 }
        return true
    }

    func contains(_ seq: Int64) -> Bool {
        guard seq > base else { return false }
        let offset = Int(seq - base - 1)
        let word = offset >> 6
        return word < words.count && words[word] & (UInt64(1) << UInt64(offset & 63)) != 0
    }

    /// How many seqs in `base+1...last` were never seen.
    func missing(through last: Int64) -> Int {
        guard last > base else { return 0 }
        var count = 0
        var seq = contiguous + 1
        while seq <= last {
            if !contains(seq) { count += 1 }
            seq += 1
        }
        return count
    }
}

/// Counters every connection bumps; read by the driver to see progress.
final class SharedStats: Sendable {
    let deliveries = Atomic<Int>(0)
    let lastDeliveryNanos = Atomic<UInt64>(0)
    private let closes = NIOLockedValueBox<[String: Int]>([:])
    private let serverErrors = NIOLockedValueBox<[String: Int]>([:])

    func recordClose(code: Int, reason: String) {
        closes.withLockedValue { $0["\(code) \(reason)", default: 0] += 1 }
    }

    func recordServerError(_ code: String) {
        serverErrors.withLockedValue { $0[code, default: 0] += 1 }
    }

    var closeCounts: [String: Int] { closes.withLockedValue { $0 } }
    var errorCounts: [String: Int] { serverErrors.withLockedValue { $0 } }

    func noteDelivery(at nanos: UInt64) {
        deliveries.add(1, ordering: .relaxed)
        lastDeliveryNanos.max(nanos, ordering: .relaxed)
    }
}

/// Failure counts by reason.
struct Tally: CustomStringConvertible {
    private(set) var counts: [String: Int] = [:]
    var total: Int { counts.values.reduce(0, +) }

    mutating func add(_ reason: String, _ count: Int = 1) {
        counts[reason, default: 0] += count
    }

    var description: String {
        counts.isEmpty ? "none" : counts.sorted { $0.value > $1.value }.map { "\($0.value) × \($0.key)" }.joined(separator: "; ")
    }
}

/// Percentiles of a sample (sorted in place).
struct Percentiles {
    let count: Int
    let p50: Double
    let p99: Double
    let max: Double

    /// `values` in any unit; the result is in the same unit.
    init(_ values: inout [UInt32]) {
        values.sort()
        count = values.count
        func at(_ fraction: Double) -> Double {
            guard !values.isEmpty else { return .nan }
            let index = Swift.min(values.count - 1, Int((Double(values.count) * fraction).rounded(.up)) - 1)
            return Double(values[Swift.max(0, index)])
        }
        p50 = at(0.50)
        p99 = at(0.99)
        max = values.last.map(Double.init) ?? .nan
    }
}

/// Monotonic nanoseconds (CLOCK_MONOTONIC), the clock senders stamp message bodies with.
@inline(__always)
func monotonicNanos() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

func seconds(since start: UInt64) -> Double {
    Double(monotonicNanos() &- start) / 1e9
}

func format(_ value: Double, _ digits: Int = 1) -> String {
    String(format: "%.\(digits)f", value)
}
