import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit
import Synchronization

/// Courses, their structure, enrollment and progress. Every rule and every authorization check lives here,
/// so the API, the pages and the CLI share them.
public struct CoursesService: Sendable {
    let database: any Database
    let users: any UserDirectory
    let clock: WallClock
    let jobs: JobQueue
    let uploads: any UploadCatalog
    let onChange: @Sendable (Set<String>) async -> Void

    /// Creates the service; it publishes its domain events through `jobs` and asks `uploads` about the files
    /// staff attach to lessons. `onChange` runs after every committed write that changes what the catalog or a
    /// course outline shows, with the ids of the courses it touched (empty when it cannot say), so caches of
    /// those can be dropped.
    public init(
        database: any Database, users: any UserDirectory, clock: WallClock, jobs: JobQueue, uploads: any UploadCatalog,
        onChange: @escaping @Sendable (Set<String>) async -> Void = { _ in }
    ) {
        self.database = database
        self.users = users
        self.clock = clock
        self.jobs = jobs
        self.uploads = uploads
        self.onChange = onChange
    }

    /// A transaction whose commit changes catalog or outline content; reports the courses it touched (every
    /// course it looked up through `visibleCourse`) after commit.
    func changing<Result: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result {
        let touched = TouchedCourses()
        let result = try await TouchedCourses.$current.withValue(touched) { try await database.transaction(body) }
        await onChange(touched.ids)
        return result
    }

    func now() -> Date {
        clock.nowForStorage()
    }

    // MARK: Access

    /// What `principal` may do with `course`.
    func access(to course: Course, for principal: Principal?, on sql: any SQLDatabase) async throws -> CourseAccess {
        guard let principal else { return CourseAccess(canEdit: false, canTeach: false, isEnrolled: false) }
        let membership = try await CourseStore.membership(courseID: course.id, userID: principal.userID, on: sql)
        if principal.isAdmin { return CourseAccess(canEdit: true, canTeach: true, isEnrolled: membership.isEnrolled) }
        let isOwner = course.ownerID == principal.userID
        return CourseAccess(
            canEdit: isOwner || membership.staffRole == .coInstructor,
            canTeach: isOwner || membership.staffRole != nil,
            isEnrolled: membership.isEnrolled
        )
    }

    /// The course and the caller's access; 404 when it does not exist or is a draft or archived course the
    /// caller may not teach.
    func visibleCourse(_ idOrSlug: String, for principal: Principal?, on sql: any SQLDatabase) async throws -> (Course, CourseAccess) {
        guard let course = try await CourseStore.find(idOrSlug, on: sql) else { throw AppError.notFound("course") }
        TouchedCourses.current?.insert(course.id)
        let access = try await access(to: course, for: principal, on: sql)
        guard course.status == .published || access.canTeach else { throw AppError.notFound("course") }
        return (course, access)
    }

    /// Like `visibleCourse`, but 403 unless the caller may edit it.
    func editableCourse(_ idOrSlug: String, for principal: Principal?, on sql: any SQLDatabase) async throws -> Course {
        let principal = try require(principal)
        let (course, access) = try await visibleCourse(idOrSlug, for: principal, on: sql)
        guard access.canEdit else { throw AppError.forbidden("Only the course's instructors may change it.") }
        return course
    }

    func require(_ principal: Principal?) throws(AppError) -> Principal {
        guard let principal else { throw AppError.unauthenticated() }
        return principal
    }

    // MARK: Courses

    /// Creates a draft course owned by the caller (instructors and admins).
    public func createCourse(_ principal: Principal?, draft: CourseDraft) async throws -> Course {
        let principal = try require(principal)
        guard principal.role >= .instructor else { throw AppError.forbidden("Only instructors may create courses.") }
        var problems: [String: String] = [:]
        let title = CourseRules.text(draft.title, field: "title", max: CourseRules.maxTitle, required: true, into: &problems)
        let slug = draft.slug.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? CourseRules.defaultSlug(for: title)
        if !CourseRules.isValidSlug(slug) {
            problems["slug"] = "must be 3 to 80 lowercase letters, digits and single hyphens"
        }
        let now = now()
        let course = Course(
            id: UUID().uuidString.lowercased(), slug: slug, title: title,
            summary: CourseRules.text(draft.summary ?? "", field: "summary", max: CourseRules.maxSummary, required: false, into: &problems),
            description: CourseRules.text(draft.description ?? "", field: "description", max: CourseRules.maxMarkdown, required: false, into: &problems),
            category: CourseRules.text(draft.category ?? "General", field: "category", max: 60, required: true, into: &problems),
            tags: CourseRules.tags(draft.tags ?? [], into: &problems),
            level: draft.level ?? .beginner,
            language: CourseRules.language(draft.language ?? "en", into: &problems),
            coverImageRef: draft.coverImageRef.map { CourseRules.text($0, field: "coverImageRef", max: 500, required: false, into: &problems) },
            priceMinor: CourseRules.price(draft.priceMinor ?? 0, into: &problems),
            currency: CourseRules.currency(draft.currency ?? "USD", into: &problems),
            status: .draft, ownerID: principal.userID, enrollmentCount: 0, createdAt: now, updatedAt: now, publishedAt: nil
        )
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let engine = database.engine
        do {
            try await changing { sql in
                try await CourseStore.insert(course, on: sql)
                try await CatalogStore.refresh(courseID: course.id, engine: engine, on: sql)
            }
        } catch let error where DatabaseFailure(error) == .uniqueViolation {
            throw AppError.conflict("slug_taken", "Another course already uses this slug.")
        }
        return course
    }

