import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// A course as a caller sees it: catalog fields, teachers, modules with lessons, and the caller's progress.
public struct CourseOutline: Sendable {
    /// The course; its Markdown `description` is empty unless the caller may edit the course.
    public let course: Course
    public let access: CourseAccess
    /// The description as safe HTML, for everyone who may see the course.
    public let descriptionHTML: String
    /// Owner first, then co-instructors and assistants.
    public let staff: [(summary: UserSummary, role: String)]
    /// Modules in order with their lessons. Students do not get hidden modules and lessons; staff do, marked.
    public let modules: [(module: CourseModule, lessons: [Lesson])]
    /// The quizzes of the shown modules, each module's in the order they were created; they follow the
    /// module's lessons in the course order. Students do not get hidden quizzes.
    public let quizzes: [Quiz]
    /// Lessons the caller has completed.
    public let completedLessonIDs: Set<String>
    /// Quizzes the caller has passed at least once.
    public let passedQuizIDs: Set<String>
    public let lastLessonID: String?
    public let completedAt: Date?
}

extension CoursesService {
    /// The outline of a visible course.
    public func outline(_ principal: Principal?, _ idOrSlug: String) async throws -> CourseOutline {
        let (course, access, modules, lessons, quizzes, staff, enrollment, completed, passed) = try await database.read { sql in
            let (course, access) = try await visibleCourse(idOrSlug, for: principal, on: sql)
            var modules = try await StructureStore.modules(courseID: course.id, on: sql)
            var lessons = try await StructureStore.lessons(courseID: course.id, on: sql)
            var quizzes = try await QuizStore.quizzes(courseID: course.id, on: sql)
            if !access.canTeach {
                modules.removeAll(where: \.isHidden)
                let shown = Set(modules.map(\.id))
                lessons.removeAll { $0.isHidden || !shown.contains($0.moduleID) }
                quizzes.removeAll { $0.isHidden || !shown.contains($0.moduleID) }
            }
            let staff = try await CourseStore.staff(courseID: course.id, on: sql)
            let enrollment = try await principal.asyncMap { try await EnrollmentStore.find(courseID: course.id, userID: $0.userID, on: sql) } ?? nil
            let completed = try await principal.asyncMap {
                try await EnrollmentStore.completions(courseID: course.id, userIDs: [$0.userID], on: sql)[$0.userID] ?? []
            } ?? []
            let passed = enrollment == nil ? [] : try await principal.asyncMap {
                try await QuizStore.passedQuizIDs(courseID: course.id, userID: $0.userID, on: sql)
            } ?? []
            return (course, access, modules, lessons, quizzes, staff, enrollment, completed, passed)
        }
        let summaries = try await users.summaries(ids: [course.ownerID] + staff.map(\.userID))
        var people: [(UserSummary, String)] = []
        if let owner = summaries[course.ownerID] { people.append((owner, "owner")) }
        for member in staff { if let summary = summaries[member.userID] { people.append((summary, member.role.rawValue)) } }
        let grouped = Dictionary(grouping: lessons, by: \.moduleID)
        var shown = course
        if !access.canEdit { shown.description = "" }
        return CourseOutline(
            course: shown, access: access, descriptionHTML: SafeMarkdown.html(course.description), staff: people,
            modules: modules.map { ($0, grouped[$0.id] ?? []) },
            quizzes: modules.flatMap { module in quizzes.filter { $0.moduleID == module.id } },
            completedLessonIDs: completed, passedQuizIDs: passed, lastLessonID: enrollment?.lastLessonID,
            completedAt: enrollment?.completedAt
        )
    }

    /// The outline of a course for its editor: 401 when signed out, 403 unless the caller may edit the course.
    public func editingOutline(_ principal: Principal?, _ idOrSlug: String) async throws -> CourseOutline {
        _ = try require(principal)
        let outline = try await outline(principal, idOrSlug)
        guard outline.access.canEdit else { throw AppError.forbidden("Only the course's instructors may edit it.") }
        return outline
    }

