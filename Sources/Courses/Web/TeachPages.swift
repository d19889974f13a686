import LyceumContracts
import Foundation
import HTTPTypes
import Hummingbird
import LyceumCore
import LyceumHTTP
import LyceumWeb
import NIOCore

/// Typed contents of the teaching pages.
enum TeachPageContent {
    typealias CourseRef = CoursePageContent.CourseRef

    struct Dashboard: Sendable {
        struct Row: Sendable {
            let slug, title, status: String
            let published: Bool
            /// "1 learner", "12 learners".
            let learners: String
        }

        let courses: [Row]
        var form: [String: String] = [:]
        var fields: [String: String] = [:]
    }

    struct Editor: Sendable {
        struct Header: Sendable {
            let slug, title, summary, category, status: String
            /// The web address as stored, or as typed into a refused form.
            let address: String
            /// The price as typed ("49.00").
            let price: String
        }

        struct Module: Sendable {
            struct LessonRow: Sendable {
                let id, title, courseSlug: String
                let preview, hidden: Bool
            }

            struct QuizRow: Sendable {
                let id, title, courseSlug: String
                let hidden: Bool
            }

            let id, title, courseSlug: String
            let position: Int
            let hidden: Bool
            let lessons: [LessonRow]
            let quizzes: [QuizRow]
        }

        let course: Header
        let published: Bool
        let description: String
        let tags: String
        let levels: [SelectOption]
        /// The supported currencies, the course's (or the typed one) selected.
        let currencies: [SelectOption]
        let modules: [Module]
        var fields: [String: String] = [:]
    }

    struct Roster: Sendable {
        struct Entry: Sendable {
            let id, name, enrolled: String
            let percent: Int
            let completed: Bool
        }

        let course: CourseRef
        let entries: [Entry]
        /// "1 student", "12 students".
        let count: String
    }

    struct Gradebook: Sendable {
        struct Column: Sendable {
            let title: String
        }

        struct Row: Sendable {
            struct Grade: Sendable {
                let best: Int?
                let attempts: Int
                let passed: Bool
            }

            let name: String
            let percent: Int
            let grades: [Grade]
        }

        let course: CourseRef
        let quizzes: [Column]
        let rows: [Row]
    }
}

