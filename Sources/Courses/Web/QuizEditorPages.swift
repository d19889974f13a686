import Foundation
import HTTPTypes
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// What the quiz editor template shows: the draft as typed, each field with its error.
struct QuizEditorContent: Sendable {
    struct Option: Sendable {
        let question: Int
        let position: Int
        let number: Int
        let text: String
        let correct: Bool
        let canRemove: Bool
    }

    struct Question: Sendable {
        let index: Int
        let number: Int
        let prompt, points: String
        let kinds: [SelectOption]
        let isChoice, isSingle, isTrueFalse, isShortAnswer, isNumeric: Bool
        let options: [Option]
        let optionCount: Int
        let canAddOption: Bool
        let truthTrue, truthFalse: Bool
        let accepted, value, tolerance: String
        let canMoveUp, canMoveDown: Bool
        let focus: Bool
        /// Errors of this question's fields, by field name (`prompt`, `options`, `correct`, ...).
        let errors: [String: String]
    }

    let course: CoursePageContent.CourseRef
    let heading: String
    let formAction: String
    let quizID: String?
    let quizTitle, passingScore, maxAttempts, timeLimitMinutes, importText: String
    let shuffle, allowReview, hidden: Bool
    let modules: [SelectOption]
    let reveal: [SelectOption]
    let questions: [Question]
    let questionCount: Int
    let canAddQuestion: Bool
    /// The number of attempts when questions can no longer change.
    let lockedByAttempts: Int?
    let fields: [String: String]

    init(
        draft: QuizDraft, course: CoursePageContent.CourseRef, modules: [CourseModule], quizID: String?, attemptCount: Int,
        fields: [String: String], focus: Int?
    ) {
        self.course = course
        heading = quizID == nil ? "New quiz" : "Edit quiz: \(draft.title)"
        formAction = quizID.map { "/teach/courses/\(course.slug)/quizzes/\($0)" }
            ?? "/teach/courses/\(course.slug)/modules/\(draft.moduleID)/quizzes"
        self.quizID = quizID
        quizTitle = draft.title
        passingScore = draft.passingScore
        maxAttempts = draft.maxAttempts
        timeLimitMinutes = draft.timeLimitMinutes
        importText = draft.importText
        shuffle = draft.shuffle
        allowReview = draft.allowReview
        hidden = draft.hidden
        self.modules = SelectOption.list(
            modules.map(\.id), selected: draft.moduleID, labels: Dictionary(modules.map { ($0.id, $0.title) }) { first, _ in first }
        )
        reveal = SelectOption.list(
            AnswerReveal.allCases.map(\.rawValue), selected: draft.revealAnswers.rawValue,
            labels: [
                AnswerReveal.never.rawValue: "Never",
                AnswerReveal.afterLastAttempt.rawValue: "Once the student passed or has no attempt left",
                AnswerReveal.afterEachAttempt.rawValue: "After every attempt",
            ]
        )
        let count = draft.questions.count
        questions = draft.questions.enumerated().map { index, question in
            let prefix = "questions.\(index)."
            var errors: [String: String] = [:]
            for (key, value) in fields where key.hasPrefix(prefix) { errors[String(key.dropFirst(prefix.count))] = value }
            return Question(
                index: index, number: index + 1, prompt: question.prompt, points: question.points,
                kinds: SelectOption.list(
                    QuestionKind.allCases.map(\.rawValue), selected: question.kind.rawValue,
                    labels: Dictionary(uniqueKeysWithValues: QuestionKind.allCases.map { ($0.rawValue, $0.label) })
                ),
                isChoice: question.kind.hasOptions, isSingle: question.kind == .singleChoice,
                isTrueFalse: question.kind == .trueFalse, isShortAnswer: question.kind == .shortAnswer, isNumeric: question.kind == .numeric,
                options: question.options.enumerated().map { position, text in
                    Option(
                        question: index, position: position, number: position + 1, text: text,
                        correct: question.correct.contains(position), canRemove: question.options.count > 2
                    )
                },
                optionCount: question.options.count, canAddOption: question.options.count < QuizDraft.maxOptions,
                truthTrue: question.truth == "true", truthFalse: question.truth == "false",
                accepted: question.accepted, value: question.value, tolerance: question.tolerance,
                canMoveUp: index > 0, canMoveDown: index < count - 1, focus: index == focus, errors: errors
            )
        }
        questionCount = count
        canAddQuestion = count < QuizDraft.maxQuestions
        lockedByAttempts = attemptCount > 0 ? attemptCount : nil
        self.fields = fields
    }
}

