import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// A learner's standing in one course.
public struct CourseProgress: Sendable, Equatable {
    public let courseID: String
    public let userID: String
    public let completedLessons: Int
    public let totalLessons: Int
    public let lastLessonID: String?
    public let enrolledAt: Date
    public let completedAt: Date?

    /// Whole percent of lessons completed, 0...100.
    public var percent: Int { totalLessons == 0 ? 0 : completedLessons * 100 / totalLessons }
}

/// One row of an instructor's roster.
public struct RosterEntry: Sendable {
    public let student: UserSummary
    public let progress: CourseProgress
}

extension CoursesService {
    /// Enrolls the caller in a published course. Paid courses answer 402 `payment_required`: they are bought
    /// (Billing enrolls the buyer through `CourseEnrollments`). Enrolling twice is harmless.
    public func enroll(_ principal: Principal?, _ idOrSlug: String) async throws -> CourseProgress {
        let principal = try require(principal)
        let now = now()
        try await changing { sql in
            let (course, _) = try await visibleCourse(idOrSlug, for: principal, on: sql)
            guard course.status == .published else {
                throw AppError.conflict("course_not_open", "Only published courses accept enrollments.")
            }
            if let price = course.price {
                throw AppError(status: 402, code: "payment_required", message: "This course costs \(price.text); buy it to enroll.")
            }
            if try await EnrollmentStore.activate(courseID: course.id, userID: principal.userID, at: now, on: sql) {
                try await CourseStore.adjustEnrollmentCount(courseID: course.id, by: 1, on: sql)
                let event = StudentEnrolled(userID: principal.userID, courseID: course.id, courseTitle: course.title, addedBy: nil, at: now)
                try await jobs.publish(event, on: sql)
            }
        }
        return try await progress(principal, idOrSlug)
    }

    /// Leaves a course; the history (completions, dates) is kept for a later return.
    public func leave(_ principal: Principal?, _ idOrSlug: String) async throws {
        let principal = try require(principal)
        let now = now()
        try await changing { sql in
            let (course, _) = try await visibleCourse(idOrSlug, for: principal, on: sql)
            guard try await EnrollmentStore.deactivate(courseID: course.id, userID: principal.userID, at: now, on: sql) else {
                throw AppError.notFound("enrollment")
            }
            try await CourseStore.adjustEnrollmentCount(courseID: course.id, by: -1, on: sql)
            try await jobs.publish(StudentUnenrolled(userID: principal.userID, courseID: course.id, removedBy: nil, at: now), on: sql)
        }
    }

