import LyceumContracts
import LyceumPlatform
import SQLKit

/// Courses' answer to `CourseDirectory`: what other domains may ask about courses and their members,
/// each question one read.
struct CoursesDirectory: CourseDirectory {
    let database: any Database

    func course(_ idOrSlug: String) async throws -> CourseSummary? {
        try await database.read { sql in try await CourseStore.find(idOrSlug, on: sql) }.map(Self.summary)
    }

    func courses(ids: [String]) async throws -> [String: CourseSummary] {
        guard !ids.isEmpty else { return [:] }
        return try await database.read { sql in try await CourseStore.find(ids: ids, on: sql) }.mapValues(Self.summary)
    }

    func standing(of principal: Principal, inCourse courseID: String) async throws -> CourseStanding {
        let (owner, membership) = try await database.read { sql in
            let owner = try await sql.select().column("owner_id").from("courses").where("id", .equal, courseID).first()
                .map { try $0.decode(column: "owner_id", as: String.self) }
            return (owner, try await CourseStore.membership(courseID: courseID, userID: principal.userID, on: sql))
        }
        guard let owner else { return .outsider }
        if principal.isAdmin || owner == principal.userID || membership.staffRole != nil { return .staff }
        return membership.isEnrolled ? .student : .outsider
    }

    func studentIDs(ofCourse courseID: String) async throws -> [String] {
        try await database.read { sql in try await EnrollmentStore.roster(courseID: courseID, on: sql) }.map(\.userID)
    }

    func staffIDs(ofCourse courseID: String) async throws -> [String] {
        try await database.read { sql in
            guard let course = try await CourseStore.find(courseID, on: sql) else { return [] }
            return [course.ownerID] + (try await CourseStore.staff(courseID: course.id, on: sql)).map(\.userID)
        }
    }

    func courseIDs(of userID: String) async throws -> [String] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT e.course_id AS id FROM enrollments e JOIN courses c ON c.id = e.course_id
                WHERE e.user_id = \(bind: userID) AND e.status = 'active' AND c.status = 'published'
                UNION SELECT id FROM courses WHERE owner_id = \(bind: userID)
                UNION SELECT course_id AS id FROM course_staff WHERE user_id = \(bind: userID)
                """
            ).all().map { try $0.decode(column: "id", as: String.self) }
        }
    }

    func lessonTitle(courseID: String, lessonID: String) async throws -> String? {
        try await database.read { sql in try await StructureStore.lesson(id: lessonID, courseID: courseID, on: sql) }?.title
    }

    private static func summary(_ course: Course) -> CourseSummary {
        CourseSummary(id: course.id, slug: course.slug, title: course.title, ownerID: course.ownerID, isPublished: course.status == .published,
            price: course.price
        )
    }
}
