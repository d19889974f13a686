import Foundation
import LyceumPlatform
import Testing

@Suite("Cron schedules and retry delays")
struct CronScheduleTests {
    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    @Test(
        "the next time a schedule matches",
        arguments: [
            ("*/15 * * * *", "2026-11-24T10:07:30Z", "2026-11-24T10:15:00Z"),
            ("*/15 * * * *", "2026-11-24T10:45:00Z", "2026-11-24T11:00:00Z"),
            ("30 3 * * 1-5", "2026-11-27T04:00:00Z", "2026-11-30T03:30:00Z"),
            ("0 0 1 1 *", "2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z"),
            ("0 12 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T12:00:00Z"),
            ("17 * * * *", "2026-11-24T10:17:00Z", "2026-11-24T11:17:00Z"),
            ("0 9 1 * 0", "2026-11-24T10:00:00Z", "2026-11-29T09:00:00Z"),
            ("5,10 8-9 * * *", "2026-11-24T08:10:00Z", "2026-11-24T09:05:00Z"),
        ]
    )
    func next(expression: String, after: String, expected: String) throws {
        let schedule = try CronSchedule(expression)
        #expect(schedule.next(after: Self.date(after)) == Self.date(expected))
    }

    @Test("invalid schedules are refused with a reason", arguments: ["* * * *", "60 * * * *", "*/0 * * * *", "5-2 * * * *", "a * * * *"])
    func invalid(expression: String) {
        #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(expression) }
    }

    @Test("a schedule that never matches has no next time")
    func never() throws {
        #expect(try CronSchedule("0 0 31 2 *").next(after: Self.date("2026-01-01T00:00:00Z")) == nil)
    }

    @Test("retry delays double, stay within half and all of the step, and are capped")
    func retryDelays() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .seconds(2), maxDelay: .seconds(60))
        #expect(policy.delay(afterAttempt: 1, random: 0) == .seconds(1))
        #expect(policy.delay(afterAttempt: 1, random: 1) == .seconds(2))
        #expect(policy.delay(afterAttempt: 3, random: 1) == .seconds(8))
        #expect(policy.delay(afterAttempt: 3, random: 0.5) == .seconds(6))
        #expect(policy.delay(afterAttempt: 9, random: 1) == .seconds(60))
        #expect(policy.delay(afterAttempt: 40, random: 0) == .seconds(30))
    }
}
