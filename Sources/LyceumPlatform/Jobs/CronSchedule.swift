import Foundation

/// A five-field cron schedule in UTC: `minute hour day-of-month month day-of-week`, each field `*`, a
/// number, a range `a-b`, a step `*/n` or `a-b/n`, or a comma-separated list of those. Days of the week
/// run 0–6 from Sunday (7 is Sunday too). As in cron, when both day fields are restricted a day matching
/// either one matches.
public struct CronSchedule: Sendable, Equatable, CustomStringConvertible {
    private let minutes: Set<Int>
    private let hours: Set<Int>
    private let daysOfMonth: Set<Int>
    private let months: Set<Int>
    private let daysOfWeek: Set<Int>
    private let dayOfMonthRestricted: Bool
    private let dayOfWeekRestricted: Bool
    /// The expression as written.
    public let description: String

    /// A schedule that cannot be parsed, with the reason.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// What is wrong with the expression.
        public let description: String
    }

    /// Parses `expression`, e.g. `"*/15 * * * *"` (every quarter hour) or `"30 3 * * 1-5"` (03:30 on weekdays).
    public init(_ expression: String) throws(ParseError) {
        let fields = expression.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count == 5 else {
            throw ParseError(description: "A schedule has five fields (minute hour day month weekday); \"\(expression)\" has \(fields.count).")
        }
        minutes = try Self.parse(fields[0], in: 0...59, name: "minute")
        hours = try Self.parse(fields[1], in: 0...23, name: "hour")
        daysOfMonth = try Self.parse(fields[2], in: 1...31, name: "day of month")
        months = try Self.parse(fields[3], in: 1...12, name: "month")
        daysOfWeek = Set(try Self.parse(fields[4], in: 0...7, name: "day of week").map { $0 % 7 })
        dayOfMonthRestricted = fields[2] != "*"
        dayOfWeekRestricted = fields[4] != "*"
        description = fields.joined(separator: " ")
    }

    /// The first whole minute strictly after `date` that the schedule matches, or `nil` when none does
    /// within eight years (`0 0 31 2 *`).
    public func next(after date: Date) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = floor(date.timeIntervalSince1970 / 60) * 60 + 60
        var candidate = Date(timeIntervalSince1970: start)
        let limit = date.addingTimeInterval(8 * 366 * 86_400)
        while candidate < limit {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: candidate)
            guard let month = parts.month, let day = parts.day, let hour = parts.hour, let minute = parts.minute,
                let weekday = parts.weekday
            else { return nil }
            if !months.contains(month) {
                candidate = calendar.date(from: DateComponents(year: parts.year, month: month + 1, day: 1)) ?? limit
                continue
            }
            if !matchesDay(day: day, weekday: weekday - 1) {
                candidate = calendar.date(from: DateComponents(year: parts.year, month: month, day: day + 1)) ?? limit
                continue
            }
            if !hours.contains(hour) {
                candidate = calendar.date(from: DateComponents(year: parts.year, month: month, day: day, hour: hour + 1)) ?? limit
                continue
            }
            if !minutes.contains(minute) {
                candidate = candidate.addingTimeInterval(60)
                continue
            }
            return candidate
        }
        return nil
    }

    private func matchesDay(day: Int, weekday: Int) -> Bool {
        switch (dayOfMonthRestricted, dayOfWeekRestricted) {
        case (true, true): daysOfMonth.contains(day) || daysOfWeek.contains(weekday)
        case (true, false): daysOfMonth.contains(day)
        case (false, true): daysOfWeek.contains(weekday)
        case (false, false): true
        }
    }

    private static func parse(_ field: String, in bounds: ClosedRange<Int>, name: String) throws(ParseError) -> Set<Int> {
        var values = Set<Int>()
        for part in field.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(pieces.count) else { throw ParseError(description: "The \(name) field \"\(field)\" is not valid.") }
            var step = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else {
                    throw ParseError(description: "The \(name) field \"\(field)\" has an invalid step.")
                }
                step = parsed
            }
            let range: ClosedRange<Int>
            if pieces[0] == "*" {
                range = bounds
            } else if let dash = pieces[0].firstIndex(of: "-") {
                guard let low = Int(pieces[0][..<dash]), let high = Int(pieces[0][pieces[0].index(after: dash)...]),
                    low <= high, bounds.contains(low), bounds.contains(high)
                else { throw ParseError(description: "The \(name) field \"\(field)\" has a range outside \(bounds.lowerBound)-\(bounds.upperBound).") }
                range = low...high
            } else {
                guard let value = Int(pieces[0]), bounds.contains(value) else {
                    throw ParseError(description: "The \(name) field \"\(field)\" must be within \(bounds.lowerBound)-\(bounds.upperBound).")
                }
                range = value...(pieces.count == 2 ? bounds.upperBound : value)
            }
            values.formUnion(stride(from: range.lowerBound, through: range.upperBound, by: step))
        }
        return values
    }
}
