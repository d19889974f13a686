import Foundation
import HTTPTypes
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// Typed contents of the pages that change one item of a course.
enum TeachItemContent {
    typealias CourseRef = CoursePageContent.CourseRef

    /// The lesson form.
    struct LessonEditor: Sendable {
        let course: CourseRef
        let heading: String
        let formAction: String
        /// Absent for a new lesson.
        let lessonID: String?
        let saveLabel: String
        let lessonTitle, body, minutes, videoURL: String
        let preview, hidden: Bool
        var fields: [String: String] = [:]
        /// The video and attachment controls; absent for a new lesson (files attach to a saved lesson).
        var media: LessonMediaEditor? = nil
    }

    /// The lesson editor's video and attachments: forms that the shared upload widget fills with a new
    /// upload's id, and remove buttons.
    struct LessonMediaEditor: Sendable {
        /// One attached file and the form action that detaches it.
        struct File: Sendable {
            let filename, size, removeAction: String
        }

        let files: [File]
        let attachAction: String
        /// Whether another file may be attached (the per-lesson limit is not reached).
        let canAttach: Bool
        let maxAttachments: Int
        let videoAction: String
        /// The uploaded video's file name, when the lesson has one.
        let uploadedVideo: String?
    }

    /// A question before a destructive action: what will happen, to what, and the two ways out.
    struct Confirmation: Sendable {
        let heading: String
        let consequence: String
        let action: String
        let confirmLabel: String
        let cancelURL: String
    }
}

