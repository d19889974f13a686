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
    let panels: PagePanels

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("", use: home)
        pages.get("courses", use: catalog)
        pages.get("courses/:course", use: course)
        pages.post("courses/:course/enroll", use: enroll)
        pages.post("courses/:course/leave", use: leave)
        pages.get("courses/:course/lessons/:lesson", use: lesson)
        pages.post("courses/:course/lessons/:lesson/completion", use: completion)
        pages.get("courses/:course/lessons/:lesson/attachments/:upload", use: attachment)
        pages.get("courses/:course/leave", use: confirmLeave)
        pages.get("courses/:course/quizzes/:quiz", use: quiz)
        pages.post("courses/:course/quizzes/:quiz/start", use: startQuiz)
        pages.get("courses/:course/quizzes/:quiz/preview", use: previewQuiz)
        pages.post("courses/:course/quizzes/:quiz/preview", use: gradePreview)
        pages.get("attempts/:attempt", use: attempt)
        pages.post("attempts/:attempt/submit", use: submit)
        pages.get("learning", use: learning)
        pages.get("certificates", use: certificates)
        pages.get("certificates/:code", use: certificate)
        pages.get("print/certificate.css", use: certificatePrintStylesheet)
        pages.post("markdown-preview", use: preview)
    }

    func slug(_ context: AppRequestContext) throws -> String { try context.parameters.require("course") }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else {
            return try renderer.render(Page("home", title: "Home", content: NoContent(), section: .home), context: context)
        }
        let enrollments = try await courses.myEnrollments(principal)
        let certificates = Dictionary(try await courses.myCertificates(principal).map { ($0.courseID, $0) }) { first, _ in first }
        let rows = enrollments.map { Self.learningRow($0, $1, certificate: certificates[$0.id]) }
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
            teaches: principal.role >= .instructor,
            panelsHtml: await panels.html(for: .dashboard, PanelRequest(principal: principal), logger: context.logger)
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
                    learners: CoursePageText.count(course.enrollmentCount, "learner")
                )
            },
            nextURL: nextURL
        )
        let title = text.isEmpty ? "Courses" : "Search: \(text.prefix(80)) · Courses"
        return try renderer.html(Page("catalog", title: title, content: content, section: .courses), context: context)
    }

    @Sendable func course(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        guard context.principal == nil else {
            let notice = request.uri.queryParameters.get("done") == "left"
                ? "You left this course. Your progress is kept if you enroll again." : nil
            return PageRenderer.html(try await courseHTML(slug, notice: notice, context: context).html, status: .ok)
        }
        return try await renderer.sharedPage(cache, key: "course:\(slug)", request: request, context: context) {
            try await courseHTML(slug, context: context)
        }
    }

    /// The course page and the cache tag of the course it shows.
    private func courseHTML(_ slug: String, notice: String? = nil, context: AppRequestContext) async throws -> (html: String, tags: Set<String>) {
        let outline = try await courses.outline(context.principal, slug)
        let course = outline.course
        let access = outline.access
        let published = course.status == .published
        let price = PageFormat.price(minor: course.priceMinor, currency: course.currency)
        let path = CoursePath(outline)
        var progress: Content.Progress?
        var missing: [Content.Course.Missing] = []
        var continueURL: String?
        var startURL: String?
        if access.isEnrolled {
            let grades = try await courses.myGrades(context.principal, course.id)
            progress = Content.Progress(grades.progress, certificate: grades.certificate)
            let todo = Self.missing(outline)
            if grades.progress.completedAt == nil { missing = todo }
            let started = outline.lastLessonID != nil || !outline.completedLessonIDs.isEmpty || grades.grades.contains { $0.attempts > 0 }
            if started {
                continueURL = todo.first?.url
            } else {
                startURL = path.first?.url
            }
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
            // A paid course is bought through Billing's panel on this page; only free ones enroll here.
            enrollment: published && context.principal != nil && !access.isEnrolled && !course.isPaid
                ? .init(label: "Enroll for free") : nil,
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
                    quizzes: outline.quizzes.filter { $0.moduleID == module.id }.map { quiz in
                        .init(id: quiz.id, slug: course.slug, title: quiz.title, open: access.canLearn, passed: outline.passedQuizIDs.contains(quiz.id))
                    }
                )
            },
            progress: progress, missing: missing, hasMissing: !missing.isEmpty, continueURL: continueURL, startURL: startURL,
            learners: CoursePageText.count(course.enrollmentCount, "learner"),
            panelsHtml: await panels.html(
                for: .coursePage, PanelRequest(principal: context.principal, courseID: course.id, courseSlug: course.slug), logger: context.logger
            )
        )
        let html = try renderer.html(Page("course", title: course.title, content: content, section: .courses, notice: notice), context: context)
        return (html, [CoursesCacheTags.course(course.id)])
    }

    /// What an enrolled learner still has to do, in course order: lessons to complete and quizzes to pass.
    static func missing(_ outline: CourseOutline) -> [Content.Course.Missing] {
        let slug = outline.course.slug
        return outline.modules.flatMap { module, lessons in
            lessons.filter { !outline.completedLessonIDs.contains($0.id) }.map {
                Content.Course.Missing(text: "Complete \($0.title)", url: "/courses/\(slug)/lessons/\($0.id)")
            }
                + outline.quizzes.filter { $0.moduleID == module.id && !outline.passedQuizIDs.contains($0.id) }.map {
                    Content.Course.Missing(text: "Pass \($0.title) with \($0.passingScore)%", url: "/courses/\(slug)/quizzes/\($0.id)")
                }
        }
    }

    @Sendable func enroll(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/courses/\(slug)") }
        _ = try await courses.enroll(context.principal, slug)
        return PageRenderer.redirect(to: "/courses/\(slug)")
    }

    /// Asks before leaving a course, saying what happens to the learner's progress.
    @Sendable func confirmLeave(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/courses/\(slug)/leave") }
        return try await leaveConfirmation(slug, context: context)
    }

    private func leaveConfirmation(_ slug: String, context: AppRequestContext) async throws -> Response {
        let progress = try await courses.progress(context.principal, slug)
        let course = try await courses.outline(context.principal, progress.courseID).course
        let content = Content.LeaveCourse(course: .init(slug: course.slug, title: course.title), percent: progress.percent)
        return try renderer.render(
            Page("leave-course", title: "Leave \(course.title)?", content: content, section: .learning, narrow: true), context: context
        )
    }

    /// Leaves the course once confirmed (`confirm=true`); without the confirmation it asks first.
    @Sendable func leave(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let slug = try slug(context)
        guard form["confirm"] == "true" else {
            _ = try context.requirePrincipal()
            return try await leaveConfirmation(slug, context: context)
        }
        try await courses.leave(context.principal, slug)
        return PageRenderer.redirect(to: "/courses/\(slug)?done=left")
    }

    @Sendable func lesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (course, lesson) = try await courses.lesson(context.principal, try slug(context), lessonID: try context.parameters.require("lesson"))
        let outline = try await courses.outline(context.principal, course.id)
        let staffPreview = outline.access.canTeach
        let tracking = outline.access.isEnrolled && !staffPreview
        var progress: Content.Progress?
        if tracking {
            let grades = try await courses.myGrades(context.principal, course.id)
            progress = Content.Progress(grades.progress, certificate: grades.certificate)
        }
        let media = try await courses.lessonMedia(context.principal, lesson: lesson)
        let base = "/courses/\(course.slug)/lessons/\(lesson.id)/attachments/"
        let files = media.attachments.map { Content.Lesson.Attachment(filename: $0.filename, size: FileSizeText.text($0.size), url: base + $0.id) }
        let content = Content.Lesson(
            course: .init(slug: course.slug, title: course.title),
            lesson: .init(id: lesson.id, title: lesson.title, bodyHtml: lesson.bodyHTML, videoUrl: media.externalVideoURL.flatMap { $0.isEmpty ? nil : $0 }),
            video: media.videoSource.map(Content.Lesson.Video.init),
            attachments: files.isEmpty ? nil : Content.Lesson.Attachments(items: files),
            tracking: tracking,
            staffPreview: staffPreview,
            completed: outline.completedLessonIDs.contains(lesson.id),
            path: CoursePath(outline).navigation(around: lesson.id),
            progress: progress
        )
        return try renderer.render(Page("lesson", title: "\(lesson.title) · \(course.title)", content: content, section: .courses), context: context)
    }

    /// An attachment of a lesson: a redirect to a link signed for this reader, after the lesson's read rule
    /// (browsers cannot send the API's bearer token). The redirect is never stored by a cache.
    @Sendable func attachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try slug(context)
        let lessonID = try context.parameters.require("lesson")
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/courses/\(slug)/lessons/\(lessonID)") }
        let link = try await courses.attachmentLink(context.principal, slug, lessonID: lessonID, uploadID: try context.parameters.require("upload"))
        return Response(status: .found, headers: [.location: link, .cacheControl: "private, no-store"])
    }

    @Sendable func completion(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let slug = try slug(context)
        let lessonID = try context.parameters.require("lesson")
        _ = try await courses.setCompletion(context.principal, slug, lessonID: lessonID, completed: form["completed"] != "false")
        return PageRenderer.redirect(to: "/courses/\(slug)/lessons/\(lessonID)")
    }

    private static func learningRow(_ course: Course, _ progress: CourseProgress, certificate: Certificate?) -> Content.Learning.Row {
        .init(
            slug: course.slug, title: course.title, percent: progress.percent, completed: progress.completedAt != nil,
            continueURL: progress.lastLessonID.map { "/courses/\(course.slug)/lessons/\($0)" },
            certificateURL: certificate.map { "/certificates/\($0.code)" }
        )
    }

    @Sendable func learning(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/learning") }
        let certificates = try await courses.myCertificates(context.principal)
        let byCourse = Dictionary(certificates.map { ($0.courseID, $0) }) { first, _ in first }
        let items = try await courses.myEnrollments(context.principal).map { Self.learningRow($0, $1, certificate: byCourse[$0.id]) }
        let content = Content.Learning(
            items: items, certificates: certificates.isEmpty ? nil : CoursePageText.count(certificates.count, "certificate")
        )
        return try renderer.render(Page("learning", title: "My learning", content: content, section: .learning), context: context)
    }

    @Sendable func certificates(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/certificates") }
        let entries = try await courses.myCertificates(context.principal).map {
            Content.CertificateList.Entry(courseTitle: $0.courseTitle, date: PageFormat.date($0.issuedAt), code: $0.code, url: "/certificates/\($0.code)")
        }
        let content = Content.CertificateList(certificates: entries, hasCertificates: !entries.isEmpty)
        return try renderer.render(Page("certificates", title: "My certificates", content: content, section: .learning), context: context)
    }

    /// A certificate anyone with its code may verify, printable, with its address to share instead of a PDF.
    @Sendable func certificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let certificate = try await courses.certificate(code: try context.parameters.require("code"))
        let content = Content.CertificateCard(
            certificate: .init(
                studentName: certificate.studentName, courseTitle: certificate.courseTitle,
                date: PageFormat.date(certificate.issuedAt), code: certificate.code
            ),
            shareURL: Self.origin(of: request) + "/certificates/\(certificate.code)",
            printStylesheet: "/print/certificate.css",
            own: context.principal?.userID == certificate.userID
        )
        return try renderer.render(Page("certificate", title: "Certificate: \(certificate.courseTitle)", content: content), context: context)
    }

    /// The certificate page's print stylesheet: the page's own, since the Content-Security-Policy allows no
    /// inline style. Only the certificate itself is printed, on one page.
    @Sendable func certificatePrintStylesheet(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: CourseTemplates.certificatePrint))
        )
    }

    /// `scheme://host` the request was addressed to, for links meant to be copied; empty when the request
    /// names no host (the link is then relative).
    static func origin(of request: Request) -> String {
        guard let host = request.head.authority, !host.isEmpty,
            host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:[]".contains($0) })
        else { return "" }
        let local = host.hasPrefix("localhost") || host.hasPrefix("127.") || host.hasPrefix("[::1]")
        let scheme = switch HTTPField.Name("X-Forwarded-Proto").flatMap({ request.headers[$0] }) {
        case "http": "http"
        case "https": "https"
        default: request.head.scheme ?? (local ? "http" : "https")
        }
        return "\(scheme)://\(host)"
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
