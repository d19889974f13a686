@testable import Courses
import Foundation
import LyceumContracts
import LyceumCore
import Testing

@Suite("Gradebook CSV")
struct GradebookCSVTests {
    static func book(students: [UserSummary]) -> Gradebook {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let course = Course(
            id: "c", slug: "stars", title: "Stars", summary: "", description: "", category: "Science", tags: [], level: .beginner,
            language: "en", coverImageRef: nil, priceMinor: 0, currency: "USD", status: .published, ownerID: "o", enrollmentCount: students.count,
            createdAt: now, updatedAt: now, publishedAt: now
        )
        return Gradebook(course: course, quizzes: [], rows: students.map { student in
            GradebookRow(
                student: student,
                progress: CourseProgress(
                    courseID: "c", userID: student.id, completedLessons: 1, totalLessons: 2, lastLessonID: nil, enrolledAt: now, completedAt: nil
                ),
                grades: []
            )
        })
    }

    @Test("each row carries the email the user directory gives, and an empty cell when it gives none")
    func emailColumn() {
        let csv = Self.book(students: [
            UserSummary(id: "u1", displayName: "Ada", role: .student, isActive: true, email: "ada@example.org"),
            UserSummary(id: "u2", displayName: "Grace", role: .student, isActive: true),
        ]).csv
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "Student,Email,Student ID,Lessons completed,Lessons total,Progress %,Completed at")
        #expect(lines[1] == "Ada,ada@example.org,u1,1,2,50,")
        #expect(lines[2] == "Grace,,u2,1,2,50,")
    }
}
