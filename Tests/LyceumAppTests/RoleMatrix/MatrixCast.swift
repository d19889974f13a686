import Courses
import Foundation
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import Testing

/// What one cell of the matrix runs against: a fresh published course with a module, a preview and a
/// normal lesson, a quiz, staff, an enrolled student with an attempt in progress, and an account to administer.
struct MatrixFixture: Sendable {
    let courseID: String
    let courseSlug: String
    let moduleID: String
    let lessonIDs: [String]
    let quizID: String
    let attemptID: String
    let targetUserID: String
    /// Study groups and announcements (Community).
    var community: MatrixCommunityFixture? = nil
    /// Forum rows, for routes that name them.
    var forum: MatrixForumFixture? = nil
    /// A chat message in the course's room, for routes that name one.
    var chat: MatrixChatFixture? = nil
    /// An ended call in the course's room, for routes that name one.
    var callID: String? = nil
    /// An upload of the student's, for routes that name one.
    var uploadID: String? = nil
    /// Lesson files, for routes that attach, name or detach one.
    var lessonMedia: MatrixLessonMediaFixture? = nil
}

/// The accounts of the matrix, made once, and the way to make fixtures and sign-ins per cell.
struct MatrixCast: Sendable {
    static let password = "a long enough password"
    let app: TestApp
    let accounts: [MatrixRole: User]
    /// A revoked API token and web cookie of the deactivated account (it cannot sign in again).
    let deactivatedToken: String
    let deactivatedCookie: String
    let certificateCode: String

    var courses: CoursesService { get throws { try app.services.require(CoursesService.self) } }

    func principal(_ role: MatrixRole) -> Principal? {
        accounts[role].map { Principal(userID: $0.id, role: $0.role, sessionID: "matrix") }
    }

    static func assemble(_ app: TestApp) async throws -> MatrixCast {
        let identity = try app.services.identity()
        var accounts: [MatrixRole: User] = [:]
        for role in MatrixRole.allCases where role != .anonymous {
            let platformRole: Role =
                switch role {
                case .owner, .coInstructor: .instructor
                case .admin: .admin
                default: .student
                }
            accounts[role] = try await identity.createAccount(
                email: "matrix-\(role.rawValue)@example.org", password: password, displayName: "Matrix \(role.rawValue)",
                role: platformRole, emailVerified: true
            )
        }
        let deactivated = try #require(accounts[.deactivated])
        let token = try await app.login(deactivated.email, password: password).accessToken
        let cookie = try await identity.startWebSession(email: deactivated.email, password: password).cookieValue
        let admin = Principal(userID: try #require(accounts[.admin]).id, role: .admin, sessionID: "matrix")
        _ = try await identity.updateUser(admin, id: deactivated.id, role: nil, active: false)

        // A finished course of the other student's, for a real certificate code.
        let courses = try app.services.require(CoursesService.self)
        let owner = Principal(userID: try #require(accounts[.owner]).id, role: .instructor, sessionID: "matrix")
        let other = Principal(userID: try #require(accounts[.otherStudent]).id, role: .student, sessionID: "matrix")
        let finished = try await courses.createCourse(owner, draft: CourseDraft(title: "Matrix finished course"))
        let module = try await courses.addModule(owner, finished.id, title: "Only module")
        var input = LessonInput()
        input.title = "Only lesson"
        input.body = "Done."
        let lesson = try await courses.addLesson(owner, finished.id, moduleID: module.id, input: input)
        _ = try await courses.setStatus(owner, finished.id, to: .published)
        _ = try await courses.enroll(other, finished.id)
        _ = try await courses.setCompletion(other, finished.id, lessonID: lesson.id, completed: true)
        let certificate = try #require(try await courses.myGrades(other, finished.id).certificate)
        return MatrixCast(
            app: app, accounts: accounts, deactivatedToken: token, deactivatedCookie: cookie, certificateCode: certificate.code
        )
    }

    /// A fresh course for one cell; a fresh account to administer when the route names a user.
    func fixture(for route: ServedRoute, as role: MatrixRole) async throws -> MatrixFixture {
        let courses = try self.courses
        let owner = try #require(principal(.owner))
        let student = try #require(principal(.student))
        var draft = CourseDraft(title: "Matrix \(UUID().uuidString.prefix(8))")
        draft.summary = "A course for the role matrix."
        let course = try await courses.createCourse(owner, draft: draft)
        let module = try await courses.addModule(owner, course.id, title: "Module one")
        var lessonIDs: [String] = []
        for (title, preview) in [("Preview lesson", true), ("Members lesson", false)] {
            var input = LessonInput()
            input.title = title
            input.body = "Some **text**."
            input.preview = preview
            lessonIDs.append(try await courses.addLesson(owner, course.id, moduleID: module.id, input: input).id)
        }
        let quiz = try await courses.createQuiz(
            owner, course.id,
            input: QuizInput(
                moduleId: module.id, title: "Matrix quiz", passingScore: 50, maxAttempts: nil, timeLimitSeconds: nil,
                shuffle: false, questions: try QuizText.parse("? Is this a test?\n= true")
            )
        ).0
        _ = try await courses.setStatus(owner, course.id, to: .published)
        try await courses.setStaff(owner, course.id, userID: try #require(accounts[.assistant]).id, role: .assistant)
        try await courses.setStaff(owner, course.id, userID: try #require(accounts[.coInstructor]).id, role: .coInstructor)
        _ = try await courses.enroll(student, course.id)
        let attempt = try await courses.startAttempt(student, quizID: quiz.id)
        var target = try #require(accounts[.otherStudent]).id
        if route.path.contains("{id}") {
            target = try await app.services.identity().createAccount(
                email: "target-\(UUID().uuidString.prefix(8))@example.org", password: Self.password, displayName: "Target",
                role: .student, emailVerified: true
            ).id
        }
        return MatrixFixture(
            courseID: course.id, courseSlug: course.slug, moduleID: module.id, lessonIDs: lessonIDs, quizID: quiz.id,
            attemptID: attempt.attempt.id, targetUserID: target,
            community: try await MatrixCommunityFixture.make(for: route, cast: self, courseID: course.id),
            forum: MatrixForumFixture.needed(by: route) ? try await MatrixForumFixture.make(for: route, courseID: course.id, cast: self) : nil,
            chat: try await MatrixChatFixture.make(for: route, cast: self, courseID: course.id),
            callID: try await MatrixCallFixture.make(for: route, cast: self, courseID: course.id),
            uploadID: try await MatrixMediaFixture.make(for: route, cast: self),
            lessonMedia: try await MatrixLessonMediaFixture.make(for: route, as: role, cast: self, courseID: course.id, lessonID: lessonIDs[1])
        )
    }
}