/// The instructor's pages: dashboard, course editor (with live Markdown preview and a quiz builder), roster, gradebook.
struct TeachPages: Sendable {
    typealias Content = TeachPageContent
    let courses: CoursesService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("teach", use: dashboard)
        pages.post("teach/courses", use: create)
        pages.get("teach/courses/:course", use: editor)
        pages.post("teach/courses/:course", use: update)
        pages.post("teach/courses/:course/status", use: status)
        pages.post("teach/courses/:course/modules", use: addModule)
        pages.post("teach/courses/:course/move", use: move)
        pages.get("teach/courses/:course/roster", use: roster)
        pages.get("teach/courses/:course/gradebook", use: gradebook)
        pages.get("teach/courses/:course/gradebook.csv", use: gradebookCSV)
    }

    private func slug(_ context: AppRequestContext) throws -> String { try context.parameters.require("course") }

    @Sendable func dashboard(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/teach") }
        return try await renderDashboard(context: context)
    }

    private func renderDashboard(
        context: AppRequestContext, form: [String: String] = [:], fields: [String: String] = [:], error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let rows = try await courses.teachingDashboard(context.principal).map { course in
            Content.Dashboard.Row(
                slug: course.slug, title: course.title, status: course.status.rawValue, published: course.status == .published,
                learners: TeachItemPages.count(course.enrollmentCount, "learner")
            )
        }
        let content = Content.Dashboard(courses: rows, form: form, fields: fields)
        return try renderer.render(Page("teach", title: "Teaching", content: content, section: .teach, error: error), context: context, status: status)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
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
                context: context, form: ["title": form["title"], "summary": form["summary"], "category": form["category"]],
                fields: fields, error: "The course was not created.", status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    @Sendable func editor(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/teach/courses/\(slug)") }
        let page = try await renderEditor(context: context, notice: FlashNotice.notice(in: request))
        return FlashNotice.consumed(page, request: request, context: context)
    }

    /// The editor page; after a refused save, `typed` is the submitted course form, shown as typed.
    private func renderEditor(
        context: AppRequestContext, typed: FormData? = nil, fields: [String: String] = [:], error: String? = nil,
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let outline = try await courses.editingOutline(context.principal, try slug(context))
        let course = outline.course
        let content = Content.Editor(
            course: .init(
                slug: course.slug, title: typed?["title"] ?? course.title, summary: typed?["summary"] ?? course.summary,
                category: typed?["category"] ?? course.category, status: course.status.rawValue,
                address: typed?["slug"] ?? course.slug, price: typed?["price"] ?? MoneyText.text(minor: course.priceMinor)
            ),
            published: course.status == .published,
            description: typed?["description"] ?? course.description,
            tags: typed?["tags"] ?? course.tags.joined(separator: ", "),
            levels: SelectOption.list(CourseLevel.allCases.map(\.rawValue), selected: typed?["level"] ?? course.level.rawValue),
            currencies: SelectOption.list(CoursePrice.supportedCurrencies.map { $0.uppercased() }, selected: typed?["currency"] ?? course.currency),
            modules: outline.modules.enumerated().map { index, entry in
                .init(
                    id: entry.module.id, title: entry.module.title, courseSlug: course.slug, position: index + 1,
                    hidden: entry.module.isHidden,
                    lessons: entry.lessons.map {
                        .init(id: $0.id, title: $0.title, courseSlug: course.slug, preview: $0.isPreview, hidden: $0.isHidden)
                    },
                    quizzes: outline.quizzes.filter { $0.moduleID == entry.module.id }.map {
                        .init(id: $0.id, title: $0.title, courseSlug: course.slug, hidden: $0.isHidden)
                    }
                )
            },
            fields: fields
        )
        return try renderer.render(
            Page("teach-editor", title: "Edit · \(course.title)", content: content, section: .teach, notice: notice, error: error),
            context: context, status: status
        )
    }

    private func afterEdit(
        _ context: AppRequestContext, _ work: () async throws -> String
    ) async throws -> Response {
        do {
            let done = try await work()
            return FlashNotice.redirect(to: "/teach/courses/\(try slug(context))", notice: done, context: context)
        } catch let error as AppError where error.status == 422 || error.status == 409 {
            let problems = error.fields.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ")
            return try await renderEditor(
                context: context, fields: error.fields, error: problems.isEmpty ? error.message : "Not saved: \(problems).",
                status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        var changes = CourseChanges()
        changes.title = form["title"]
        changes.summary = form["summary"]
        changes.description = form["description"]
        changes.category = form["category"]
        changes.tags = form["tags"].split(separator: ",").map(String.init)
        changes.level = CourseLevel(rawValue: form["level"])
        let slugText = form["slug"].trimmingCharacters(in: .whitespaces)
        if !slugText.isEmpty { changes.slug = slugText }
        guard let price = MoneyText.minorUnits(form["price"]) else {
            return try await renderEditor(
                context: context, typed: form, fields: ["priceMinor": "must be an amount such as 49.00 (or 0 for free)"],
                error: "Not saved; see the fields marked below.", status: .unprocessableContent
            )
        }
        changes.priceMinor = price
        if let currency = form.nonEmpty("currency") { changes.currency = currency }
        do {
            let course = try await courses.updateCourse(context.principal, try slug(context), changes: changes)
            return FlashNotice.redirect(to: "/teach/courses/\(course.slug)", notice: "Saved “\(course.title)”.", context: context)
        } catch let error as AppError where error.status == 422 || error.status == 409 {
            var fields = error.fields
            if error.code == "slug_taken" { fields["slug"] = "is already used by another course" }
            return try await renderEditor(
                context: context, typed: form, fields: fields, error: "Not saved; see the fields marked below.",
                status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard let status = CourseStatus(rawValue: form["status"]) else { throw AppError.validation(["status": "is not a course status"]) }
        return try await afterEdit(context) {
            let course = try await courses.setStatus(context.principal, try slug(context), to: status)
            return course.status == .published ? "Published “\(course.title)”: students can find and enroll in it." : "“\(course.title)” is now \(course.status.rawValue)."
        }
    }

    @Sendable func addModule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        return try await afterEdit(context) {
            "Added the module “\(try await courses.addModule(context.principal, try slug(context), title: form["title"]).title)”."
        }
    }

    /// Moves one module or lesson up or down by resubmitting the whole order (one atomic reorder).
    @Sendable func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let outline = try await courses.outline(context.principal, try slug(context))
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
        return try await afterEdit(context) {
            try await courses.reorder(context.principal, try slug(context), order: order)
            return "Moved."
        }
    }

    @Sendable func roster(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/teach/courses/\(slug)/roster") }
        let outline = try await courses.outline(context.principal, slug)
        let entries = try await courses.roster(context.principal, outline.course.id).map { entry in
            Content.Roster.Entry(
                id: entry.student.id, name: entry.student.displayName, enrolled: PageFormat.date(entry.progress.enrolledAt),
                percent: entry.progress.percent, completed: entry.progress.completedAt != nil
            )
        }
        let content = Content.Roster(
            course: .init(slug: outline.course.slug, title: outline.course.title), entries: entries,
            count: TeachItemPages.count(entries.count, "student")
        )
        let page = try renderer.render(
            Page("teach-roster", title: "Roster · \(outline.course.title)", content: content, section: .teach, notice: FlashNotice.notice(in: request)),
            context: context
        )
        return FlashNotice.consumed(page, request: request, context: context)
    }

    @Sendable func gradebook(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/teach/courses/\(slug)/gradebook") }
        let book = try await courses.gradebook(context.principal, slug)
        let content = Content.Gradebook(
            course: .init(slug: book.course.slug, title: book.course.title),
            quizzes: book.quizzes.map { .init(title: $0.title) },
            rows: book.rows.map { row in
                .init(
                    name: row.student.displayName, percent: row.progress.percent,
                    grades: row.grades.map { .init(best: $0.bestPercent, attempts: $0.attempts, passed: $0.passed) }
                )
            }
        )
        return try renderer.render(
            Page("teach-gradebook", title: "Gradebook · \(book.course.title)", content: content, section: .teach), context: context
        )
    }

    @Sendable func gradebookCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        QuizzesController.csvDownload(try await courses.gradebook(context.principal, try slug(context)))
    }
}
