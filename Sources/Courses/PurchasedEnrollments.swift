import LyceumContracts

/// Courses' answer to `CourseEnrollments`: the seats Billing grants to buyers and takes back on refunds.
struct PurchasedEnrollments: CourseEnrollments {
    let courses: CoursesService

    func enrollBuyer(userID: String, courseID: String) async throws -> Bool {
        try await courses.enrollBuyer(userID: userID, courseID: courseID)
    }

    func removeRefundedBuyer(userID: String, courseID: String) async throws -> Bool {
        try await courses.removeRefundedBuyer(userID: userID, courseID: courseID)
    }
}