    /// Applies `changes` to a course the caller may edit.
    public func updateCourse(_ principal: Principal?, _ idOrSlug: String, changes: CourseChanges) async throws -> Course {
        let now = now()
        let engine = database.engine
        do {
            return try await changing { sql in
                var course = try await editableCourse(idOrSlug, for: principal, on: sql)
                var problems: [String: String] = [:]
                if let title = changes.title {
                    course.title = CourseRules.text(title, field: "title", max: CourseRules.maxTitle, required: true, into: &problems)
                }
                if let slug = changes.slug?.trimmingCharacters(in: .whitespaces).lowercased() {
                    if !CourseRules.isValidSlug(slug) { problems["slug"] = "must be 3 to 80 lowercase letters, digits and single hyphens" }
                    course.slug = slug
                }
                if let summary = changes.summary {
                    course.summary = CourseRules.text(summary, field: "summary", max: CourseRules.maxSummary, required: false, into: &problems)
                }
                if let description = changes.description {
                    course.description = CourseRules.text(description, field: "description", max: CourseRules.maxMarkdown, required: false, into: &problems)
                }
                if let category = changes.category {
                    course.category = CourseRules.text(category, field: "category", max: 60, required: true, into: &problems)
                }
                if let tags = changes.tags { course.tags = CourseRules.tags(tags, into: &problems) }
                if let level = changes.level { course.level = level }
                if let language = changes.language { course.language = CourseRules.language(language, into: &problems) }
                if let price = changes.priceMinor { course.priceMinor = CourseRules.price(price, into: &problems) }
                if let currency = changes.currency { course.currency = CourseRules.currency(currency, into: &problems) }
                if let cover = changes.coverImageRef {
                    let trimmed = CourseRules.text(cover, field: "coverImageRef", max: 500, required: false, into: &problems)
                    course.coverImageRef = trimmed.isEmpty ? nil : trimmed
                }
                guard problems.isEmpty else { throw AppError.validation(problems) }
                course.updatedAt = now
                try await CourseStore.update(course, on: sql)
                try await CatalogStore.refresh(courseID: course.id, engine: engine, on: sql)
                return course
            }
        } catch let error where DatabaseFailure(error) == .uniqueViolation {
            throw AppError.conflict("slug_taken", "Another course already uses this slug.")
        }
    }

    /// Moves a course to `status`. Publishing needs at least one lesson (422 `course_empty`).
    public func setStatus(_ principal: Principal?, _ idOrSlug: String, to status: CourseStatus) async throws -> Course {
        let now = now()
        return try await changing { sql in
            var course = try await editableCourse(idOrSlug, for: principal, on: sql)
            if status == .published, try await StructureStore.lessons(courseID: course.id, on: sql).isEmpty {
                throw AppError(status: 422, code: "course_empty", message: "Add at least one lesson before publishing.")
            }
            if status == .published, course.publishedAt == nil { course.publishedAt = now }
            course.status = status
            course.updatedAt = now
            try await CourseStore.update(course, on: sql)
            return course
        }
    }

    /// Deletes a course that nobody has enrolled in (409 `course_has_enrollments` otherwise: archive it instead).
    public func deleteCourse(_ principal: Principal?, _ idOrSlug: String) async throws {
        try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            let everEnrolled = try await sql.select().column("user_id").from("enrollments")
                .where("course_id", .equal, course.id).limit(1).first() != nil
            if everEnrolled {
                throw AppError.conflict("course_has_enrollments", "Students have enrolled in this course; archive it instead.")
            }
            try await CourseStore.delete(id: course.id, on: sql)
        }
    }

    /// Adds, changes or (with `role: nil`) removes a co-instructor or teaching assistant. Owner and admins only.
    public func setStaff(_ principal: Principal?, _ idOrSlug: String, userID: String, role: StaffRole?) async throws {
        let principal = try require(principal)
        try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            guard course.ownerID == principal.userID || principal.isAdmin else {
                throw AppError.forbidden("Only the course owner may change its staff.")
            }
            // Only after authorization: who exists, and with which role, is not for everyone to learn.
            if let role {
                guard let member = try await users.summaries(ids: [userID])[userID], member.isActive else {
                    throw AppError.notFound("user")
                }
                if role == .coInstructor, member.role < .instructor {
                    throw AppError.validation(["role": "co-instructors must have the instructor role"])
                }
            }
            guard userID != course.ownerID else {
                throw AppError.conflict("owner_is_staff", "The owner already teaches this course.")
            }
            try await CourseStore.setStaff(courseID: course.id, userID: userID, role: role, on: sql)
        }
    }
}

/// The courses a `changing` transaction looked up, so the change can be reported for exactly those.
final class TouchedCourses: Sendable {
    /// The recorder of the transaction running in this task, if any.
    @TaskLocal static var current: TouchedCourses?

    private let recorded = Mutex<Set<String>>([])

    func insert(_ id: String) { recorded.withLock { _ = $0.insert(id) } }

    var ids: Set<String> { recorded.withLock { $0 } }
}
