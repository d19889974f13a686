import LyceumContracts
import LyceumCore
import LyceumPlatform

extension CoursesService {
    /// Enrolls the buyer of a paid course (any status: a purchase completed while the course was archived still
    /// counts). Idempotent; `true` when the enrollment became active and `StudentEnrolled` was published.
    func enrollBuyer(userID: String, courseID: String) async throws -> Bool {
        let now = now()
        return try await changing { sql in
            guard let course = try await CourseStore.find(courseID, on: sql) else { throw AppError.notFound("course") }
            TouchedCourses.current?.insert(course.id)
            guard try await EnrollmentStore.activate(courseID: course.id, userID: userID, at: now, on: sql) else { return false }
            try await CourseStore.adjustEnrollmentCount(courseID: course.id, by: 1, on: sql)
            let event = StudentEnrolled(userID: userID, courseID: course.id, courseTitle: course.title, addedBy: nil, at: now)
            try await jobs.publish(event, on: sql)
            return true
        }
    }

    /// Ends the active enrollment of a buyer whose purchase was refunded; history is kept as when a student leaves.
    /// Idempotent; `true` when an enrollment ended and `StudentUnenrolled` was published.
    func removeRefundedBuyer(userID: String, courseID: String) async throws -> Bool {
        let now = now()
        return try await changing { sql in
            TouchedCourses.current?.insert(courseID)
            guard try await EnrollmentStore.deactivate(courseID: courseID, userID: userID, at: now, on: sql) else { return false }
            try await CourseStore.adjustEnrollmentCount(courseID: courseID, by: -1, on: sql)
            try await jobs.publish(StudentUnenrolled(userID: userID, courseID: courseID, removedBy: nil, at: now), on: sql)
            return true
        }
    }
}
