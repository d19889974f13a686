import Courses
import Foundation
import HTTPTypes
import Hummingbird
import Identity
import LyceumCore
import LyceumHTTP
import NIOCore

/// The instructor's pages: dashboard, course editor (with live Markdown preview and a quiz builder), roster, gradebook.
struct TeachPages: Sendable {
    let identity: IdentityService
    let courses: CoursesService
    let renderer: PageRenderer

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("", use: dashboard)
        routes.post("courses", use: create)
        routes.get("courses/:course", use: editor)
        routes.post("courses/:course", use: update)
        routes.post("courses/:course/status", use: status)
        routes.post("courses/:course/modules", use: addModule)
        routes.post("courses/:course/modules/:module/lessons", use: addLesson)
        routes.post("courses/:course/modules/:module/quizzes", use: addQuiz)
        routes.post("courses/:course/move", use: move)
        routes.get("courses/:course/roster", use: roster)
        routes.post("courses/:course/roster/:user/remove", use: removeStudent)
        routes.get("courses/:course/gradebook", use: gradebook)
        routes.get("courses/:course/gradebook.csv", use: gradebookCSV)
        return routes
    }

    private func slug(_ context: AppRequestContext) -> String { context.parameters.get("course") ?? "" }

    private func signIn(_ path: String) -> Response { PageRenderer.redirect(to: "/signin?next=\(path)") }

    @Sendable func dashboard(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return signIn("/teach") }
        return try await renderDashboard(context: context, values: [:], status: .ok)
    }

    private func renderDashboard(context: AppRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let viewer = try await identity.viewer(context)
        guard let viewer, viewer.role >= .instructor else { throw AppError.forbidden("Teaching pages are for instructors.") }
        var all = values
        all["nav"] = ["teach": true]
        all["courses"] = try await courses.teachingCourses(context.principal).map { course -> [String: Any] in
            ["slug": course.slug, "title": course.title, "status": course.status.rawValue, "published": course.status == .published,
             "enrollmentCount": course.enrollmentCount]
        }
        return renderer.render("teach", title: "Teaching", viewer: viewer, context: context, values: all, status: status)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        var draft = CourseDraft(title: form["title"])
        draft.summary = form["summary"]
        draft.category = form["category"].isEmpty ? nil : form["category"]
        do {
            let course = try await courses.createCourse(context.principal, draft: draft)
            return PageRenderer.redirect(to: "/teach/courses/\(course.slug)")
        } catch let error as AppError where error.status == 422 || error.status == 409 {
            var fields = error.fields
            if error.code == "slug_taken" { fields["title"] = "is already used by another course" }
            return try await renderDashboard(
                context: context,
                values: ["fields": fields, "form": ["title": form["title"], "summary": form["summary"], "category": form["category"]],
                         "error": "The course was not created."],
                status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    @Sendable func editor(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return signIn("/teach/courses/\(slug(context))") }
        return try await renderEditor(context: context, values: [:], status: .ok)
    }

    private func renderEditor(context: AppRequestContext, values: [String: Any], status: HTTPResponse.Status) async throws -> Response {
        let outline = try await courses.outline(context.principal, slug(context))
        guard outline.access.canEdit else { throw AppError.forbidden("Only the course's instructors may edit it.") }
        let course = outline.course
        var all = values
        all["nav"] = ["teach": true]
        all["course"] = [
            "slug": course.slug, "title": course.title, "summary": course.summary, "category": course.category,
            "status": course.status.rawValue, "priceMinor": course.priceMinor,
        ]
        all["published"] = course.status == .published
        all["description"] = course.description
        all["tags"] = course.tags.joined(separator: ", ")
        all["levels"] = PageFormat.options(CourseLevel.allCases.map(\.rawValue), selected: course.level.rawValue)
        all["modules"] = outline.modules.enumerated().map { index, entry -> [String: Any] in
            [
                "id": entry.module.id, "title": entry.module.title, "position": index + 1, "courseSlug": course.slug,
                "lessons": entry.lessons.map { ["id": $0.id, "title": $0.title, "preview": $0.isPreview, "courseSlug": course.slug] },
            ]
        }
        return renderer.render("teach-editor", title: "Edit \(course.title)", viewer: try await identity.viewer(context), context: context, values: all, status: status)
    }

    private func afterEdit(_ context: AppRequestContext, _ work: () async throws -> Void) async throws -> Response {
        do {
            try await work()
            return PageRenderer.redirect(to: "/teach/courses/\(slug(context))")
        } catch let error as AppError where error.status == 422 || error.status == 409 {
            let problems = error.fields.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ")
            return try await renderEditor(
                context: context, values: ["fields": error.fields, "error": problems.isEmpty ? error.message : "Not saved: \(problems)."],
                status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        var changes = CourseChanges()
        changes.title = form["title"]
        changes.summary = form["summary"]
        changes.description = form["description"]
        changes.category = form["category"]
        changes.tags = form["tags"].split(separator: ",").map(String.init)
        changes.level = CourseLevel(rawValue: form["level"])
        guard let price = Int(form["priceMinor"].trimmingCharacters(in: .whitespaces)) else {
            return try await renderEditor(context: context, values: ["fields": ["priceMinor": "must be a whole number of cents"], "error": "Not saved."], status: .unprocessableContent)
        }
        changes.priceMinor = price
        return try await afterEdit(context) { _ = try await courses.updateCourse(context.principal, slug(context), changes: changes) }
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        guard let status = CourseStatus(rawValue: form["status"]) else { throw AppError.validation(["status": "is not a course status"]) }
        return try await afterEdit(context) { _ = try await courses.setStatus(context.principal, slug(context), to: status) }
    }

    @Sendable func addModule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        return try await afterEdit(context) { _ = try await courses.addModule(context.principal, slug(context), title: form["title"]) }
    }

    @Sendable func addLesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        var input = LessonInput()
        input.title = form["title"]
        input.body = form["body"]
        input.estimatedMinutes = Int(form["estimatedMinutes"].trimmingCharacters(in: .whitespaces)) ?? 10
        input.preview = form["preview"] == "true"
        let moduleID = context.parameters.get("module") ?? ""
        return try await afterEdit(context) { _ = try await courses.addLesson(context.principal, slug(context), moduleID: moduleID, input: input) }
    }

    @Sendable func addQuiz(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let moduleID = context.parameters.get("module") ?? ""
        return try await afterEdit(context) {
            let minutesText = form["timeLimitMinutes"].trimmingCharacters(in: .whitespaces)
            let minutes = Int(minutesText)
            if !minutesText.isEmpty, !(1...1440).contains(minutes ?? 0) {
                throw AppError.validation(["timeLimitSeconds": "must be from 1 to 1440 minutes"])
            }
            let input = QuizInput(
                moduleId: moduleID, title: form["title"],
                passingScore: Int(form["passingScore"].trimmingCharacters(in: .whitespaces)) ?? 70,
                maxAttempts: Int(form["maxAttempts"].trimmingCharacters(in: .whitespaces)),
                timeLimitSeconds: minutes.map { $0 * 60 }, shuffle: form["shuffle"] == "true",
                questions: try QuizText.parse(form["questions"])
            )
            _ = try await courses.createQuiz(context.principal, slug(context), input: input)
        }
    }

    /// Moves one module or lesson up or down by resubmitting the whole order (one atomic reorder).
    @Sendable func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let outline = try await courses.outline(context.principal, slug(context))
        var modules = outline.modules.map { (id: $0.module.id, lessons: $0.lessons.map(\.id)) }
        let step = form["direction"] == "up" ? -1 : 1
        if let moduleIndex = modules.firstIndex(where: { $0.id == form["module"] }) {
            let target = moduleIndex + step
            if modules.indices.contains(target) { modules.swapAt(moduleIndex, target) }
        } else if let moduleIndex = modules.firstIndex(where: { $0.lessons.contains(form["lesson"]) }),
            let lessonIndex = modules[moduleIndex].lessons.firstIndex(of: form["lesson"])
        {
            let target = lessonIndex + step
            if modules[moduleIndex].lessons.indices.contains(target) { modules[moduleIndex].lessons.swapAt(lessonIndex, target) }
        }
        let order = try JSONDecoder().decode(
            StructureOrder.self,
            from: JSONSerialization.data(withJSONObject: ["modules": modules.map { ["id": $0.id, "lessons": $0.lessons] }])
        )
        return try await afterEdit(context) { try await courses.reorder(context.principal, slug(context), order: order) }
    }

    @Sendable func roster(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return signIn("/teach/courses/\(slug(context))/roster") }
        let outline = try await courses.outline(context.principal, slug(context))
        let entries = try await courses.roster(context.principal, outline.course.id).map { entry -> [String: Any] in
            ["id": entry.student.id, "name": entry.student.displayName, "percent": entry.progress.percent,
             "completed": entry.progress.completedAt != nil, "enrolled": PageFormat.date(entry.progress.enrolledAt)]
        }
        return renderer.render(
            "teach-roster", title: "Roster", viewer: try await identity.viewer(context), context: context,
            values: ["course": ["slug": outline.course.slug, "title": outline.course.title], "entries": entries, "nav": ["teach": true]]
        )
    }

    @Sendable func removeStudent(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await FormData.read(request, context: context)
        try await courses.removeStudent(context.principal, slug(context), userID: context.parameters.get("user") ?? "")
        return PageRenderer.redirect(to: "/teach/courses/\(slug(context))/roster")
    }

    @Sendable func gradebook(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return signIn("/teach/courses/\(slug(context))/gradebook") }
        let book = try await courses.gradebook(context.principal, slug(context))
        let values: [String: Any] = [
            "course": ["slug": book.course.slug, "title": book.course.title],
            "quizzes": book.quizzes.map { ["title": $0.title] },
            "rows": book.rows.map { row -> [String: Any] in
                ["name": row.student.displayName, "percent": row.progress.percent,
                 "grades": row.grades.map { ["best": $0.bestPercent as Any, "attempts": $0.attempts, "passed": $0.passed] as [String: Any] }]
            },
            "nav": ["teach": true],
        ]
        return renderer.render("teach-gradebook", title: "Gradebook", viewer: try await identity.viewer(context), context: context, values: values)
    }

    @Sendable func gradebookCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        QuizzesController.csvDownload(try await courses.gradebook(context.principal, slug(context)))
    }
}