/// The instructor's pages for one module, lesson or quiz: edit, hide or show, and delete after confirmation.
/// Each change returns to the course editor with a notice that names what was changed.
struct TeachItemPages: Sendable {
    typealias Content = TeachItemContent
    let courses: CoursesService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.post("teach/courses/:course/modules/:module", use: renameModule)
        pages.post("teach/courses/:course/modules/:module/visibility", use: moduleVisibility)
        pages.post("teach/courses/:course/modules/:module/delete", use: deleteModule)
        pages.get("teach/courses/:course/modules/:module/lessons/new", use: newLesson)
        pages.post("teach/courses/:course/modules/:module/lessons", use: addLesson)
        pages.get("teach/courses/:course/lessons/:lesson", use: lessonEditor)
        pages.post("teach/courses/:course/lessons/:lesson", use: saveLesson)
        pages.post("teach/courses/:course/lessons/:lesson/visibility", use: lessonVisibility)
        pages.post("teach/courses/:course/lessons/:lesson/delete", use: deleteLesson)
        pages.post("teach/courses/:course/lessons/:lesson/attachments", use: attachFile)
        pages.post("teach/courses/:course/lessons/:lesson/attachments/:upload/remove", use: removeFile)
        pages.post("teach/courses/:course/lessons/:lesson/video", use: setVideo)
        pages.post("teach/courses/:course/quizzes/:quiz/visibility", use: quizVisibility)
        pages.post("teach/courses/:course/quizzes/:quiz/delete", use: deleteQuiz)
        pages.post("teach/courses/:course/roster/:user/remove", use: removeStudent)
    }

    private func slug(_ context: AppRequestContext) throws -> String { try context.parameters.require("course") }

    /// Back to the course editor, which then says `done`.
    private func backToEditor(_ slug: String, done: String, _ context: AppRequestContext) -> Response {
        FlashNotice.redirect(to: "/teach/courses/\(slug)", notice: done, context: context)
    }

    // MARK: Modules

    @Sendable func renameModule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let slug = try slug(context)
        do {
            let module = try await courses.updateModule(
                context.principal, slug, moduleID: try context.parameters.require("module"), title: form["title"], hidden: nil
            )
            return backToEditor(slug, done: "Renamed the module to “\(module.title)”.", context)
        } catch let error as AppError where error.status == 422 {
            return backToEditor(slug, done: "The module was not renamed: its title \(error.fields["title"] ?? "is not valid").", context)
        }
    }

    @Sendable func moduleVisibility(_ request: Request, context: AppRequestContext) async throws -> Response {
        let hidden = try context.submittedForm()["hidden"] == "true"
        let slug = try slug(context)
        let module = try await courses.updateModule(
            context.principal, slug, moduleID: try context.parameters.require("module"), title: nil, hidden: hidden
        )
        let done = hidden ? "Hid the module “\(module.title)” and everything in it from students." : "Students now see the module “\(module.title)”."
        return backToEditor(slug, done: done, context)
    }

    @Sendable func deleteModule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        let moduleID = try context.parameters.require("module")
        let outline = try await courses.editingOutline(context.principal, slug)
        guard let entry = outline.modules.first(where: { $0.module.id == moduleID }) else { throw AppError.notFound("module") }
        let quizzes = outline.quizzes.filter { $0.moduleID == moduleID }.count
        guard try context.submittedForm()["confirm"] == "yes" else {
            let parts = [Self.count(entry.lessons.count, "lesson"), Self.count(quizzes, "quiz", plural: "quizzes")]
            return try confirm(
                .init(
                    heading: "Delete the module “\(entry.module.title)”?",
                    consequence: "This deletes the module with its \(parts.joined(separator: " and ")), and every student's progress and quiz attempts in them. It cannot be undone.",
                    action: "/teach/courses/\(slug)/modules/\(moduleID)/delete", confirmLabel: "Delete the module",
                    cancelURL: "/teach/courses/\(slug)"
                ),
                context: context
            )
        }
        try await courses.deleteModule(context.principal, slug, moduleID: moduleID)
        return backToEditor(slug, done: "Deleted the module “\(entry.module.title)”.", context)
    }

    // MARK: Lessons

    @Sendable func lessonEditor(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        let lessonID = try context.parameters.require("lesson")
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/teach/courses/\(slug)/lessons/\(lessonID)") }
        return try renderLessonEditor(try await lessonEditorContent(slug, lessonID: lessonID, context: context), context: context)
    }

    /// The editor of a saved lesson as it is stored, with its video and attachments.
    func lessonEditorContent(_ slug: String, lessonID: String, context: AppRequestContext) async throws -> Content.LessonEditor {
        let outline = try await courses.editingOutline(context.principal, slug)
        guard let lesson = outline.modules.flatMap(\.lessons).first(where: { $0.id == lessonID }) else { throw AppError.notFound("lesson") }
        var content = Content.LessonEditor(
            course: .init(slug: outline.course.slug, title: outline.course.title), heading: "Edit lesson",
            formAction: "/teach/courses/\(outline.course.slug)/lessons/\(lesson.id)", lessonID: lesson.id, saveLabel: "Save lesson",
            lessonTitle: lesson.title, body: lesson.bodyMarkdown, minutes: String(lesson.estimatedMinutes), videoURL: lesson.videoURL ?? "",
            preview: lesson.isPreview, hidden: lesson.isHidden
        )
        content.media = try await mediaEditor(outline.course.slug, lesson: lesson, context: context)
        return content
    }

    @Sendable func newLesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        let moduleID = try context.parameters.require("module")
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/teach/courses/\(slug)/modules/\(moduleID)/lessons/new") }
        let outline = try await courses.editingOutline(context.principal, slug)
        guard outline.modules.contains(where: { $0.module.id == moduleID }) else { throw AppError.notFound("module") }
        return try renderLessonEditor(newLessonForm(outline, moduleID: moduleID, form: nil), context: context)
    }

    private func newLessonForm(_ outline: CourseOutline, moduleID: String, form: FormData?, fields: [String: String] = [:]) -> Content.LessonEditor {
        Content.LessonEditor(
            course: .init(slug: outline.course.slug, title: outline.course.title), heading: "New lesson",
            formAction: "/teach/courses/\(outline.course.slug)/modules/\(moduleID)/lessons", lessonID: nil, saveLabel: "Add lesson",
            lessonTitle: form?["title"] ?? "", body: form?["body"] ?? "", minutes: form?["estimatedMinutes"] ?? "10",
            videoURL: form?["videoUrl"] ?? "", preview: form?["preview"] == "true", hidden: form?["hidden"] == "true", fields: fields
        )
    }

    @Sendable func addLesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let slug = try slug(context)
        let moduleID = try context.parameters.require("module")
        do {
            let lesson = try await courses.addLesson(context.principal, slug, moduleID: moduleID, input: try Self.lessonInput(form))
            return backToEditor(slug, done: "Added the lesson “\(lesson.title)”.", context)
        } catch let error as AppError where error.status == 422 {
            let outline = try await courses.editingOutline(context.principal, slug)
            return try renderLessonEditor(
                newLessonForm(outline, moduleID: moduleID, form: form, fields: error.fields), context: context,
                error: "The lesson was not added; see the fields marked below.", status: .unprocessableContent
            )
        }
    }

    /// The lesson a lesson form describes; 422 when the minutes are not a number.
    private static func lessonInput(_ form: FormData) throws(AppError) -> LessonInput {
        var input = LessonInput()
        input.title = form["title"]
        input.body = form["body"]
        input.videoUrl = form["videoUrl"].trimmingCharacters(in: .whitespaces)
        input.preview = form["preview"] == "true"
        input.hidden = form["hidden"] == "true"
        guard let minutes = Int(form["estimatedMinutes"].trimmingCharacters(in: .whitespaces)) else {
            throw AppError.validation(["estimatedMinutes": "must be a whole number of minutes"])
        }
        input.estimatedMinutes = minutes
        return input
    }

    func renderLessonEditor(
        _ content: Content.LessonEditor, context: AppRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try renderer.render(
            Page("teach-lesson", title: "\(content.heading) · \(content.course.title)", content: content, section: .teach, error: error),
            context: context, status: status
        )
    }

    @Sendable func saveLesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let slug = try slug(context)
        let lessonID = try context.parameters.require("lesson")
        do {
            let lesson = try await courses.updateLesson(context.principal, slug, lessonID: lessonID, input: try Self.lessonInput(form))
            return backToEditor(slug, done: "Saved the lesson “\(lesson.title)”.", context)
        } catch let error as AppError where error.status == 422 {
            let outline = try await courses.editingOutline(context.principal, slug)
            let content = Content.LessonEditor(
                course: .init(slug: outline.course.slug, title: outline.course.title), heading: "Edit lesson",
                formAction: "/teach/courses/\(slug)/lessons/\(lessonID)", lessonID: lessonID, saveLabel: "Save lesson",
                lessonTitle: form["title"], body: form["body"], minutes: form["estimatedMinutes"], videoURL: form["videoUrl"],
                preview: form["preview"] == "true", hidden: form["hidden"] == "true", fields: error.fields,
                media: try await lessonEditorContent(slug, lessonID: lessonID, context: context).media
            )
            return try renderLessonEditor(content, context: context, error: "The lesson was not saved; see the fields marked below.", status: .unprocessableContent)
        }
    }

    @Sendable func lessonVisibility(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        var input = LessonInput()
        input.hidden = try context.submittedForm()["hidden"] == "true"
        let lesson = try await courses.updateLesson(context.principal, slug, lessonID: try context.parameters.require("lesson"), input: input)
        let done = lesson.isHidden ? "Hid the lesson “\(lesson.title)” from students." : "Students now see the lesson “\(lesson.title)”."
        return backToEditor(slug, done: done, context)
    }

    @Sendable func deleteLesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        let lessonID = try context.parameters.require("lesson")
        let outline = try await courses.editingOutline(context.principal, slug)
        guard let lesson = outline.modules.flatMap(\.lessons).first(where: { $0.id == lessonID }) else { throw AppError.notFound("lesson") }
        guard try context.submittedForm()["confirm"] == "yes" else {
            return try confirm(
                .init(
                    heading: "Delete the lesson “\(lesson.title)”?",
                    consequence: "This deletes the lesson and every student's completion of it. It cannot be undone; hiding it keeps it for later.",
                    action: "/teach/courses/\(slug)/lessons/\(lessonID)/delete", confirmLabel: "Delete the lesson",
                    cancelURL: "/teach/courses/\(slug)"
                ),
                context: context
            )
        }
        try await courses.deleteLesson(context.principal, slug, lessonID: lessonID)
        return backToEditor(slug, done: "Deleted the lesson “\(lesson.title)”.", context)
    }

    // MARK: Quizzes

    @Sendable func quizVisibility(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        let hidden = try context.submittedForm()["hidden"] == "true"
        let quiz = try await courses.setQuizHidden(context.principal, slug, quizID: try context.parameters.require("quiz"), hidden: hidden)
        let done = hidden ? "Hid the quiz “\(quiz.title)” from students." : "Students now see the quiz “\(quiz.title)”."
        return backToEditor(slug, done: done, context)
    }

    @Sendable func deleteQuiz(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        let editable = try await courses.editableQuiz(context.principal, quizID: try context.parameters.require("quiz"))
        guard editable.course.slug == slug else { throw AppError.notFound("quiz") }
        guard try context.submittedForm()["confirm"] == "yes" else {
            let attempts = editable.attemptCount == 0 ? "No student has attempted it yet." : "This also deletes \(Self.count(editable.attemptCount, "attempt")) and their grades."
            return try confirm(
                .init(
                    heading: "Delete the quiz “\(editable.quiz.title)”?",
                    consequence: "\(attempts) It cannot be undone; hiding it keeps it for later.",
                    action: "/teach/courses/\(slug)/quizzes/\(editable.quiz.id)/delete", confirmLabel: "Delete the quiz",
                    cancelURL: "/teach/courses/\(slug)"
                ),
                context: context
            )
        }
        try await courses.deleteQuiz(context.principal, quizID: editable.quiz.id)
        return backToEditor(slug, done: "Deleted the quiz “\(editable.quiz.title)”.", context)
    }

    // MARK: Roster

    @Sendable func removeStudent(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        let userID = try context.parameters.require("user")
        let outline = try await courses.editingOutline(context.principal, slug)
        guard let entry = try await courses.roster(context.principal, outline.course.id).first(where: { $0.student.id == userID }) else {
            throw AppError.notFound("enrollment")
        }
        let name = entry.student.displayName
        guard try context.submittedForm()["confirm"] == "yes" else {
            return try confirm(
                .init(
                    heading: "Remove \(name) from \(outline.course.title)?",
                    consequence: "\(name) loses access to the course's lessons and quizzes. Their progress and grades are kept and come back if they are enrolled again.",
                    action: "/teach/courses/\(slug)/roster/\(userID)/remove", confirmLabel: "Remove \(name)",
                    cancelURL: "/teach/courses/\(slug)/roster"
                ),
                context: context
            )
        }
        try await courses.removeStudent(context.principal, slug, userID: userID)
        return FlashNotice.redirect(
            to: "/teach/courses/\(slug)/roster", notice: "Removed \(name) from \(outline.course.title).", context: context
        )
    }

    // MARK: Shared

    private func confirm(_ content: Content.Confirmation, context: AppRequestContext) throws -> Response {
        try renderer.render(Page("teach-confirm", title: content.heading, content: content, section: .teach, narrow: true), context: context)
    }

    /// "1 lesson", "3 lessons".
    static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}