    /// Adds a module at the end of a course.
    public func addModule(_ principal: Principal?, _ idOrSlug: String, title: String) async throws -> CourseModule {
        var problems: [String: String] = [:]
        let title = CourseRules.text(title, field: "title", max: CourseRules.maxTitle, required: true, into: &problems)
        guard problems.isEmpty else { throw AppError.validation(problems) }
        return try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            let position = try await StructureStore.modules(courseID: course.id, on: sql).count
            let module = CourseModule(id: UUID().uuidString.lowercased(), courseID: course.id, position: position, title: title)
            try await StructureStore.insert(module, on: sql)
            return module
        }
    }

    /// Renames a module, hides it from students or shows it again; absent values stay as they are.
    @discardableResult
    public func updateModule(
        _ principal: Principal?, _ idOrSlug: String, moduleID: String, title: String?, hidden: Bool?
    ) async throws -> CourseModule {
        var problems: [String: String] = [:]
        let title = title.map { CourseRules.text($0, field: "title", max: CourseRules.maxTitle, required: true, into: &problems) }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let engine = database.engine
        return try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            guard var module = try await StructureStore.modules(courseID: course.id, on: sql).first(where: { $0.id == moduleID }) else {
                throw AppError.notFound("module")
            }
            if let title { module.title = title }
            if let hidden { module.isHidden = hidden }
            try await StructureStore.updateModule(id: moduleID, title: module.title, hidden: module.isHidden, on: sql)
            try await CatalogStore.refresh(courseID: course.id, engine: engine, on: sql)
            return module
        }
    }

    /// Deletes a module and its lessons.
    public func deleteModule(_ principal: Principal?, _ idOrSlug: String, moduleID: String) async throws {
        let engine = database.engine
        try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            let modules = try await StructureStore.modules(courseID: course.id, on: sql)
            guard modules.contains(where: { $0.id == moduleID }) else { throw AppError.notFound("module") }
            try await StructureStore.deleteModule(id: moduleID, on: sql)
            for (position, module) in modules.filter({ $0.id != moduleID }).enumerated() {
                try await StructureStore.moveModule(id: module.id, to: position, on: sql)
            }
            try await CatalogStore.refresh(courseID: course.id, engine: engine, on: sql)
        }
    }

    /// Adds a lesson at the end of a module. The Markdown body is rendered to safe HTML once, here.
    public func addLesson(_ principal: Principal?, _ idOrSlug: String, moduleID: String, input: LessonInput) async throws -> Lesson {
        var problems: [String: String] = [:]
        let title = CourseRules.text(input.title ?? "", field: "title", max: CourseRules.maxTitle, required: true, into: &problems)
        let body = input.body ?? ""
        if body.unicodeScalars.count > CourseRules.maxMarkdown { problems["body"] = "must be at most \(CourseRules.maxMarkdown) characters" }
        let minutes = CourseRules.minutes(input.estimatedMinutes ?? 5, into: &problems)
        let video = CourseRules.videoURL(input.videoUrl, into: &problems)
        let videoUpload = try await checkedVideoUpload(principal, idOrSlug, input: input, into: &problems)
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let engine = database.engine
        return try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            guard try await StructureStore.modules(courseID: course.id, on: sql).contains(where: { $0.id == moduleID }) else {
                throw AppError.notFound("module")
            }
            let position = try await StructureStore.lessons(courseID: course.id, on: sql).filter { $0.moduleID == moduleID }.count
            let lesson = Lesson(
                id: UUID().uuidString.lowercased(), courseID: course.id, moduleID: moduleID, position: position, title: title,
                bodyMarkdown: body, bodyHTML: SafeMarkdown.html(body), estimatedMinutes: minutes, videoURL: video,
                isPreview: input.preview ?? false, isHidden: input.hidden ?? false, videoUploadID: videoUpload
            )
            try await StructureStore.insert(lesson, on: sql)
            try await CatalogStore.refresh(courseID: course.id, engine: engine, on: sql)
            return lesson
        }
    }

    /// Changes a lesson's fields.
    public func updateLesson(_ principal: Principal?, _ idOrSlug: String, lessonID: String, input: LessonInput) async throws -> Lesson {
        var problems: [String: String] = [:]
        let title = input.title.map { CourseRules.text($0, field: "title", max: CourseRules.maxTitle, required: true, into: &problems) }
        if let body = input.body, body.unicodeScalars.count > CourseRules.maxMarkdown {
            problems["body"] = "must be at most \(CourseRules.maxMarkdown) characters"
        }
        let minutes = input.estimatedMinutes.map { CourseRules.minutes($0, into: &problems) }
        let video = CourseRules.videoURL(input.videoUrl, into: &problems)
        let videoUpload = try await checkedVideoUpload(principal, idOrSlug, input: input, into: &problems)
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let engine = database.engine
        return try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            guard var lesson = try await StructureStore.lesson(id: lessonID, courseID: course.id, on: sql) else {
                throw AppError.notFound("lesson")
            }
            if let title { lesson.title = title }
            if let body = input.body {
                lesson.bodyMarkdown = body
                lesson.bodyHTML = SafeMarkdown.html(body)
            }
            if let minutes { lesson.estimatedMinutes = minutes }
            // One video at most: setting either kind replaces the other; an empty value clears only its own kind.
            if input.videoUrl != nil {
                lesson.videoURL = video
                if video != nil { lesson.videoUploadID = nil }
            }
            if input.videoUploadId != nil {
                lesson.videoUploadID = videoUpload
                if videoUpload != nil { lesson.videoURL = nil }
            }
            if let preview = input.preview { lesson.isPreview = preview }
            if let hidden = input.hidden { lesson.isHidden = hidden }
            try await StructureStore.update(lesson, on: sql)
            try await CatalogStore.refresh(courseID: course.id, engine: engine, on: sql)
            return lesson
        }
    }

    /// Deletes a lesson and closes the gap in its module.
    public func deleteLesson(_ principal: Principal?, _ idOrSlug: String, lessonID: String) async throws {
        let engine = database.engine
        try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            guard let lesson = try await StructureStore.lesson(id: lessonID, courseID: course.id, on: sql) else {
                throw AppError.notFound("lesson")
            }
            try await StructureStore.deleteLesson(id: lessonID, on: sql)
            let siblings = try await StructureStore.lessons(courseID: course.id, on: sql).filter { $0.moduleID == lesson.moduleID }
            for (position, sibling) in siblings.enumerated() {
                try await StructureStore.moveLesson(id: sibling.id, moduleID: sibling.moduleID, to: position, on: sql)
            }
            try await CatalogStore.refresh(courseID: course.id, engine: engine, on: sql)
        }
    }

    /// Reorders the whole structure in one transaction. The order must name every module and every lesson of
    /// the course exactly once (422 `invalid_order` otherwise); lessons may move between modules.
    public func reorder(_ principal: Principal?, _ idOrSlug: String, order: StructureOrder) async throws {
        try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            let modules = Set(try await StructureStore.modules(courseID: course.id, on: sql).map(\.id))
            let lessons = Set(try await StructureStore.lessons(courseID: course.id, on: sql).map(\.id))
            let orderedModules = order.modules.map(\.id)
            let orderedLessons = order.modules.flatMap(\.lessons)
            guard Set(orderedModules) == modules, orderedModules.count == modules.count,
                Set(orderedLessons) == lessons, orderedLessons.count == lessons.count
            else {
                throw AppError(
                    status: 422, code: "invalid_order",
                    message: "The order must list every module and every lesson of the course exactly once."
                )
            }
            for (position, module) in order.modules.enumerated() {
                try await StructureStore.moveModule(id: module.id, to: position, on: sql)
                for (lessonPosition, lessonID) in module.lessons.enumerated() {
                    try await StructureStore.moveLesson(id: lessonID, moduleID: module.id, to: lessonPosition, on: sql)
                }
            }
        }
    }

    /// A lesson with its body, for those who may learn from it: enrolled students, teachers, or anyone who
    /// sees the course when the lesson is a preview. Reading it records "continue where you left off".
    public func lesson(_ principal: Principal?, _ idOrSlug: String, lessonID: String) async throws -> (Course, Lesson) {
        let (course, lesson, access, lastLessonID) = try await database.read { sql in
            let (course, lesson, access) = try await readableLesson(idOrSlug, lessonID: lessonID, for: principal, on: sql)
            let last = try await principal.asyncMap {
                try await EnrollmentStore.find(courseID: course.id, userID: $0.userID, on: sql)?.lastLessonID
            } ?? nil
            return (course, lesson, access, last)
        }
        // Only a move to another lesson is written: re-reading a lesson costs no write on the single SQLite writer.
        if access.isEnrolled, lastLessonID != lesson.id, let principal {
            try await database.write { sql in
                try await EnrollmentStore.setLastLesson(courseID: course.id, userID: principal.userID, lessonID: lesson.id, on: sql)
            }
        }
        return (course, lesson)
    }
}

