import Foundation
import LyceumCore

/// A learner finished a course for the first time (every lesson done, every quiz passed) and was issued
/// its certificate. Published by Courses in the transaction that issues the certificate.
public struct CourseCompleted: DomainEvent {
    public static let eventName = "courses.course-completed"

    /// The learner.
    public let userID: String
    /// The course.
    public let courseID: String
    /// The course's title when it was completed.
    public let courseTitle: String
    /// The code anyone can verify the certificate with, at `/certificates/{code}`.
    public let certificateCode: String
    /// When the course was completed.
    public let completedAt: Date

    /// Creates the event.
    public init(userID: String, courseID: String, courseTitle: String, certificateCode: String, completedAt: Date) {
        self.userID = userID
        self.courseID = courseID
        self.courseTitle = courseTitle
        self.certificateCode = certificateCode
        self.completedAt = completedAt
    }
}
