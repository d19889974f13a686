import LyceumContracts
import Identity
import LyceumWeb

/// A small, realistic school (admin, instructors, students, published courses with lessons and quizzes,
/// enrollments and progress) so a newcomer sees a living platform within a minute. Each module seeds its
/// own part, in module order.
public enum DemoSchool {
    /// The password of every demo account.
    public static let password = DemoSchoolSeed.password

    /// Whether the database has no accounts yet (so `serve --demo` may seed it).
    public static func isEmpty(_ services: LyceumServices) async throws -> Bool {
        try await services.require(IdentityService.self).hasNoAccounts()
    }

    /// What was created.
    public struct Summary: Sendable {
        /// Sign-in details for the console.
        public let text: String
        /// The administrator's email address.
        public let admin: String
        /// The students' email addresses.
        public let students: [String]
        /// The courses' titles.
        public let courses: [String]
    }

    /// Seeds the school. Fails with 409 `email_taken` if demo accounts already exist.
    public static func seed(_ services: LyceumServices) async throws -> Summary {
        let school = DemoSchoolSeed()
        for module in services.modules {
            try await module.seedDemo(school)
        }
        return Summary(
            text: school.summary, admin: school.recorded("accounts.admin").first ?? "", students: school.recorded("accounts.student"), courses: school.recorded("courses")
        )
    }
}
