import Foundation
import LyceumContracts
import LyceumPlatform

/// The events that become notifications: every domain's `NotificationRequested`; the Courses events that
/// tell a student something happened to them (joined a course, a quiz attempt graded, a course completed);
/// and Identity's `UserRegistered` (the welcome).
enum NotificationEvents {
    static func register(in registry: JobRegistry, service: NotificationsService, courses: any CourseDirectory) {
        registry.subscribe(NotificationRequested.self, as: "notifications.requested") { request, _ in
            try await service.deliver(request)
        }
        registry.subscribe(StudentEnrolled.self, as: "notifications.enrollment") { event, job in
            let request = try await enrollmentRequest(event, key: job.uniqueKey, courses: courses)
            try await service.deliver(request, inApp: event.addedBy != nil)
        }
        registry.subscribe(QuizAttemptGraded.self, as: "notifications.grade") { event, _ in
            try await service.deliver(gradeRequest(event))
        }
        registry.subscribe(CourseCompleted.self, as: "notifications.certificate") { event, _ in
            try await service.deliver(certificateRequest(event))
        }
        registry.subscribe(UserRegistered.self, as: "notifications.welcome") { event, _ in
            try await service.deliver(welcomeRequest(event), inApp: false)
        }
    }

    /// Every enrollment is confirmed by email (enrolling oneself, buying a course, being added by staff); only
    /// a student added by staff also hears of it in the app, since one who enrolled knows. Each enrollment is
    /// its own cause (leaving and joining again confirms again), so the source key is the event's job key.
    /// The student is never the actor here, so they are not left out of their own enrollment's email.
    static func enrollmentRequest(_ event: StudentEnrolled, key: String, courses: any CourseDirectory) async throws -> NotificationRequested {
        let slug = try await courses.course(event.courseID)?.slug ?? event.courseID
        let title = event.addedBy == nil ? "You are enrolled in “\(event.courseTitle)”" : "You were added to “\(event.courseTitle)”"
        return NotificationRequested(
            recipientIDs: [event.userID], kind: .enrollment, title: title, body: "",
            link: "/courses/\(slug)", actorID: event.addedBy, sourceKey: "enrollment:\(key)"
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

    /// The learner hears once per certificate, with its public link.
    static func certificateRequest(_ event: CourseCompleted) -> NotificationRequested {
        NotificationRequested(
            recipientIDs: [event.userID], kind: .certificate, title: "You completed \(event.courseTitle)",
            body: "Your certificate, which anyone can verify, is ready.",
            link: "/certificates/\(event.certificateCode)", actorID: nil, sourceKey: "certificate:\(event.certificateCode)"
        )
    }

    /// A new user is welcomed once, by email only, with a link to the catalog.
    static func welcomeRequest(_ event: UserRegistered) -> NotificationRequested {
        NotificationRequested(
            recipientIDs: [event.userID], kind: .welcome, title: "Welcome to Lyceum, \(event.displayName)", body: "",
            link: "/courses", actorID: nil, sourceKey: "welcome:\(event.userID)"
        )
    }
}
