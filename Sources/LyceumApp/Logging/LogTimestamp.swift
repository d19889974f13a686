import Foundation
import LyceumCore
import Synchronization

/// Timestamps of log lines, formatted once per second: with the access log at `info`, every request writes a
/// line, and formatting a date per line cost more than the rest of the line.
enum LogTimestamp {
    private struct Second {
        var value = -1
        var utc = ""
        var local = ""
    }

    private static let cache = Mutex(Second())

    /// `2026-11-24T03:33:57.123Z`, for JSON lines.
    static func utcMilliseconds() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let millis = now.tv_nsec / 1_000_000
        return second(now.tv_sec).utc + (millis < 10 ? ".00" : millis < 100 ? ".0" : ".") + String(millis) + "Z"
    }

    /// `2026-11-24T03:33:57+0000` (local time, as swift-log's stream handler writes), for text lines.
    static func local() -> String {
        second(time(nil)).local
    }

    private static func second(_ value: Int) -> Second {
        cache.withLock { cached in
            if cached.value != value {
                let utc = ISO8601Text.string(Date(timeIntervalSince1970: TimeInterval(value)))
                var seconds = value
                var parts = tm()
                localtime_r(&seconds, &parts)
                var buffer = [CChar](repeating: 0, count: 64)
                let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
                let local = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                cached = Second(value: value, utc: String(utc.dropLast()), local: local)
            }
            return cached
        }
    }
}
