import Courses
import Foundation
import HTTPTypes
import Hummingbird
import Identity
import LyceumCore
import LyceumHTTP
import NIOCore

/// The learner's pages: catalog, course, lesson, quiz and attempt, my learning, certificates, Markdown preview.
struct CoursePages: Sendable {
    let identity: IdentityService
    let courses: CoursesService
    let renderer: PageRenderer
    let cache: ResponseCache

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("courses", use: catalog)
        routes.get("courses/:course", use: course)
        routes.post("courses/:course/enroll", use: enroll)
        routes.post("courses/:course/leave", use: leave)
        routes.get("courses/:course/lessons/:lesson", use: lesson)
        routes.post("courses/:course/lessons/:lesson/completion", use: completion)
        routes.get("courses/:course/quizzes/:quiz", use: quiz)
        routes.post("courses/:course/quizzes/:quiz/start", use: startQuiz)
        routes.get("attempts/:attempt", use: attempt)
        routes.post("attempts/:attempt/submit", use: submit)
        routes.get("learning", use: learning)
        routes.get("certificates/:code", use: certificate)
        routes.post("markdown-preview", use: preview)
        return routes
    }

    private func slug(_ context: AppRequestContext) -> String { context.parameters.get("course") ?? "" }

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal == nil else {
            return renderer.html(try await catalogHTML(request, context: context, viewer: try await identity.viewer(context)), status: .ok)
        }
        return try await renderer.sharedPage(cache, key: "catalog?\(request.uri.query ?? "")", request: request) {
            try await catalogHTML(request, context: context, viewer: nil)
        }
    }

    private func catalogHTML(_ request: Request, context: AppRequestContext, viewer: User?) async throws -> String {
        let parameters = request.uri.queryParameters
        let text = parameters.get("q") ?? ""
        let level = CourseLevel(rawValue: parameters.get("level") ?? "")
        let price = CatalogQuery.Price(rawValue: parameters.get("price") ?? "")
        let sort = CatalogQuery.Sort(rawValue: parameters.get("sort") ?? "")
        let offset = min(10_000, max(0, Int(parameters.get("offset") ?? "") ?? 0))
        let query = CatalogQuery(text: String(text.prefix(200)), level: level, price: price, sort: sort, limit: 24, offset: offset)
        let page = try await courses.catalog(query)
        var values: [String: Any] = [
            "nav": ["courses": true],
            "query": ["q": text],
            "levels": PageFormat.options(CourseLevel.allCases.map(\.rawValue), selected: level?.rawValue),
            "prices": PageFormat.options(["free", "paid"], selected: price?.rawValue),
            "sorts": PageFormat.options(
                ["relevance", "newest", "popular"], selected: query.sort.rawValue,
                labels: ["relevance": "Best match", "newest": "Newest", "popular": "Most popular"]
            ),
            "courses": page.courses.map { course -> [String: Any] in
                [
                    "slug": course.slug, "title": course.title, "summary": course.summary, "category": course.category,
                    "level": course.level.rawValue, "enrollmentCount": course.enrollmentCount,
                    "price": PageFormat.price(minor: course.priceMinor, currency: course.currency),
                ]
            },
        ]
        if page.hasMore {
            var components = URLComponents()
            components.path = "/courses"
            components.queryItems = [
                URLQueryItem(name: "q", value: text), URLQueryItem(name: "level", value: level?.rawValue ?? ""),
                URLQueryItem(name: "price", value: price?.rawValue ?? ""), URLQueryItem(name: "sort", value: query.sort.rawValue),
                URLQueryItem(name: "offset", value: String(offset + 24)),
            ]
            values["nextURL"] = components.string
        }
        return renderer.html("catalog", title: "Courses", viewer: viewer, context: context, values: values)
    }

    @Sendable func course(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal == nil else {
            return renderer.html(try await courseHTML(context: context, viewer: try await identity.viewer(context)), status: .ok)
        }
        return try await renderer.sharedPage(cache, key: "course:\(slug(context))", request: request) {
            try await courseHTML(context: context, viewer: nil)
        }
    }

    private func courseHTML(context: AppRequestContext, viewer: User?) async throws -> String {
        let outline = try await courses.outline(context.principal, slug(context))
        let course = outline.course
        let (_, quizzes) = try await courses.quizzes(context.principal, course.id)
        let access = outline.access
        var values: [String: Any] = [
            "course": [
                "slug": course.slug, "title": course.title, "summary": course.summary, "category": course.category,
                "level": course.level.rawValue, "status": course.status.rawValue,
                "price": PageFormat.price(minor: course.priceMinor, currency: course.currency),
            ],
            "draft": course.status != .published,
            "descriptionHtml": SafeMarkdown.html(course.description),
            "staff": outline.staff.enumerated().map { index, member in
                ["displayName": member.summary.displayName, "last": index == outline.staff.count - 1] as [String: Any]
            },
            "enrolled": access.isEnrolled,
            "teaching": access.canTeach,
            "canEnroll": course.status == .published && viewer != nil,
            "signInURL": viewer == nil && course.status == .published ? "/signin?next=/courses/\(course.slug)" : "",
            "enrollLabel": course.isPaid ? "Buy for \(PageFormat.price(minor: course.priceMinor, currency: course.currency))" : "Enroll for free",
            "modules": outline.modules.map { module, lessons -> [String: Any] in
                [
                    "title": module.title,
                    "lessons": lessons.map { lesson -> [String: Any] in
                        [
                            "id": lesson.id, "slug": course.slug, "title": lesson.title, "minutes": lesson.estimatedMinutes,
                            "preview": lesson.isPreview, "open": lesson.isPreview || access.canLearn,
                            "completed": outline.completedLessonIDs.contains(lesson.id),
                        ]
                    },
                    "quizzes": quizzes.filter { $0.0.moduleID == module.id }.map { quiz, _ -> [String: Any] in
                        ["id": quiz.id, "slug": course.slug, "title": quiz.title, "open": access.canLearn]
                    },
                ]
            },
        ]
        if access.isEnrolled {
            let grades = try await courses.myGrades(context.principal, course.id)
            values["progress"] = progressValues(grades.progress)
            if let certificate = grades.certificate { values["certificateURL"] = "/certificates/\(certificate.code)" }
            let next = outline.lastLessonID ?? outline.modules.flatMap(\.lessons).first { !outline.completedLessonIDs.contains($0.id) }?.id
            if let next { values["continueURL"] = "/courses/\(course.slug)/lessons/\(next)" }
        }
        return renderer.html("course", title: course.title, viewer: viewer, context: context, values: values)
    }

    @Sendable func enroll(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await FormData.read(request, context: context)
        guard context.principal != nil else { return PageRenderer.redirect(to: "/signin?next=/courses/\(slug(context))") }
        _ = try await courses.enroll(context.principal, slug(context))
        return PageRenderer.redirect(to: "/courses/\(slug(context))")
    }

    @Sendable func leave(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await FormData.read(request, context: context)
        try await courses.leave(context.principal, slug(context))
        return PageRenderer.redirect(to: "/courses/\(slug(context))")
    }

    @Sendable func lesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let lessonID = context.parameters.get("lesson") ?? ""
        let (course, lesson) = try await courses.lesson(context.principal, slug(context), lessonID: lessonID)
        let outline = try await courses.outline(context.principal, course.id)
        let ordered = outline.modules.flatMap(\.lessons)
        let index = ordered.firstIndex { $0.id == lesson.id }
        var values: [String: Any] = [
            "course": ["slug": course.slug, "title": course.title],
            "lesson": ["id": lesson.id, "title": lesson.title, "bodyHtml": lesson.bodyHTML, "videoUrl": lesson.videoURL ?? ""],
            "enrolled": outline.access.isEnrolled,
            "completed": outline.completedLessonIDs.contains(lesson.id),
        ]
        if let index, index > 0 { values["previous"] = ["id": ordered[index - 1].id, "title": ordered[index - 1].title] }
        if let index, index + 1 < ordered.count { values["next"] = ["id": ordered[index + 1].id, "title": ordered[index + 1].title] }
        if outline.access.isEnrolled {
            values["progress"] = progressValues(try await courses.progress(context.principal, course.id))
        }
        return renderer.render("lesson", title: lesson.title, viewer: try await identity.viewer(context), context: context, values: values)
    }

    @Sendable func completion(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let lessonID = context.parameters.get("lesson") ?? ""
        _ = try await courses.setCompletion(context.principal, slug(context), lessonID: lessonID, completed: form["completed"] != "false")
        return PageRenderer.redirect(to: "/courses/\(slug(context))/lessons/\(lessonID)")
    }

    @Sendable func quiz(_ request: Request, context: AppRequestContext) async throws -> Response {
        let quizID = context.parameters.get("quiz") ?? ""
        let outline = try await courses.outline(context.principal, slug(context))
        let (_, quizzes) = try await courses.quizzes(context.principal, outline.course.id)
        guard let quiz = quizzes.first(where: { $0.0.id == quizID })?.0 else { throw AppError.notFound("quiz") }
        let attempts = context.principal == nil ? [] : try await courses.myAttempts(context.principal, quizID: quiz.id)
        let values: [String: Any] = [
            "course": ["slug": outline.course.slug, "title": outline.course.title],
            "quiz": [
                "id": quiz.id, "title": quiz.title, "passingScore": quiz.passingScore,
                "timeLimit": quiz.timeLimitSeconds.map { max(1, $0 / 60) } as Any, "maxAttempts": quiz.maxAttempts as Any,
            ],
            "enrolled": outline.access.isEnrolled,
            "attempts": attempts.map { ["id": $0.id, "number": $0.number, "percent": $0.percent as Any, "passed": $0.passed == true] as [String: Any] },
        ]
        return renderer.render("quiz", title: quiz.title, viewer: try await identity.viewer(context), context: context, values: values)
    }

    @Sendable func startQuiz(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await FormData.read(request, context: context)
        let sheet = try await courses.startAttempt(context.principal, quizID: context.parameters.get("quiz") ?? "")
        return PageRenderer.redirect(to: "/attempts/\(sheet.attempt.id)")
    }

    @Sendable func attempt(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.redirect(to: "/signin") }
        let sheet = try await courses.attempt(context.principal, attemptID: context.parameters.get("attempt") ?? "")
        return try await renderAttempt(sheet, context: context)
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let attemptID = context.parameters.get("attempt") ?? ""
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
        var values: [String: Any] = [
            "attempt": ["id": attempt.id, "quizTitle": sheet.quiz.title, "number": attempt.number],
            "courseSlug": try await courses.outline(context.principal, sheet.quiz.courseID).course.slug,
            "open": attempt.submittedAt == nil,
            "questions": sheet.questions.enumerated().map { index, question -> [String: Any] in
                [
                    "number": index + 1, "prompt": question.prompt, "points": question.points,
                    "single": question.kind == .singleChoice, "multiple": question.kind == .multipleChoice,
                    "truefalse": question.kind == .trueFalse, "short": question.kind == .shortAnswer, "numeric": question.kind == .numeric,
                    "options": question.options.map { ["id": $0.id, "text": $0.text, "questionId": question.id] },
                    "questionId": question.id,
                ]
            },
        ]
        if let deadline = attempt.deadlineAt, attempt.submittedAt == nil {
            values["deadline"] = ISO8601Text.string(deadline)
        }
        if let score = attempt.score, let maxScore = attempt.maxScore, let percent = attempt.percent {
            values["result"] = ["score": score, "maxScore": maxScore, "percent": percent, "passed": attempt.passed == true, "late": sheet.lateAnswersIgnored]
        }
        if sheet.showsReview {
            values["review"] = ["items": sheet.questions.enumerated().map { index, question -> [String: Any] in
                ["number": index + 1, "prompt": question.prompt, "correct": sheet.isCorrect(question),
                 "answer": Self.describe(question)]
            }]
        }
        return renderer.render("attempt", title: sheet.quiz.title, viewer: try await identity.viewer(context), context: context, values: values)
    }

    static func describe(_ question: QuizQuestion) -> String {
        switch question.kind {
        case .singleChoice, .multipleChoice:
            let right = Set(question.key.correctOptions ?? [])
            return question.options.filter { right.contains($0.id) }.map(\.text).joined(separator: ", ")
        case .trueFalse: return question.key.truth == true ? "True" : "False"
        case .shortAnswer: return question.key.accepted?.first ?? ""
        case .numeric:
            let value = question.key.value.map { String(format: "%g", $0) } ?? ""
            let tolerance = question.key.tolerance ?? 0
            return tolerance > 0 ? "\(value) ± \(String(format: "%g", tolerance))" : value
        }
    }

    @Sendable func learning(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.redirect(to: "/signin?next=/learning") }
        let items = try await courses.myEnrollments(context.principal).map { course, progress -> [String: Any] in
            var item: [String: Any] = ["slug": course.slug, "title": course.title, "percent": progress.percent, "completed": progress.completedAt != nil]
            if let last = progress.lastLessonID { item["continueURL"] = "/courses/\(course.slug)/lessons/\(last)" }
            return item
        }
        return renderer.render(
            "learning", title: "My learning", viewer: try await identity.viewer(context), context: context,
            values: ["items": items, "nav": ["learning": true]]
        )
    }

    @Sendable func certificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let certificate = try await courses.certificate(code: context.parameters.get("code") ?? "")
        return renderer.render(
            "certificate", title: "Certificate", viewer: try await identity.viewer(context), context: context,
            values: ["certificate": [
                "studentName": certificate.studentName, "courseTitle": certificate.courseTitle,
                "date": PageFormat.date(certificate.issuedAt), "code": certificate.code,
            ]]
        )
    }

    /// Renders Markdown exactly as lessons will show it, for the editor's live preview.
    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        _ = try context.requirePrincipal()
        let markdown = String(form["markdown"].prefix(100_000))
        return Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: SafeMarkdown.html(markdown)))
        )
    }

    private func progressValues(_ progress: CourseProgress) -> [String: Any] {
        [
            "percent": progress.percent, "completedLessons": progress.completedLessons, "totalLessons": progress.totalLessons,
            "completedAt": progress.completedAt != nil,
        ]
    }
}
