import Foundation
import SQLKit

/// An enrollment row: who takes which course, since when, and where they are.
struct EnrollmentRecord: Sendable, Equatable {
    let courseID: String
    let userID: String
    let isActive: Bool
    let enrolledAt: Date
    let completedAt: Date?
    let lastLessonID: String?
}

/// SQL for enrollments and lesson completions.
struct EnrollmentStore {
    static func find(courseID: String, userID: String, on sql: any SQLDatabase) async throws -> EnrollmentRecord? {
        try await sql.select().columns("course_id", "user_id", "status", "enrolled_at", "completed_at", "last_lesson_id")
            .from("enrollments").where("course_id", .equal, courseID).where("user_id", .equal, userID)
            .first().map(decode)
    }

    /// Creates or reactivates an enrollment in one statement; `true` when the user was not actively enrolled
    /// before. A single upsert keeps concurrent enrolls from colliding or counting twice.
    static func activate(courseID: String, userID: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO enrollments (course_id, user_id, status, enrolled_at) VALUES (\(bind: courseID), \(bind: userID), 'active', \(bind: now))
            ON CONFLICT (course_id, user_id) DO UPDATE SET status = 'active', left_at = NULL WHERE enrollments.status = 'left'
            RETURNING user_id
            """
        ).first() != nil
    }

    /// On PostgreSQL, locks the enrollment row until the transaction ends, so concurrent progress updates of
    /// one student see each other's writes when deciding completion. SQLite transactions are already serial.
    static func lock(courseID: String, userID: String, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name != "sqlite" else { return }
        _ = try await sql.raw(
            "SELECT user_id FROM enrollments WHERE course_id = \(bind: courseID) AND user_id = \(bind: userID) FOR UPDATE"
        ).all()
    }

    /// Marks the enrollment left, keeping its history; `true` when it was active.
    static func deactivate(courseID: String, userID: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.update("enrollments").set("status", to: "left").set("left_at", to: now)
            .where("course_id", .equal, courseID).where("user_id", .equal, userID).where("status", .equal, "active")
            .returning("user_id").first() != nil
    }

    static func roster(courseID: String, on sql: any SQLDatabase) async throws -> [EnrollmentRecord] {
        try await sql.select().columns("course_id", "user_id", "status", "enrolled_at", "completed_at", "last_lesson_id")
            .from("enrollments").where("course_id", .equal, courseID).where("status", .equal, "active")
            .orderBy("enrolled_at").orderBy("user_id").all().map(decode)
    }

    static func enrollments(userID: String, on sql: any SQLDatabase) async throws -> [EnrollmentRecord] {
        try await sql.select().columns("course_id", "user_id", "status", "enrolled_at", "completed_at", "last_lesson_id")
            .from("enrollments").where("user_id", .equal, userID).where("status", .equal, "active")
            .orderBy("enrolled_at", .descending).all().map(decode)
    }

    static func setLastLesson(courseID: String, userID: String, lessonID: String, on sql: any SQLDatabase) async throws {
        try await sql.update("enrollments").set("last_lesson_id", to: lessonID)
            .where("course_id", .equal, courseID).where("user_id", .equal, userID).run()
    }

    static func setCompleted(courseID: String, userID: String, at date: Date?, on sql: any SQLDatabase) async throws {
        try await sql.update("enrollments").set("completed_at", to: date)
            .where("course_id", .equal, courseID).where("user_id", .equal, userID).run()
    }

    /// A student's completion date in a course and whether they have finished it (the course has at least one
    /// lesson or quiz students see, every such lesson is completed and every such quiz passed at least once);
    /// `nil` when they have no enrollment. Hidden items, and items of hidden modules, do not count. One query
    /// however large the course.
    static func completion(courseID: String, userID: String, on sql: any SQLDatabase) async throws -> (completedAt: Date?, finished: Bool)? {
        let row = try await sql.raw(
            """
            SELECT completed_at,
                (SELECT COUNT(*) FROM lessons l JOIN course_modules m ON m.id = l.module_id
                    WHERE l.course_id = \(bind: courseID) AND l.hidden = \(bind: false) AND m.hidden = \(bind: false))
                    + (SELECT COUNT(*) FROM quizzes q JOIN course_modules m ON m.id = q.module_id
                        WHERE q.course_id = \(bind: courseID) AND q.hidden = \(bind: false) AND m.hidden = \(bind: false)) AS parts,
                (SELECT COUNT(*) FROM lessons l JOIN course_modules m ON m.id = l.module_id
                    WHERE l.course_id = \(bind: courseID) AND l.hidden = \(bind: false) AND m.hidden = \(bind: false)
                    AND NOT EXISTS (
                        SELECT 1 FROM lesson_completions c
                        WHERE c.lesson_id = l.id AND c.user_id = \(bind: userID) AND c.course_id = \(bind: courseID)))
                    + (SELECT COUNT(*) FROM quizzes q JOIN course_modules m ON m.id = q.module_id
                        WHERE q.course_id = \(bind: courseID) AND q.hidden = \(bind: false) AND m.hidden = \(bind: false)
                        AND NOT EXISTS (
                            SELECT 1 FROM quiz_attempts a
                            WHERE a.quiz_id = q.id AND a.user_id = \(bind: userID) AND a.course_id = \(bind: courseID)
                                AND a.passed = \(bind: true))) AS missing
            FROM enrollments WHERE course_id = \(bind: courseID) AND user_id = \(bind: userID)
            """
        ).first()
        guard let row else { return nil }
        let finished = try row.decode(column: "parts", as: Int.self) > 0 && row.decode(column: "missing", as: Int.self) == 0
        return (try row.decode(column: "completed_at", as: Date?.self), finished)
    }

    /// Records a completion; idempotent (a second call changes nothing).
    static func complete(lessonID: String, courseID: String, userID: String, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "lesson_completions").columns("lesson_id", "user_id", "course_id", "completed_at")
            .values(SQLBind(lessonID), SQLBind(userID), SQLBind(courseID), SQLBind(now))
            .ignoringConflicts(with: ["lesson_id", "user_id"])
            .run()
    }

    static func uncomplete(lessonID: String, userID: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "lesson_completions").where("lesson_id", .equal, lessonID).where("user_id", .equal, userID).run()
    }

    /// Completed lesson ids per user in a course.
    static func completions(courseID: String, userIDs: [String]? = nil, on sql: any SQLDatabase) async throws -> [String: Set<String>] {
        var select = sql.select().columns("user_id", "lesson_id").from("lesson_completions").where("course_id", .equal, courseID)
        if let userIDs { select = select.where("user_id", .in, userIDs) }
        var result: [String: Set<String>] = [:]
        for row in try await select.all() {
            result[try row.decode(column: "user_id", as: String.self), default: []]
                .insert(try row.decode(column: "lesson_id", as: String.self))
        }
        return result
    }

    /// The lessons one user completed in each of these courses.
    static func completions(userID: String, courseIDs: [String], on sql: any SQLDatabase) async throws -> [String: Set<String>] {
        guard !courseIDs.isEmpty else { return [:] }
        var result: [String: Set<String>] = [:]
        let rows = try await sql.select().columns("course_id", "lesson_id").from("lesson_completions")
            .where("user_id", .equal, userID).where("course_id", .in, courseIDs).all()
        for row in rows {
            result[try row.decode(column: "course_id", as: String.self), default: []]
                .insert(try row.decode(column: "lesson_id", as: String.self))
        }
        return result
    }

    private static func decode(_ row: any SQLRow) throws -> EnrollmentRecord {
        EnrollmentRecord(
            courseID: try row.decode(column: "course_id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            isActive: try row.decode(column: "status", as: String.self) == "active",
            enrolledAt: try row.decode(column: "enrolled_at", as: Date.self),
            completedAt: try row.decode(column: "completed_at", as: Date?.self),
            lastLessonID: try row.decode(column: "last_lesson_id", as: String?.self)
        )
    }
}
