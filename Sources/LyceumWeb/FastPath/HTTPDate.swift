#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Synchronization

/// The `Date` header's value (`Tue, 24 Nov 2026 03:33:57 GMT`), formatted once per second, for answers
/// written ahead of Hummingbird (which keeps its own cache for the answers it writes).
final class HTTPDate: Sendable {
    private struct Formatted {
        var second: Int
        var text: String
    }

    private let formatted = Mutex(Formatted(second: -1, text: ""))

    /// The current value.
    var now: String {
        let second = time(nil)
        return formatted.withLock { formatted in
            if formatted.second != second {
                formatted = Formatted(second: second, text: Self.format(second))
            }
            return formatted.text
        }
    }

    /// Formats `second` since 1970 as an IMF-fixdate.
    static func format(_ second: Int) -> String {
        var seconds = second
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
