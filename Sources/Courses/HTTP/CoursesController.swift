import LyceumContracts
import Foundation
import Hummingbird
import LyceumCore
import LyceumHTTP

/// `/api/v1/courses` and `/api/v1/me/enrollments`: catalog, course editing, structure, enrollment, progress.
public struct CoursesController: Sendable {
    private let courses: CoursesService
    private let cache: any ResponseCache

    /// Creates the controller; anonymous catalog and outline answers are served from `cache`.
    public init(courses: CoursesService, cache: any ResponseCache) {
        self.courses = courses
        self.cache = cache
    }

    /// Whether the answer is the same for every caller (anonymous, no credentials presented).
    private func isShared(_ context: AppRequestContext) -> Bool {
        context.principal == nil && context.credentialError == nil
    }

    /// The routes, to mount at `/api/v1`.
    public var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("courses", use: catalog)
        routes.post("courses", use: create)
        routes.get("courses/:course", use: show)
        routes.patch("courses/:course", use: update)
        routes.delete("courses/:course", use: delete)
        routes.post("courses/:course/publish") { try await self.setStatus($0, $1, .published) }
        routes.post("courses/:course/archive") { try await self.setStatus($0, $1, .archived) }
        routes.put("courses/:course/staff/:user", use: putStaff)
        routes.delete("courses/:course/staff/:user", use: deleteStaff)
        routes.post("courses/:course/modules", use: addModule)
        routes.patch("courses/:course/modules/:module", use: renameModule)
        routes.delete("courses/:course/modules/:module", use: deleteModule)
        routes.post("courses/:course/modules/:module/lessons", use: addLesson)
        routes.get("courses/:course/lessons/:lesson", use: showLesson)
        routes.patch("courses/:course/lessons/:lesson", use: updateLesson)
        routes.delete("courses/:course/lessons/:lesson", use: deleteLesson)
        routes.put("courses/:course/reorder", use: reorder)
        routes.post("courses/:course/enrollment", use: enroll)
        routes.delete("courses/:course/enrollment", use: leave)
        routes.get("courses/:course/roster", use: roster)
        routes.post("courses/:course/roster", use: addStudent)
        routes.delete("courses/:course/roster/:user", use: removeStudent)
        routes.get("courses/:course/progress", use: progress)
        routes.put("courses/:course/lessons/:lesson/completion") { try await self.completion($0, $1, completed: true) }
        routes.delete("courses/:course/lessons/:lesson/completion") { try await self.completion($0, $1, completed: false) }
        routes.get("me/enrollments", use: myEnrollments)
        return routes
    }

    private func course(_ context: AppRequestContext) -> String { context.parameters.get("course") ?? "" }

    @Sendable func catalog(_ request: Request, context: AppRequestContext) async throws -> Response {
        let parameters = request.uri.queryParameters
        func choice<Value: RawRepresentable>(_ name: String, _: Value.Type) throws(AppError) -> Value? where Value.RawValue == String {
            guard let text = parameters.get(name), !text.isEmpty else { return nil }
            guard let value = Value(rawValue: text) else { throw AppError.badRequest("invalid_\(name)", "\(name) has an unknown value.") }
            return value
        }
        let limit = try PageLimit.parse(parameters.get("limit"))
        let offset = try parameters.get("cursor").map { text throws(AppError) in try OffsetCursor(decoding: text).offset } ?? 0
        let text = try SearchText.parse(parameters.get("q"))
        let query = CatalogQuery(
            text: text, category: parameters.get("category").flatMap { $0.isEmpty ? nil : $0 },
            level: try choice("level", CourseLevel.self), language: parameters.get("language").flatMap { $0.isEmpty ? nil : $0 },
            price: try choice("price", CatalogQuery.Price.self), sort: try choice("sort", CatalogQuery.Sort.self),
            limit: limit, offset: offset
        )
        return try await cache.response(
            for: "api:catalog?\(request.uri.query ?? "")", contentType: "application/json; charset=utf-8", request: request,
            context: context
        ) {
            let page = try await courses.catalog(query)
            let bytes = try JSONResponse.bytes(
                ItemsView(items: page.courses.map(CourseView.init), nextCursor: page.hasMore ? OffsetCursor(offset: offset + limit).encoded : nil)
            )
            return CachedBody(bytes, tags: [CoursesCacheTags.catalog])
        }
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await request.decodeJSON(CourseDraft.self, context: context)
        let course = try await courses.createCourse(context.principal, draft: draft)
        return try JSONResponse.encode(["course": CourseView(course)], status: .created)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard isShared(context) else {
            return try JSONResponse.encode(OutlineView(try await courses.outline(context.principal, course(context))))
        }
        return try await cache.response(
            for: "api:outline:\(course(context))", contentType: "application/json; charset=utf-8", request: request, context: context
        ) {
            let outline = try await courses.outline(nil, course(context))
            return CachedBody(try JSONResponse.bytes(OutlineView(outline)), tags: [CoursesCacheTags.course(outline.course.id)])
        }
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let changes = try await request.decodeJSON(CourseChanges.self, context: context)
        let updated = try await courses.updateCourse(context.principal, course(context), changes: changes)
        return try JSONResponse.encode(["course": CourseView(updated)])
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await courses.deleteCourse(context.principal, course(context))
        return JSONResponse.noContent()
    }

    func setStatus(_ request: Request, _ context: AppRequestContext, _ status: CourseStatus) async throws -> Response {
        let updated = try await courses.setStatus(context.principal, course(context), to: status)
        return try JSONResponse.encode(["course": CourseView(updated)])
    }

    struct StaffBody: Decodable {
        let role: StaffRole
    }

    @Sendable func putStaff(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(StaffBody.self, context: context)
        try await courses.setStaff(context.principal, course(context), userID: context.parameters.get("user") ?? "", role: body.role)
        return JSONResponse.noContent()
    }

    @Sendable func deleteStaff(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await courses.setStaff(context.principal, course(context), userID: context.parameters.get("user") ?? "", role: nil)
        return JSONResponse.noContent()
    }

    struct ModuleChanges: Decodable {
        let title: String?
        let hidden: Bool?
    }

    struct TitleBody: Decodable {
        let title: String
    }

    struct ModuleView: Codable {
        let id: String
        let title: String
        let position: Int
        let hidden: Bool
    }

    @Sendable func addModule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(TitleBody.self, context: context)
        let module = try await courses.addModule(context.principal, course(context), title: body.title)
        return try JSONResponse.encode(["module": ModuleView(id: module.id, title: module.title, position: module.position, hidden: module.isHidden)], status: .created)
    }

    @Sendable func renameModule(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(ModuleChanges.self, context: context)
        try await courses.updateModule(
            context.principal, course(context), moduleID: context.parameters.get("module") ?? "", title: body.title, hidden: body.hidden
        )
        return JSONResponse.noContent()
    }

    @Sendable func deleteModule(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await courses.deleteModule(context.principal, course(context), moduleID: context.parameters.get("module") ?? "")
        return JSONResponse.noContent()
    }

    @Sendable func addLesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await request.decodeJSON(LessonInput.self, context: context)
        let lesson = try await courses.addLesson(context.principal, course(context), moduleID: context.parameters.get("module") ?? "", input: input)
        return try JSONResponse.encode(["lesson": LessonView(lesson, includeSource: true)], status: .created)
    }

    @Sendable func showLesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, lesson) = try await courses.lesson(context.principal, course(context), lessonID: context.parameters.get("lesson") ?? "")
        return try JSONResponse.encode(["lesson": LessonView(lesson, includeSource: false)])
    }

    @Sendable func updateLesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try await request.decodeJSON(LessonInput.self, context: context)
        let lesson = try await courses.updateLesson(context.principal, course(context), lessonID: context.parameters.get("lesson") ?? "", input: input)
        return try JSONResponse.encode(["lesson": LessonView(lesson, includeSource: true)])
    }

    @Sendable func deleteLesson(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await courses.deleteLesson(context.principal, course(context), lessonID: context.parameters.get("lesson") ?? "")
        return JSONResponse.noContent()
    }

    @Sendable func reorder(_ request: Request, context: AppRequestContext) async throws -> Response {
        let order = try await request.decodeJSON(StructureOrder.self, context: context)
        try await courses.reorder(context.principal, course(context), order: order)
        return try JSONResponse.encode(OutlineView(try await courses.outline(context.principal, course(context))))
    }

    @Sendable func enroll(_ request: Request, context: AppRequestContext) async throws -> Response {
        let progress = try await courses.enroll(context.principal, course(context))
        return try JSONResponse.encode(["progress": ProgressView(progress)], status: .created)
    }

    @Sendable func leave(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await courses.leave(context.principal, course(context))
        return JSONResponse.noContent()
    }

    @Sendable func roster(_ request: Request, context: AppRequestContext) async throws -> Response {
        let entries = try await courses.roster(context.principal, course(context))
        return try JSONResponse.encode(ItemsView(
            items: entries.map {
                RosterEntryView(student: .init(id: $0.student.id, displayName: $0.student.displayName), progress: ProgressView($0.progress))
            },
            nextCursor: nil
        ))
    }

    struct StudentBody: Decodable {
        let userId: String
    }

    @Sendable func addStudent(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(StudentBody.self, context: context)
        try await courses.addStudent(context.principal, course(context), userID: body.userId)
        return JSONResponse.noContent()
    }

    @Sendable func removeStudent(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await courses.removeStudent(context.principal, course(context), userID: context.parameters.get("user") ?? "")
        return JSONResponse.noContent()
    }

    @Sendable func progress(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONResponse.encode(["progress": ProgressView(try await courses.progress(context.principal, course(context)))])
    }

    func completion(_ request: Request, _ context: AppRequestContext, completed: Bool) async throws -> Response {
        let progress = try await courses.setCompletion(
            context.principal, course(context), lessonID: context.parameters.get("lesson") ?? "", completed: completed
        )
        return try JSONResponse.encode(["progress": ProgressView(progress)])
    }

    @Sendable func myEnrollments(_ request: Request, context: AppRequestContext) async throws -> Response {
        let enrollments = try await courses.myEnrollments(try context.requirePrincipal())
        return try JSONResponse.encode(ItemsView(
            items: enrollments.map { EnrollmentView(course: CourseView($0.0), progress: ProgressView($0.1)) }, nextCursor: nil
        ))
    }
}

/// A position in an offset-paged list (catalog orders such as relevance have no stable key), as opaque text.
struct OffsetCursor {
    let offset: Int

    init(offset: Int) { self.offset = offset }

    init(decoding text: String) throws(AppError) {
        guard let data = SecureToken.decodeBase64URL(text), let plain = String(data: data, encoding: .utf8),
            plain.hasPrefix("o:"), let offset = Int(plain.dropFirst(2)), (0...10_000).contains(offset)
        else { throw AppError.badRequest("invalid_cursor", "The cursor is not one this server issued.") }
        self.offset = offset
    }

    var encoded: String { SecureToken.base64URL(Array("o:\(offset)".utf8)) }
}
