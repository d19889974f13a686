import Courses
import Foundation
import Identity
import LyceumCore
import LyceumPlatform
import SQLKit

/// Creates a small, realistic school (admin, instructors, students, published courses with lessons and
/// quizzes, enrollments and progress) so a newcomer sees a living platform within a minute.
public enum DemoSchool {
    /// The password of every demo account.
    public static let password = "lyceum-demo-2026"

    /// What was created, for printing.
    public struct Summary: Sendable {
        public let admin: String
        public let instructors: [String]
        public let students: [String]
        public let courses: [String]

        /// Sign-in details for the console.
        public var text: String {
            """
            Demo school ready. Every account's password is \(DemoSchool.password)
              admin:       \(admin)
              instructors: \(instructors.joined(separator: ", "))
              students:    \(students.prefix(3).joined(separator: ", ")) and \(students.count - 3) more
              courses:     \(courses.joined(separator: "; "))
            """
        }
    }

    /// Whether the database has no accounts yet (so `serve --demo` may seed it).
    public static func isEmpty(_ database: any Database) async throws -> Bool {
        try await database.read { sql in
            try await sql.select().column("id").from("users").limit(1).first() == nil
        }
    }

    /// Seeds the school. Fails with 409 `email_taken` if demo accounts already exist.
    public static func seed(_ services: LyceumServices) async throws -> Summary {
        let identity = services.identity
        let courses = services.courses
        let admin = try await identity.createAccount(
            email: "admin@demo.lyceum.test", password: password, displayName: "Ada Admin", role: .admin, emailVerified: true
        )
        var instructors: [User] = []
        for (email, name) in [("hypatia@demo.lyceum.test", "Hypatia of Alexandria"), ("grace@demo.lyceum.test", "Grace Hopper")] {
            instructors.append(try await identity.createAccount(email: email, password: password, displayName: name, role: .instructor, emailVerified: true))
        }
        let names = [
            "Amara Okafor", "Björn Lindqvist", "Chen Wei", "Dolores Ruiz", "Emeka Nwosu", "Fatima Zahra", "Giulia Romano",
            "Hiroshi Tanaka", "Inés García", "Jonas Weber", "Kavya Iyer", "Liam O'Brien",
        ]
        var students: [User] = []
        for name in names {
            let local = name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
                .replacingOccurrences(of: " ", with: ".").replacingOccurrences(of: "'", with: "")
            students.append(try await identity.createAccount(
                email: "\(local)@demo.lyceum.test", password: password, displayName: name, role: .student, emailVerified: true
            ))
        }

        var titles: [String] = []
        for (index, text) in DemoContent.courses.enumerated() {
            let owner = instructors[index % instructors.count]
            let teacher = Principal(userID: owner.id, role: .instructor, sessionID: "demo-seed")
            let course = try await courses.createCourse(teacher, draft: try decode(CourseDraft.self, [
                "title": text.title, "summary": text.summary, "description": text.description, "category": text.category,
                "tags": text.tags, "level": text.level, "language": "en", "priceMinor": text.priceMinor, "currency": "EUR",
            ]))
            var lessonIDs: [String] = []
            var firstModuleID = ""
            for module in text.modules {
                let created = try await courses.addModule(teacher, course.id, title: module.title)
                if firstModuleID.isEmpty { firstModuleID = created.id }
                for lesson in module.lessons {
                    let added = try await courses.addLesson(teacher, course.id, moduleID: created.id, input: try decode(LessonInput.self, [
                        "title": lesson.title, "body": lesson.body, "estimatedMinutes": lesson.minutes, "preview": lesson.preview,
                    ]))
                    lessonIDs.append(added.id)
                }
            }
            let (quiz, questions) = try await courses.createQuiz(teacher, course.id, input: try decode(QuizInput.self, [
                "moduleId": firstModuleID, "title": "Check your understanding", "passingScore": 60, "maxAttempts": 3,
                "shuffleOptions": true, "questions": text.quiz,
            ]))
            _ = try await courses.setStatus(teacher, course.id, to: .published)
            titles.append(course.title)

            for (position, student) in students.enumerated() where (position + index) % 3 != 0 {
                let learner = Principal(userID: student.id, role: .student, sessionID: "demo-seed")
                if course.isPaid {
                    try await courses.addStudent(teacher, course.id, userID: student.id)
                } else {
                    _ = try await courses.enroll(learner, course.id)
                }
                let finished = (position * 7 + index) % (lessonIDs.count + 1)
                for lessonID in lessonIDs.prefix(finished) {
                    _ = try await courses.setCompletion(learner, course.id, lessonID: lessonID, completed: true)
                }
                if finished == lessonIDs.count {
                    let sheet = try await courses.startAttempt(learner, quizID: quiz.id)
                    let answers = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, rightAnswer($0)) })
                    _ = try await courses.submitAttempt(learner, attemptID: sheet.attempt.id, answers: answers)
                }
            }
        }
        return Summary(admin: admin.email, instructors: instructors.map(\.email), students: students.map(\.email), courses: titles)
    }

    private static func rightAnswer(_ question: QuizQuestion) -> SubmittedAnswer {
        switch question.kind {
        case .singleChoice: .text(question.key.correctOptions?.first ?? "")
        case .multipleChoice: .options(question.key.correctOptions ?? [])
        case .trueFalse: .truth(question.key.truth ?? false)
        case .shortAnswer: .text(question.key.accepted?.first ?? "")
        case .numeric: .number(question.key.value ?? 0)
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, _ fields: [String: any Sendable]) throws -> Value {
        try JSONDecoder().decode(Value.self, from: try JSONSerialization.data(withJSONObject: fields))
    }
}
