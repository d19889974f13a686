import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// One student's results in one quiz.
public struct QuizGrade: Sendable, Equatable {
    public let quizID: String
    public let attempts: Int
    /// Best submitted percentage, `nil` before the first submission.
    public let bestPercent: Int?
    public let passed: Bool
}

/// One row of a gradebook.
public struct GradebookRow: Sendable {
    public let student: UserSummary
    public let progress: CourseProgress
    public let grades: [QuizGrade]
}

/// Students × quizzes for one course.
public struct Gradebook: Sendable {
    public let course: Course
    public let quizzes: [Quiz]
    public let rows: [GradebookRow]

    /// The gradebook as CSV (RFC 4180), one row per student. The email column is empty for a student whose
    /// address the user directory does not give.
    public var csv: String {
        var header = ["Student", "Email", "Student ID", "Lessons completed", "Lessons total", "Progress %", "Completed at"]
        for quiz in quizzes { header += ["\(quiz.title): best %", "\(quiz.title): attempts", "\(quiz.title): passed"] }
        var lines = [header.map(Self.field).joined(separator: ",")]
        for row in rows {
            var cells = [
                row.student.displayName, row.student.email ?? "", row.student.id, String(row.progress.completedLessons), String(row.progress.totalLessons),
                String(row.progress.percent), row.progress.completedAt.map(ISO8601Text.string) ?? "",
            ]
            for grade in row.grades {
                cells += [grade.bestPercent.map(String.init) ?? "", String(grade.attempts), grade.passed ? "yes" : "no"]
            }
            lines.append(cells.map(Self.field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A CSV field, quoted when needed; cells that spreadsheets would run as formulas are prefixed with `'`.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension CoursesService {
    /// The whole gradebook, for the course's teachers.
    public func gradebook(_ principal: Principal?, _ idOrSlug: String) async throws -> Gradebook {
        let principal = try require(principal)
        let (course, quizzes, records, lessons, completions, attempts) = try await database.read { sql in
            let (course, access) = try await visibleCourse(idOrSlug, for: principal, on: sql)
            guard access.canTeach else { throw AppError.forbidden("Only the course's teachers may see its gradebook.") }
            return (
                course,
                try await QuizStore.quizzes(courseID: course.id, on: sql),
                try await EnrollmentStore.roster(courseID: course.id, on: sql),
                try await StructureStore.lessons(courseID: course.id, on: sql).map(\.id),
                try await EnrollmentStore.completions(courseID: course.id, on: sql),
                try await QuizStore.attempts(courseID: course.id, on: sql)
            )
        }
        let summaries = try await users.summaries(ids: records.map(\.userID))
        let rows = records.compactMap { record -> GradebookRow? in
            guard let student = summaries[record.userID] else { return nil }
            let done = (completions[record.userID] ?? []).intersection(lessons)
            return GradebookRow(
                student: student,
                progress: Self.progress(record, course: course, total: lessons.count, completed: done),
                grades: Self.grades(quizzes: quizzes, attempts: attempts.filter { $0.userID == record.userID })
            )
        }
        return Gradebook(course: course, quizzes: quizzes, rows: rows.sorted { $0.student.displayName < $1.student.displayName })
    }

    /// The caller's own grades in a course they are enrolled in, over the quizzes students see.
    public func myGrades(_ principal: Principal?, _ idOrSlug: String) async throws -> (progress: CourseProgress, quizzes: [Quiz], grades: [QuizGrade], certificate: Certificate?) {
        let principal = try require(principal)
        let progress = try await progress(principal, idOrSlug)
        return try await database.read { sql in
            let hiddenModules = Set(try await StructureStore.modules(courseID: progress.courseID, on: sql).filter(\.isHidden).map(\.id))
            // Hidden quizzes are not the student's to see, nor to pass.
            let quizzes = try await QuizStore.quizzes(courseID: progress.courseID, on: sql)
                .filter { !$0.isHidden && !hiddenModules.contains($0.moduleID) }
            let attempts = try await QuizStore.attempts(courseID: progress.courseID, userID: principal.userID, on: sql)
            let certificate = try await CertificateStore.find(courseID: progress.courseID, userID: principal.userID, on: sql)
            return (progress, quizzes, Self.grades(quizzes: quizzes, attempts: attempts), certificate)
        }
    }

    /// The caller's certificates, newest first.
    public func myCertificates(_ principal: Principal?) async throws -> [Certificate] {
        let principal = try require(principal)
        return try await database.read { sql in try await CertificateStore.find(userID: principal.userID, on: sql) }
    }

    /// A certificate by its public code; 404 when there is none.
    public func certificate(code: String) async throws -> Certificate {
        guard code.count <= 20, let certificate = try await database.read({ sql in try await CertificateStore.find(code: code, on: sql) })
        else { throw AppError.notFound("certificate") }
        return certificate
    }

    static func grades(quizzes: [Quiz], attempts: [QuizAttempt]) -> [QuizGrade] {
        quizzes.map { quiz in
            let mine = attempts.filter { $0.quizID == quiz.id }
            let best = mine.compactMap(\.percent).max()
            return QuizGrade(quizID: quiz.id, attempts: mine.count, bestPercent: best, passed: mine.contains { $0.passed == true })
        }
    }
}
