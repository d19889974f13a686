import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

extension CoursesService {
    /// Courses the caller owns or helps teach (every course for admins), newest first.
    public func teachingCourses(_ principal: Principal?) async throws -> [Course] {
        let principal = try require(principal)
        return try await database.read { sql in
            var select = sql.select().columns(CourseStore.columns.map { SQLColumn($0, table: "courses") }).from("courses")
            if !principal.isAdmin {
                select = select.where("owner_id", .equal, principal.userID)
                    .orWhere(SQLQueryString("id IN (SELECT course_id FROM course_staff WHERE user_id = \(bind: principal.userID))"))
            }
            return try await select.orderBy("created_at", .descending).limit(200).all().map(CourseStore.decode)
        }
    }

    /// The teaching dashboard's courses: 403 for callers who neither hold an instructor role nor help teach a course.
    public func teachingDashboard(_ principal: Principal?) async throws -> [Course] {
        let principal = try require(principal)
        let courses = try await teachingCourses(principal)
        guard principal.role >= .instructor || !courses.isEmpty else {
            throw AppError.forbidden("Teaching pages are for instructors.")
        }
        return courses
    }

    /// The caller's own attempts at a quiz, oldest first.
    public func myAttempts(_ principal: Principal?, quizID: String) async throws -> [QuizAttempt] {
        let principal = try require(principal)
        return try await database.read { sql in try await QuizStore.attempts(quizID: quizID, userID: principal.userID, on: sql) }
    }
}

extension QuizInput {
    /// Creates a quiz input from parts (used by the web editor).
    public init(
        moduleId: String, title: String, passingScore: Int?, maxAttempts: Int?, timeLimitSeconds: Int?, shuffle: Bool,
        questions: [QuestionInput]
    ) {
        self.moduleId = moduleId
        self.title = title
        self.passingScore = passingScore
        self.maxAttempts = maxAttempts
        self.timeLimitSeconds = timeLimitSeconds
        self.shuffleQuestions = shuffle
        self.shuffleOptions = shuffle
        self.allowReview = true
        self.questions = questions
    }
}