extension CoursesService {
    /// The uploaded video `input.videoUploadId` names, checked (`nil` when it names none or clears it); a
    /// problem on `videoUploadId` when it is not a ready video of the caller's or comes with a video address too.
    func checkedVideoUpload(
        _ principal: Principal?, _ idOrSlug: String, input: LessonInput, into problems: inout [String: String]
    ) async throws -> String? {
        guard let uploadID = input.videoUploadId?.trimmingCharacters(in: .whitespaces), !uploadID.isEmpty else { return nil }
        if let address = input.videoUrl, !address.trimmingCharacters(in: .whitespaces).isEmpty {
            problems["videoUploadId"] = "cannot be given with a videoUrl: a lesson has one video"
            return nil
        }
        guard try await attachableVideo(principal, idOrSlug, uploadID: uploadID) != nil else {
            problems["videoUploadId"] = "must be a ready video file you uploaded"
            return nil
        }
        return uploadID
    }

    /// The lesson, when `principal` may learn from it: 404 when the course or the lesson is not visible to them,
    /// 401 or 403 `enrollment_required` when it is visible but neither a preview nor open to them. The one rule
    /// for lesson bodies, attachments and videos.
    func readableLesson(
        _ idOrSlug: String, lessonID: String, for principal: Principal?, on sql: any SQLDatabase
    ) async throws -> (Course, Lesson, CourseAccess) {
        let (course, access) = try await visibleCourse(idOrSlug, for: principal, on: sql)
        guard let (lesson, hidden) = try await StructureStore.lessonWithVisibility(id: lessonID, courseID: course.id, on: sql),
            access.canTeach || !hidden
        else { throw AppError.notFound("lesson") }
        guard lesson.isPreview || access.canLearn else {
            if principal == nil { throw AppError.unauthenticated("Sign in and enroll to open this lesson.") }
            throw AppError(status: 403, code: "enrollment_required", message: "Enroll in the course to open this lesson.")
        }
        return (course, lesson, access)
    }
}

extension Optional {
    /// `map` for async transforms.
    func asyncMap<Result>(_ transform: (Wrapped) async throws -> Result) async rethrows -> Result? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