    /// Instructors add a student (any course status; paid courses too: the instructor grants a seat).
    public func addStudent(_ principal: Principal?, _ idOrSlug: String, userID: String) async throws {
        guard let student = try await users.summaries(ids: [userID])[userID], student.isActive else {
            throw AppError.notFound("user")
        }
        let now = now()
        try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            if try await EnrollmentStore.activate(courseID: course.id, userID: student.id, at: now, on: sql) {
                try await CourseStore.adjustEnrollmentCount(courseID: course.id, by: 1, on: sql)
                let event = StudentEnrolled(
                    userID: student.id, courseID: course.id, courseTitle: course.title, addedBy: principal?.userID, at: now
                )
                try await jobs.publish(event, on: sql)
            }
        }
    }

    /// Instructors remove a student; history is kept.
    public func removeStudent(_ principal: Principal?, _ idOrSlug: String, userID: String) async throws {
        let now = now()
        try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            guard try await EnrollmentStore.deactivate(courseID: course.id, userID: userID, at: now, on: sql) else {
                throw AppError.notFound("enrollment")
            }
            try await CourseStore.adjustEnrollmentCount(courseID: course.id, by: -1, on: sql)
            try await jobs.publish(StudentUnenrolled(userID: userID, courseID: course.id, removedBy: principal?.userID, at: now), on: sql)
        }
    }

    /// The active students with their progress, for the course's teachers.
    public func roster(_ principal: Principal?, _ idOrSlug: String) async throws -> [RosterEntry] {
        let principal = try require(principal)
        let (course, records, lessons, completions) = try await database.read { sql in
            let (course, access) = try await visibleCourse(idOrSlug, for: principal, on: sql)
            guard access.canTeach else { throw AppError.forbidden("Only the course's teachers may see its roster.") }
            let records = try await EnrollmentStore.roster(courseID: course.id, on: sql)
            let lessons = try await StructureStore.visibleLessonIDs(courseIDs: [course.id], on: sql)[course.id] ?? []
            let completions = try await EnrollmentStore.completions(courseID: course.id, on: sql)
            return (course, records, lessons, completions)
        }
        let summaries = try await users.summaries(ids: records.map(\.userID))
        return records.compactMap { record in
            guard let student = summaries[record.userID] else { return nil }
            let completed = (completions[record.userID] ?? []).intersection(lessons)
            return RosterEntry(student: student, progress: Self.progress(record, course: course, total: lessons.count, completed: completed))
        }
    }

    /// The caller's progress in a course they are enrolled in (404 `not_found` otherwise).
    public func progress(_ principal: Principal?, _ idOrSlug: String) async throws -> CourseProgress {
        let principal = try require(principal)
        return try await database.read { sql in
            let (course, _) = try await visibleCourse(idOrSlug, for: principal, on: sql)
            guard let record = try await EnrollmentStore.find(courseID: course.id, userID: principal.userID, on: sql), record.isActive else {
                throw AppError.notFound("enrollment")
            }
            let lessons = try await StructureStore.visibleLessonIDs(courseIDs: [course.id], on: sql)[course.id] ?? []
            let completed = try await EnrollmentStore.completions(courseID: course.id, userIDs: [principal.userID], on: sql)[principal.userID] ?? []
            return Self.progress(record, course: course, total: lessons.count, completed: completed.intersection(lessons))
        }
    }

    /// Marks a lesson complete or not (idempotent) and keeps the course completion date (and certificate) in step.
    public func setCompletion(_ principal: Principal?, _ idOrSlug: String, lessonID: String, completed: Bool) async throws -> CourseProgress {
        let principal = try require(principal)
        let now = now()
        try await withStudentName(principal.userID) { studentName in
            try await database.transaction { sql in
                let (course, access) = try await visibleCourse(idOrSlug, for: principal, on: sql)
                guard access.isEnrolled else {
                    throw AppError(status: 403, code: "enrollment_required", message: "Enroll in the course to track progress.")
                }
                guard try await StructureStore.lesson(id: lessonID, courseID: course.id, on: sql) != nil else {
                    throw AppError.notFound("lesson")
                }
                try await EnrollmentStore.lock(courseID: course.id, userID: principal.userID, on: sql)
                if completed {
                    do {
                        try await EnrollmentStore.complete(lessonID: lessonID, courseID: course.id, userID: principal.userID, at: now, on: sql)
                    } catch where DatabaseFailure(error) == .foreignKeyViolation {
                        // The lesson was deleted between the check above and this write (SQLite checks at once).
                        throw AppError.notFound("lesson")
                    }
                    try await EnrollmentStore.setLastLesson(courseID: course.id, userID: principal.userID, lessonID: lessonID, on: sql)
                } else {
                    try await EnrollmentStore.uncomplete(lessonID: lessonID, userID: principal.userID, on: sql)
                }
                try await refreshCompletion(courseID: course.id, userID: principal.userID, studentName: studentName, at: now, on: sql)
            }
        }
        return try await progress(principal, idOrSlug)
    }

    /// The caller's active enrollments with progress, most recent first.
    public func myEnrollments(_ principal: Principal?) async throws -> [(Course, CourseProgress)] {
        let principal = try require(principal)
        // Four queries however many courses: enrollments, their courses, lesson ids and completions.
        return try await database.read { sql in
            let records = try await EnrollmentStore.enrollments(userID: principal.userID, on: sql)
            let ids = records.map(\.courseID)
            let courses = try await CourseStore.find(ids: ids, on: sql)
            let lessons = try await StructureStore.visibleLessonIDs(courseIDs: ids, on: sql)
            let completed = try await EnrollmentStore.completions(userID: principal.userID, courseIDs: ids, on: sql)
            return records.compactMap { record -> (Course, CourseProgress)? in
                guard let course = courses[record.courseID], course.status == .published else { return nil }
                let courseLessons = lessons[course.id] ?? []
                let done = (completed[course.id] ?? []).intersection(courseLessons)
                return (course, Self.progress(record, course: course, total: courseLessons.count, completed: done))
            }
        }
    }

    /// Published courses for the catalog, and whether another page follows.
    public func catalog(_ query: CatalogQuery) async throws -> (courses: [Course], hasMore: Bool) {
        let engine = database.engine
        let found = try await database.read { sql in try await CatalogStore.search(query, engine: engine, on: sql) }
        return (Array(found.prefix(query.limit)), found.count > query.limit)
    }

    static func progress(_ record: EnrollmentRecord, course: Course, total: Int, completed: Set<String>) -> CourseProgress {
        CourseProgress(
            courseID: course.id, userID: record.userID, completedLessons: completed.count, totalLessons: total,
            lastLessonID: record.lastLessonID, enrolledAt: record.enrolledAt, completedAt: record.completedAt
        )
    }
}
