import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// A quiz as its editors see it: settings, questions with their keys, and how many attempts it has.
public struct EditableQuiz: Sendable {
    public let course: Course
    public let quiz: Quiz
    public let questions: [QuizQuestion]
    /// Attempts started so far; once there is one, questions can no longer change (grades would shift).
    public let attemptCount: Int
}

extension CoursesService {
    /// A quiz with its questions and keys, for the course's editors (403 for anyone else, 404 when absent).
    public func editableQuiz(_ principal: Principal?, quizID: String) async throws -> EditableQuiz {
        let principal = try require(principal)
        return try await database.read { sql in
            guard let quiz = try await QuizStore.quiz(id: quizID, on: sql) else { throw AppError.notFound("quiz") }
            let course = try await editableCourse(quiz.courseID, for: principal, on: sql)
            return EditableQuiz(
                course: course, quiz: quiz, questions: try await QuizStore.questions(quizID: quiz.id, on: sql),
                attemptCount: try await QuizStore.attemptCount(quizID: quiz.id, on: sql)
            )
        }
    }

    /// Replaces a quiz's settings and questions. Once the quiz has attempts its questions, options, keys and
    /// points are fixed (409 `quiz_has_attempts` for a change to them, since grades already given would no longer
    /// match); settings, title, module and visibility may still change.
    public func updateQuiz(_ principal: Principal?, quizID: String, input: QuizInput) async throws -> EditableQuiz {
        let principal = try require(principal)
        return try await changing { sql in
            guard let current = try await QuizStore.quiz(id: quizID, on: sql) else { throw AppError.notFound("quiz") }
            let course = try await editableCourse(current.courseID, for: principal, on: sql)
            guard try await StructureStore.modules(courseID: course.id, on: sql).contains(where: { $0.id == input.moduleId }) else {
                throw AppError.validation(["moduleId": "is not a module of this course"])
            }
            let (quiz, questions) = try QuizRules.quiz(input, courseID: course.id, id: current.id, createdAt: current.createdAt)
            let existing = try await QuizStore.questions(quizID: quiz.id, on: sql)
            let attempts = try await QuizStore.attemptCount(quizID: quiz.id, on: sql)
            try await QuizStore.update(quiz, on: sql)
            guard !QuizRules.sameQuestions(existing, questions) else {
                return EditableQuiz(course: course, quiz: quiz, questions: existing, attemptCount: attempts)
            }
            guard attempts == 0 else {
                throw AppError.conflict(
                    "quiz_has_attempts",
                    "Students have already attempted this quiz, so its questions can no longer change; its settings can."
                )
            }
            try await QuizStore.deleteQuestions(quizID: quiz.id, on: sql)
            try await QuizStore.insert(questions, quizID: quiz.id, on: sql)
            return EditableQuiz(course: course, quiz: quiz, questions: questions, attemptCount: 0)
        }
    }

    /// Hides a quiz of a course the caller edits from students, or shows it again; nothing else about it changes.
    /// 404 when the quiz is not one of that course's.
    public func setQuizHidden(_ principal: Principal?, _ idOrSlug: String, quizID: String, hidden: Bool) async throws -> Quiz {
        let principal = try require(principal)
        return try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            guard var quiz = try await QuizStore.quiz(id: quizID, on: sql), quiz.courseID == course.id else {
                throw AppError.notFound("quiz")
            }
            quiz.isHidden = hidden
            try await QuizStore.update(quiz, on: sql)
            return quiz
        }
    }
}
