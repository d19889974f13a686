import LyceumContracts
import Foundation
import HTTPTypes
import Hummingbird
import LyceumCore
import LyceumHTTP
import LyceumWeb
import NIOCore

/// The learner's pages: home, catalog, course, lesson, quiz and attempt, my learning, certificates, Markdown preview.
struct CoursePages: Sendable {
    typealias Content = CoursePageContent
    let courses: CoursesService
    let renderer: PageRenderer
    let cache: any ResponseCache

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("", use: home)
        pages.get("courses", use: catalog)
        pages.get("courses/:course", use: course)
        pages.post("courses/:course/enroll", use: enroll)
        pages.post("courses/:course/leave", use: leave)
        pages.get("courses/:course/lessons/:lesson", use: lesson)
        pages.post("courses/:course/lessons/:lesson/completion", use: completion)
        pages.get("courses/:course/quizzes/:quiz", use: quiz)
        pages.post("courses/:course/quizzes/:quiz/start", use: startQuiz)
        pages.get("attempts/:attempt", use: attempt)
        pages.post("attempts/:attempt/submit", use: submit)
        pages.get("learning", use: learning)
        pages.get("certificates/:code", use: certificate)
        pages.post("markdown-preview", use: preview)
    }

    private func slug(_ context: AppRequestContext) throws -> String { try context.parameters.require("course") }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else {
            return try renderer.render(Page("home", title: "Home", content: NoContent(), section: .home), context: context)
        }
        let enrollments = try await courses.myEnrollments(principal)
        let rows = enrollments.map(Self.learningRow)
        let active = enrollments.filter { $0.1.completedAt == nil }
        let continueLearning = active.first(where: { $0.1.lastLessonID != nil }).map { course, progress in
            Content.Dashboard.Continue(
                courseTitle: course.title, url: "/courses/\(course.slug)/lessons/\(progress.lastLessonID ?? "")",
                percent: progress.percent
            )
        }
        var due: [Content.Dashboard.Due] = []
        for (course, _) in active.prefix(6) {
            let grades = try await courses.myGrades(principal, course.id)
            let passed = Set(grades.grades.filter(\.passed).map(\.quizID))
            for quiz in grades.quizzes where !passed.contains(quiz.id) {
                let attempts = grades.grades.first { $0.quizID == quiz.id }?.attempts ?? 0
                let left = quiz.maxAttempts.map { max(0, $0 - attempts) }
                guard left != 0 else { continue }
                let detail = "Pass with \(quiz.passingScore)%" + (left.map { " · \($0) attempt\($0 == 1 ? "" : "s") left" } ?? "")
                due.append(.init(title: quiz.title, courseTitle: course.title, url: "/courses/\(course.slug)/quizzes/\(quiz.id)", detail: detail))
            }
        }
        let content = Content.Dashboard(
            displayName: context.displayName ?? "", continueLearning: continueLearning, courses: rows, enrolledSomewhere: !rows.isEmpty, due: due,
            teaches: principal.role >= .instructor
        )
        return try renderer.render(Page("dashboard", title: "Home", content: content, section: .home), context: context)
    }

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal == nil else {
            return PageRenderer.html(try await catalogHTML(request, context: context), status: .ok)
        }
        return try await renderer.sharedPage(cache, key: "catalog?\(request.uri.query ?? "")", request: request, context: context) {
            (try await catalogHTML(request, context: context), [CoursesCacheTags.catalog])
        }
    }

    private func catalogHTML(_ request: Request, context: AppRequestContext) async throws -> String {
        let parameters = request.uri.queryParameters
        let text = parameters.get("q") ?? ""
        let level = CourseLevel(rawValue: parameters.get("level") ?? "")
        let price = CatalogQuery.Price(rawValue: parameters.get("price") ?? "")
        let sort = CatalogQuery.Sort(rawValue: parameters.get("sort") ?? "")
        let offset = min(10_000, max(0, Int(parameters.get("offset") ?? "") ?? 0))
        let query = CatalogQuery(text: String(text.prefix(200)), level: level, price: price, sort: sort, limit: 24, offset: offset)
        let page = try await courses.catalog(query)
        var nextURL: String?
        if page.hasMore {
            var components = URLComponents()
            components.path = "/courses"
            components.queryItems = [
                URLQueryItem(name: "q", value: text), URLQueryItem(name: "level", value: level?.rawValue ?? ""),
                URLQueryItem(name: "price", value: price?.rawValue ?? ""), URLQueryItem(name: "sort", value: query.sort.rawValue),
                URLQueryItem(name: "offset", value: String(offset + 24)),
            ]
            nextURL = components.string
        }
        let content = Content.Catalog(
            query: text,
            levels: SelectOption.list(CourseLevel.allCases.map(\.rawValue), selected: level?.rawValue),
            prices: SelectOption.list(["free", "paid"], selected: price?.rawValue),
            sorts: SelectOption.list(
                ["relevance", "newest", "popular"], selected: query.sort.rawValue,
                labels: ["relevance": "Best match", "newest": "Newest", "popular": "Most popular"]
            ),
            courses: page.courses.map { course in
                .init(
                    slug: course.slug, title: course.title, summary: course.summary, category: course.category,
                    level: course.level.rawValue, price: PageFormat.price(minor: course.priceMinor, currency: course.currency),
                    enrollmentCount: course.enrollmentCount
                )
            },
            nextURL: nextURL
        )
        return try renderer.html(Page("catalog", title: "Courses", content: content, section: .courses), context: context)
    }

    @Sendable func course(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        guard context.principal == nil else {
            return PageRenderer.html(try await courseHTML(slug, context: context).html, status: .ok)
        }
        return try await renderer.sharedPage(cache, key: "course:\(slug)", request: request, context: context) {
            try await courseHTML(slug, context: context)
        }
    }

    /// The course page and the cache tag of the course it shows.
    private func courseHTML(_ slug: String, context: AppRequestContext) async throws -> (html: String, tags: Set<String>) {
        let outline = try await courses.outline(context.principal, slug)
        let course = outline.course
        let (_, quizzes) = try await courses.quizzes(context.principal, course.id)
        let access = outline.access
        let published = course.status == .published
        let price = PageFormat.price(minor: course.priceMinor, currency: course.currency)
        var progress: Content.Progress?
        var certificateURL: String?
        var continueURL: String?
        if access.isEnrolled {
            let grades = try await courses.myGrades(context.principal, course.id)
            progress = Content.Progress(grades.progress)
            certificateURL = grades.certificate.map { "/certificates/\($0.code)" }
            let next = outline.lastLessonID ?? outline.modules.flatMap(\.lessons).first { !outline.completedLessonIDs.contains($0.id) }?.id
            continueURL = next.map { "/courses/\(course.slug)/lessons/\($0)" }
        }
        let content = Content.Course(
            course: .init(
                slug: course.slug, title: course.title, summary: course.summary, category: course.category,
                level: course.level.rawValue, status: course.status.rawValue, price: price
            ),
            draft: !published,
            descriptionHtml: outline.descriptionHTML,
            staff: outline.staff.enumerated().map { index, member in
                .init(displayName: member.summary.displayName, last: index == outline.staff.count - 1)
            },
            enrolled: access.isEnrolled,
            teaching: access.canTeach,
            enrollment: published && context.principal != nil && !access.isEnrolled
                ? .init(label: course.isPaid ? "Buy for \(price)" : "Enroll for free") : nil,
            signInURL: published && context.principal == nil ? "/signin?next=/courses/\(course.slug)" : nil,
            modules: outline.modules.map { module, lessons in
                .init(
                    title: module.title,
                    lessons: lessons.map { lesson in
                        .init(
                            id: lesson.id, slug: course.slug, title: lesson.title, minutes: lesson.estimatedMinutes,
                            preview: lesson.isPreview, open: lesson.isPreview || access.canLearn,
                            completed: outline.completedLessonIDs.contains(lesson.id)
                        )
                    },
                    quizzes: quizzes.filter { $0.0.moduleID == module.id }.map { quiz, _ in
                        .init(id: quiz.id, slug: course.slug, title: quiz.title, open: access.canLearn)
                    }
                )
            },
            progress: progress, certificateURL: certificateURL, continueURL: continueURL
        )
        let html = try renderer.html(Page("course", title: course.title, content: content, section: .courses), context: context)
        return (html, [CoursesCacheTags.course(course.id)])
    }

    @Sendable func enroll(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/courses/\(slug)") }
        _ = try await courses.enroll(context.principal, slug)
        return PageRenderer.redirect(to: "/courses/\(slug)")
    }

    @Sendable func leave(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        try await courses.leave(context.principal, slug)
        return PageRenderer.redirect(to: "/courses/\(slug)")
    }

    @Sendable func lesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (course, lesson) = try await courses.lesson(context.principal, try slug(context), lessonID: try context.parameters.require("lesson"))
        let outline = try await courses.outline(context.principal, course.id)
        let ordered = outline.modules.flatMap(\.lessons)
        let index = ordered.firstIndex { $0.id == lesson.id }
        let neighbour = { (position: Int) -> Content.Lesson.Neighbour? in
            ordered.indices.contains(position) ? .init(id: ordered[position].id, title: ordered[position].title) : nil
        }
        let content = Content.Lesson(
            course: .init(slug: course.slug, title: course.title),
            lesson: .init(id: lesson.id, title: lesson.title, bodyHtml: lesson.bodyHTML, videoUrl: lesson.videoURL.flatMap { $0.isEmpty ? nil : $0 }),
            enrolled: outline.access.isEnrolled,
            completed: outline.completedLessonIDs.contains(lesson.id),
            previous: index.flatMap { neighbour($0 - 1) },
            next: index.flatMap { neighbour($0 + 1) },
            progress: outline.access.isEnrolled ? Content.Progress(try await courses.progress(context.principal, course.id)) : nil
        )
        return try renderer.render(Page("lesson", title: lesson.title, content: content, section: .courses), context: context)
    }

    @Sendable func completion(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let slug = try slug(context)
        let lessonID = try context.parameters.require("lesson")
        _ = try await courses.setCompletion(context.principal, slug, lessonID: lessonID, completed: form["completed"] != "false")
        return PageRenderer.redirect(to: "/courses/\(slug)/lessons/\(lessonID)")
    }

    @Sendable func quiz(_ request: Request, context: AppRequestContext) async throws -> Response {
        let quizID = try context.parameters.require("quiz")
        let outline = try await courses.outline(context.principal, try slug(context))
        let (_, quizzes) = try await courses.quizzes(context.principal, outline.course.id)
        guard let quiz = quizzes.first(where: { $0.0.id == quizID })?.0 else { throw AppError.notFound("quiz") }
        let attempts = context.principal == nil ? [] : try await courses.myAttempts(context.principal, quizID: quiz.id)
        let content = Content.QuizOverview(
            course: .init(slug: outline.course.slug, title: outline.course.title),
            quiz: .init(
                id: quiz.id, title: quiz.title, passingScore: quiz.passingScore,
                timeLimitMinutes: quiz.timeLimitSeconds.map { max(1, $0 / 60) }, maxAttempts: quiz.maxAttempts
            ),
            enrolled: outline.access.isEnrolled,
            attempts: attempts.map { .init(id: $0.id, number: $0.number, percent: $0.percent, passed: $0.passed == true) }
        )
        return try renderer.render(Page("quiz", title: quiz.title, content: content, section: .courses), context: context)
    }

    @Sendable func startQuiz(_ request: Request, context: AppRequestContext) async throws -> Response {
        let sheet = try await courses.startAttempt(context.principal, quizID: try context.parameters.require("quiz"))
        return PageRenderer.redirect(to: "/attempts/\(sheet.attempt.id)")
    }

    @Sendable func attempt(_ request: Request, context: AppRequestContext) async throws -> Response {
        let attemptID = try context.parameters.require("attempt")
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/attempts/\(attemptID)") }
        return try await renderAttempt(try await courses.attempt(context.principal, attemptID: attemptID), context: context)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let attemptID = try context.parameters.require("attempt")
        let current = try await courses.attempt(context.principal, attemptID: attemptID)
        var answers: [String: SubmittedAnswer] = [:]
        for question in current.questions {
            let name = "q.\(question.id)"
            switch question.kind {
            case .singleChoice:
                if form.has(name) { answers[question.id] = .text(form[name]) }
            case .multipleChoice:
                let chosen = question.options.map(\.id).filter { form.has("\(name).\($0)") }
                if !chosen.isEmpty { answers[question.id] = .options(chosen) }
            case .trueFalse:
                if form.has(name) { answers[question.id] = .truth(form[name] == "true") }
            case .shortAnswer:
                if !form[name].isEmpty { answers[question.id] = .text(form[name]) }
            case .numeric:
                if let number = Double(form[name].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) {
                    answers[question.id] = .number(number)
                }
            }
        }
        let sheet = try await courses.submitAttempt(context.principal, attemptID: attemptID, answers: answers)
        return try await renderAttempt(sheet, context: context)
    }

    private func renderAttempt(_ sheet: AttemptSheet, context: AppRequestContext) async throws -> Response {
        let attempt = sheet.attempt
        var result: Content.Attempt.Result?
        if let score = attempt.score, let maxScore = attempt.maxScore, let percent = attempt.percent {
            result = .init(score: score, maxScore: maxScore, percent: percent, passed: attempt.passed == true, late: sheet.lateAnswersIgnored)
        }
        let review = sheet.review.map { reviews in
            Content.Attempt.Review(items: zip(sheet.questions, reviews).enumerated().map { index, pair in
                let (question, review) = pair
                return .init(number: index + 1, prompt: question.prompt, correct: review.correct, answer: Self.describe(review.key, of: question))
            })
        }
        let content = Content.Attempt(
            attempt: .init(id: attempt.id, quizTitle: sheet.quiz.title, number: attempt.number),
            courseSlug: try await courses.outline(context.principal, sheet.quiz.courseID).course.slug,
            open: attempt.submittedAt == nil,
            questions: sheet.questions.enumerated().map { index, question in
                .init(
                    number: index + 1, prompt: question.prompt, points: question.points,
                    single: question.kind == .singleChoice, multiple: question.kind == .multipleChoice,
                    truefalse: question.kind == .trueFalse, short: question.kind == .shortAnswer, numeric: question.kind == .numeric,
                    options: question.options.map { .init(id: $0.id, text: $0.text, questionId: question.id) },
                    questionId: question.id
                )
            },
            deadline: attempt.submittedAt == nil ? attempt.deadlineAt.map(ISO8601Text.string) : nil,
            result: result, review: review
        )
        return try renderer.render(Page("attempt", title: sheet.quiz.title, content: content, section: .courses), context: context)
    }

    /// The right answer of a reviewed question, in words.
    static func describe(_ key: AnswerKey, of question: AttemptSheet.Question) -> String {
        switch question.kind {
        case .singleChoice, .multipleChoice:
            let right = Set(key.correctOptions ?? [])
            return question.options.filter { right.contains($0.id) }.map(\.text).joined(separator: ", ")
        case .trueFalse: return key.truth == true ? "True" : "False"
        case .shortAnswer: return key.accepted?.first ?? ""
        case .numeric:
            let value = key.value.map { String(format: "%g", $0) } ?? ""
            let tolerance = key.tolerance ?? 0
            return tolerance > 0 ? "\(value) ± \(String(format: "%g", tolerance))" : value
        }
    }

    private static func learningRow(_ course: Course, _ progress: CourseProgress) -> Content.Learning.Row {
        .init(
            slug: course.slug, title: course.title, percent: progress.percent, completed: progress.completedAt != nil,
            continueURL: progress.lastLessonID.map { "/courses/\(course.slug)/lessons/\($0)" }
        )
    }

    @Sendable func learning(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/learning") }
        let items = try await courses.myEnrollments(context.principal).map(Self.learningRow)
        return try renderer.render(
            Page("learning", title: "My learning", content: Content.Learning(items: items), section: .learning), context: context
        )
    }

    @Sendable func certificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let certificate = try await courses.certificate(code: try context.parameters.require("code"))
        let content = Content.CertificateCard(certificate: .init(
            studentName: certificate.studentName, courseTitle: certificate.courseTitle,
            date: PageFormat.date(certificate.issuedAt), code: certificate.code
        ))
        return try renderer.render(Page("certificate", title: "Certificate", content: content), context: context)
    }

    /// Renders Markdown exactly as lessons will show it, for the editor's live preview.
    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        _ = try context.requirePrincipal()
        let markdown = String(form["markdown"].prefix(100_000))
        return Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: SafeMarkdown.html(markdown)))
        )
    }
}
