import Foundation
import LyceumContracts
import LyceumCore
import SQLKit

/// SQL for `courses` and `course_staff`.
struct CourseStore {
    static let columns = [
        "id", "slug", "title", "summary", "description", "category", "tags", "level", "language", "cover_image_ref",
        "price_minor", "currency", "status", "owner_id", "enrollment_count", "created_at", "updated_at", "published_at",
    ]

    static func insert(_ course: Course, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "courses")
            .columns(columns)
            .values(
                SQLBind(course.id), SQLBind(course.slug), SQLBind(course.title), SQLBind(course.summary),
                SQLBind(course.description), SQLBind(course.category), SQLBind(course.tags.joined(separator: ",")),
                SQLBind(course.level.rawValue), SQLBind(course.language), SQLBind(course.coverImageRef),
                SQLBind(course.priceMinor), SQLBind(course.currency), SQLBind(course.status.rawValue),
                SQLBind(course.ownerID), SQLBind(course.enrollmentCount), SQLBind(course.createdAt),
                SQLBind(course.updatedAt), SQLBind(course.publishedAt)
            )
            .run()
    }

    static func update(_ course: Course, on sql: any SQLDatabase) async throws {
        try await sql.update("courses")
            .set("slug", to: course.slug).set("title", to: course.title).set("summary", to: course.summary)
            .set("description", to: course.description).set("category", to: course.category)
            .set("tags", to: course.tags.joined(separator: ",")).set("level", to: course.level.rawValue)
            .set("language", to: course.language).set("cover_image_ref", to: course.coverImageRef)
            .set("price_minor", to: course.priceMinor).set("currency", to: course.currency)
            .set("status", to: course.status.rawValue).set("updated_at", to: course.updatedAt)
            .set("published_at", to: course.publishedAt)
            .where("id", .equal, course.id)
            .run()
    }

    /// The course whose id or slug is `idOrSlug`.
    static func find(_ idOrSlug: String, on sql: any SQLDatabase) async throws -> Course? {
        try await sql.select().columns(columns.map { SQLColumn($0, table: "courses") }).from("courses")
            .where("id", .equal, idOrSlug).orWhere("slug", .equal, idOrSlug)
            .first().map(decode)
    }

    /// The courses with these ids, by id.
    static func find(ids: [String], on sql: any SQLDatabase) async throws -> [String: Course] {
        guard !ids.isEmpty else { return [:] }
        let courses = try await sql.select().columns(columns.map { SQLColumn($0, table: "courses") }).from("courses")
            .where("id", .in, ids).all().map(decode)
        return Dictionary(courses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func delete(id: String, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.delete(from: "course_search").where("course_id", .equal, id).run()
        }
        try await sql.delete(from: "courses").where("id", .equal, id).run()
    }

    /// Whether a user is actively enrolled in a course and the staff role they hold there, in one query.
    static func membership(courseID: String, userID: String, on sql: any SQLDatabase) async throws -> (isEnrolled: Bool, staffRole: StaffRole?) {
        let row = try await sql.raw(
            """
            SELECT (SELECT status FROM enrollments WHERE course_id = \(bind: courseID) AND user_id = \(bind: userID)) AS enrollment,
                (SELECT role FROM course_staff WHERE course_id = \(bind: courseID) AND user_id = \(bind: userID)) AS role
            """
        ).first()
        let role = try row?.decode(column: "role", as: String?.self)
        return (
            try row?.decode(column: "enrollment", as: String?.self) == "active",
            role.map { StaffRole(rawValue: $0) ?? .assistant }
        )
    }

    static func staff(courseID: String, on sql: any SQLDatabase) async throws -> [CourseStaffMember] {
        try await sql.select().columns("user_id", "role").from("course_staff").where("course_id", .equal, courseID)
            .orderBy("user_id").all()
            .map {
                CourseStaffMember(
                    userID: try $0.decode(column: "user_id", as: String.self),
                    role: StaffRole(rawValue: try $0.decode(column: "role", as: String.self)) ?? .assistant
                )
            }
    }

    static func setStaff(courseID: String, userID: String, role: StaffRole?, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "course_staff").where("course_id", .equal, courseID).where("user_id", .equal, userID).run()
        if let role {
            try await sql.insert(into: "course_staff").columns("course_id", "user_id", "role")
                .values(SQLBind(courseID), SQLBind(userID), SQLBind(role.rawValue)).run()
        }
    }

    static func adjustEnrollmentCount(courseID: String, by delta: Int, on sql: any SQLDatabase) async throws {
        try await sql.update("courses")
            .set(SQLIdentifier("enrollment_count"), to: SQLQueryString("enrollment_count + \(bind: delta)"))
            .where("id", .equal, courseID).run()
    }

    static func decode(_ row: any SQLRow) throws -> Course {
        let tags = try row.decode(column: "tags", as: String.self)
        return Course(
            id: try row.decode(column: "id", as: String.self),
            slug: try row.decode(column: "slug", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            summary: try row.decode(column: "summary", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            category: try row.decode(column: "category", as: String.self),
            tags: tags.isEmpty ? [] : tags.split(separator: ",").map(String.init),
            level: CourseLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .beginner,
            language: try row.decode(column: "language", as: String.self),
            coverImageRef: try row.decode(column: "cover_image_ref", as: String?.self),
            priceMinor: try row.decode(column: "price_minor", as: Int.self),
            currency: try row.decode(column: "currency", as: String.self),
            status: CourseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            ownerID: try row.decode(column: "owner_id", as: String.self),
            enrollmentCount: try row.decode(column: "enrollment_count", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self),
            publishedAt: try row.decode(column: "published_at", as: Date?.self)
        )
    }
}
