import Foundation
import LyceumCore

/// A student joined a course: by enrolling themselves, or added by one of its instructors (`addedBy`).
/// Published by Courses in the transaction that activates the enrollment; re-enrolling after leaving
/// publishes it again.
public struct StudentEnrolled: DomainEvent {
    public static let eventName = "courses.student-enrolled"

    /// The student.
    public let userID: String
    /// The course.
    public let courseID: String
    /// The course's title at the time.
    public let courseTitle: String
    /// The instructor or admin who added the student; `nil` when the student enrolled themselves.
    public let addedBy: String?
    /// When.
    public let at: Date

    /// Creates the event.
    public init(userID: String, courseID: String, courseTitle: String, addedBy: String?, at: Date) {
        self.userID = userID
        self.courseID = courseID
        self.courseTitle = courseTitle
        self.addedBy = addedBy
        self.at = at
    }
}

/// A student left a course, or was removed from it by one of its instructors (`removedBy`).
/// Published by Courses in the transaction that deactivates the enrollment.
public struct StudentUnenrolled: DomainEvent {
    public static let eventName = "courses.student-unenrolled"

    /// The student.
    public let userID: String
    /// The course.
    public let courseID: String
    /// The instructor or admin who removed the student; `nil` when the student left.
    public let removedBy: String?
    /// When.
    public let at: Date

    /// Creates the event.
    public init(userID: String, courseID: String, removedBy: String?, at: Date) {
        self.userID = userID
        self.courseID = courseID
        self.removedBy = removedBy
        self.at = at
    }
}

/// A quiz attempt was graded on the server: submitted by its student, or closed once its time limit passed.
/// Published by Courses in the transaction that grades it.
public struct QuizAttemptGraded: DomainEvent {
    public static let eventName = "courses.quiz-attempt-graded"

    /// The attempt's id.
    public let attemptID: String
    /// The student.
    public let userID: String
    /// The course.
    public let courseID: String
    /// The quiz.
    public let quizID: String
    /// The quiz's title at the time.
    public let quizTitle: String
    /// The points scored; `nil` in events written before it was carried (a job queued by the release before).
    public let score: Int?
    /// The points available; `nil` in events written before it was carried.
    public let maxScore: Int?
    /// The score in whole percent.
    public let percent: Int
    /// Whether the attempt reached the quiz's passing score.
    public let passed: Bool
    /// When it was graded.
    public let gradedAt: Date

    /// Creates the event.
    public init(
        attemptID: String, userID: String, courseID: String, quizID: String, quizTitle: String, score: Int, maxScore: Int, percent: Int,
        passed: Bool, gradedAt: Date
    ) {
        self.attemptID = attemptID
        self.userID = userID
        self.courseID = courseID
        self.quizID = quizID
        self.quizTitle = quizTitle
        self.score = score
        self.maxScore = maxScore
        self.percent = percent
        self.passed = passed
        self.gradedAt = gradedAt
    }
}
