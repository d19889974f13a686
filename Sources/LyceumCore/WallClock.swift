import Foundation

/// The source of the current time, injectable so expiry rules can be tested without waiting.
public struct WallClock: Sendable {
    private let read: @Sendable () -> Date

    /// Creates a clock that reads the time from `read`.
    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    /// The system clock.
    public static let system = WallClock { Date() }

    /// The current time.
    public func now() -> Date { read() }

    /// The current time in whole milliseconds (`Double(ms) / 1000`), the precision every stored timestamp has,
    /// so values survive both databases and cursors compare exactly.
    public func nowForStorage() -> Date {
        Date(timeIntervalSince1970: Double(Int64((read().timeIntervalSince1970 * 1000).rounded(.down))) / 1000)
    }
}
