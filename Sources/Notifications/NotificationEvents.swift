import Foundation
import LyceumContracts
import LyceumPlatform

/// The events that become notifications: every domain's `NotificationRequested`, and the Courses events
/// that tell a student something happened to them (added to a course by its staff, a quiz attempt graded).
enum NotificationEvents {
    static func register(in registry: JobRegistry, service: NotificationsService, courses: any CourseDirectory) {
        registry.subscribe(NotificationRequested.self, as: "notifications.requested") { request, _ in
            try await service.deliver(request)
        }
        registry.subscribe(StudentEnrolled.self, as: "notifications.enrollment") { event, job in
            guard let request = try await enrollmentRequest(event, key: job.uniqueKey, courses: courses) else { return }
            try await service.deliver(request)
        }
        registry.subscribe(QuizAttemptGraded.self, as: "notifications.grade") { event, _ in
            try await service.deliver(gradeRequest(event))
        }
    }

    /// A student added by staff hears of it; enrolling oneself needs no notification. Each enrollment is its
    /// own cause (leaving and being added again notifies again), so the source key is the event's job key.
    static func enrollmentRequest(_ event: StudentEnrolled, key: String, courses: any CourseDirectory) async throws -> NotificationRequested? {
        guard let addedBy = event.addedBy else { return nil }
        let slug = try await courses.course(event.courseID)?.slug ?? event.courseID
        return NotificationRequested(
            recipientIDs: [event.userID], kind: .enrollment, title: "You were added to “\(event.courseTitle)”", body: "",
            link: "/courses/\(slug)", actorID: addedBy, sourceKey: "enrollment:\(key)"
        )
    }

    /// The student hears of each graded attempt once.
    static func gradeRequest(_ event: QuizAttemptGraded) -> NotificationRequested {
        NotificationRequested(
            recipientIDs: [event.userID], kind: .grade, title: "“\(event.quizTitle)” was graded: \(event.percent)%",
            body: event.passed ? "You passed." : "You did not reach the passing score this time.",
            link: "/attempts/\(event.attemptID)", actorID: nil, sourceKey: "grade:\(event.attemptID)"
        )
    }
}
