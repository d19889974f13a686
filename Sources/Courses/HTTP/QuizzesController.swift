import LyceumContracts
import Foundation
import Hummingbird
import LyceumCore
import LyceumHTTP
import NIOCore

/// Quizzes, attempts, gradebooks and certificates under `/api/v1`.
public struct QuizzesController: Sendable {
    private let courses: CoursesService

    /// Creates the controller.
    public init(courses: CoursesService) {
        self.courses = courses
    }

    /// The routes, to mount at `/api/v1`.
    public var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.post("courses/:course/quizzes", use: create)
        routes.get("courses/:course/quizzes", use: list)
        routes.get("quizzes/:quiz", use: showForEditing)
        routes.put("quizzes/:quiz", use: replace)
        routes.delete("quizzes/:quiz", use: delete)
        routes.post("quizzes/:quiz/attempts", use: start)
        routes.get("attempts/:attempt", use: show)
        routes.patch("attempts/:attempt", use: answer)
        routes.post("attempts/:attempt/submit", use: submit)
        routes.get("courses/:course/gradebook", use: gradebook)
        routes.get("courses/:course/gradebook.csv", use: gradebookCSV)
        routes.get("courses/:course/grades", use: grades)
        routes.get("certificates/:code", use: certificate)
        return routes
    }

    private func parameter(_ name: String, _ context: AppRequestContext) -> String { context.parameters.get(name) ?? "" }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await request.decodeJSON(QuizInput.self, context: context)
        let (quiz, questions) = try await courses.createQuiz(context.principal, parameter("course", context), input: input)
        return try JSONResponse.encode(["quiz": QuizView(quiz, questions: questions)], status: .created)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (access, quizzes) = try await courses.quizzes(context.principal, parameter("course", context))
        return try JSONResponse.encode(ItemsView(
            items: quizzes.map { QuizView($0.0, questions: access.canTeach ? $0.1 : nil) }, nextCursor: nil
        ))
    }

    @Sendable func showForEditing(_ request: Request, context: AppRequestContext) async throws -> Response {
        let editable = try await courses.editableQuiz(context.principal, quizID: parameter("quiz", context))
        return try JSONResponse.encode(["quiz": QuizView(editable.quiz, questions: editable.questions, attemptCount: editable.attemptCount)])
    }

    @Sendable func replace(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await request.decodeJSON(QuizInput.self, context: context)
        let edited = try await courses.updateQuiz(context.principal, quizID: parameter("quiz", context), input: input)
        return try JSONResponse.encode(["quiz": QuizView(edited.quiz, questions: edited.questions, attemptCount: edited.attemptCount)])
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await courses.deleteQuiz(context.principal, quizID: parameter("quiz", context))
        return JSONResponse.noContent()
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let sheet = try await courses.startAttempt(context.principal, quizID: parameter("quiz", context))
        return try JSONResponse.encode(["attempt": AttemptView(sheet)], status: .created)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONResponse.encode(["attempt": AttemptView(try await courses.attempt(context.principal, attemptID: parameter("attempt", context)))])
    }

    struct AnswersBody: Decodable {
        let answers: [String: SubmittedAnswer]?
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(AnswersBody.self, context: context)
        let sheet = try await courses.saveAnswers(context.principal, attemptID: parameter("attempt", context), answers: body.answers ?? [:])
        return try JSONResponse.encode(["attempt": AttemptView(sheet)])
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let hasBody = (request.headers[.contentLength].flatMap(Int.init) ?? 0) > 0 || request.headers[.contentType] != nil
        let answers = hasBody ? try await request.decodeJSON(AnswersBody.self, context: context).answers ?? [:] : [:]
        let sheet = try await courses.submitAttempt(context.principal, attemptID: parameter("attempt", context), answers: answers)
        return try JSONResponse.encode(["attempt": AttemptView(sheet)])
    }

    @Sendable func gradebook(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONResponse.encode(GradebookView(try await courses.gradebook(context.principal, parameter("course", context))))
    }

    @Sendable func gradebookCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        Self.csvDownload(try await courses.gradebook(context.principal, parameter("course", context)))
    }

    /// The gradebook as a CSV download, for the API and the instructor's page: UTF-8 with a byte-order mark,
    /// which Excel needs to read the file as UTF-8 rather than the system's legacy code page.
    public static func csvDownload(_ book: Gradebook) -> Response {
        var body = ByteBuffer(bytes: [0xEF, 0xBB, 0xBF])
        body.writeString(book.csv)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"gradebook-\(book.course.slug).csv\"",
            ],
            body: .init(byteBuffer: body)
        )
    }

    struct MyGradesView: Codable {
        let progress: ProgressView
        let quizzes: [GradebookView.QuizColumn]
        let grades: [GradeView]
        @ExplicitNull var certificate: CertificateView?
    }

    @Sendable func grades(_ request: Request, context: AppRequestContext) async throws -> Response {
        let mine = try await courses.myGrades(context.principal, parameter("course", context))
        return try JSONResponse.encode(MyGradesView(
            progress: ProgressView(mine.progress),
            quizzes: mine.quizzes.map { .init(id: $0.id, title: $0.title, passingScore: $0.passingScore) },
            grades: mine.grades.map(GradeView.init),
            certificate: mine.certificate.map(CertificateView.init)
        ))
    }

    @Sendable func certificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONResponse.encode(["certificate": CertificateView(try await courses.certificate(code: parameter("code", context)))])
    }
}