/// The quiz editor: a form with one fieldset per question, where adding, moving and removing questions and
/// options are buttons that post the whole form back, so nothing typed is lost, with or without JavaScript.
struct QuizEditorPages: Sendable {
    let courses: CoursesService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("teach/courses/:course/modules/:module/quizzes/new", use: newQuiz)
        pages.post("teach/courses/:course/modules/:module/quizzes", use: create)
        pages.get("teach/courses/:course/quizzes/:quiz", use: edit)
        pages.post("teach/courses/:course/quizzes/:quiz", use: save)
    }

    private func slug(_ context: AppRequestContext) throws -> String { try context.parameters.require("course") }

    @Sendable func newQuiz(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        let moduleID = try context.parameters.require("module")
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/teach/courses/\(slug)/modules/\(moduleID)/quizzes/new") }
        let outline = try await courses.editingOutline(context.principal, slug)
        guard outline.modules.contains(where: { $0.module.id == moduleID }) else { throw AppError.notFound("module") }
        return try render(QuizDraft(moduleID: moduleID), outline: outline, quizID: nil, attemptCount: 0, context: context)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        let quizID = try context.parameters.require("quiz")
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/teach/courses/\(slug)/quizzes/\(quizID)") }
        let editable = try await courses.editableQuiz(context.principal, quizID: quizID)
        guard editable.course.slug == slug else { throw AppError.notFound("quiz") }
        let outline = try await courses.editingOutline(context.principal, slug)
        return try render(
            QuizDraft(editable.quiz, questions: editable.questions), outline: outline, quizID: quizID,
            attemptCount: editable.attemptCount, context: context
        )
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await submit(context: context, quizID: nil)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await submit(context: context, quizID: try context.parameters.require("quiz"))
    }

    /// Applies an editing button, or saves: a refused save shows the form again as typed, errors by their fields.
    private func submit(context: AppRequestContext, quizID: String?) async throws -> Response {
        let slug = try slug(context)
        let form = try context.submittedForm()
        var draft = QuizDraft(form: form)
        if quizID == nil { draft.moduleID = try context.parameters.require("module") }
        let outline = try await courses.editingOutline(context.principal, slug)
        let attemptCount = try await quizID.asyncMap { try await courses.editableQuiz(context.principal, quizID: $0).attemptCount } ?? 0
        if let edit = QuizDraft.Edit(action: form["action"]) {
            let problems = draft.apply(edit)
            let focus: Int? =
                switch edit {
                case .addQuestion: draft.questions.count - 1
                case .moveQuestion(let index, let step): index + step
                case .addOption(let index), .removeOption(let index, _): index
                default: nil
                }
            return try render(
                draft, outline: outline, quizID: quizID, attemptCount: attemptCount, fields: problems, focus: focus, context: context,
                status: problems.isEmpty ? .ok : .unprocessableContent
            )
        }
        do {
            let input = try draft.input().get()
            let title: String
            if let quizID {
                title = try await courses.updateQuiz(context.principal, quizID: quizID, input: input).quiz.title
            } else {
                title = try await courses.createQuiz(context.principal, slug, input: input).0.title
            }
            let done = quizID == nil ? "Added the quiz “\(title)”." : "Saved the quiz “\(title)”."
            return FlashNotice.redirect(to: "/teach/courses/\(slug)", notice: done, context: context)
        } catch let error as AppError where error.status == 422 || error.status == 409 {
            let message = error.status == 409 ? error.message : "The quiz was not saved; see the fields marked below."
            return try render(
                draft, outline: outline, quizID: quizID, attemptCount: attemptCount, fields: error.fields, context: context,
                error: message, status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    private func render(
        _ draft: QuizDraft, outline: CourseOutline, quizID: String?, attemptCount: Int, fields: [String: String] = [:], focus: Int? = nil,
        context: AppRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let content = QuizEditorContent(
            draft: draft, course: .init(slug: outline.course.slug, title: outline.course.title), modules: outline.modules.map(\.module),
            quizID: quizID, attemptCount: attemptCount, fields: fields, focus: focus
        )
        return try renderer.render(
            Page("teach-quiz", title: "\(content.heading) · \(outline.course.title)", content: content, section: .teach, error: error),
            context: context, status: status
        )
    }
}
