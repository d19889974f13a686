/// Enrollments that another domain grants or takes back: Billing enrolls the buyer of a paid course and
/// removes the enrollment when the purchase is refunded. Courses implements it and publishes the usual
/// `StudentEnrolled` and `StudentUnenrolled` events, so notifications and emails follow as for any enrollment.
public protocol CourseEnrollments: Sendable {
    /// Enrolls `userID` in the course because of a purchase, in any course status. Idempotent: `true` when the
    /// user was not actively enrolled before (and `StudentEnrolled` was published), `false` when they already were.
    /// - Throws: when the course does not exist.
    func enrollBuyer(userID: String, courseID: String) async throws -> Bool
    /// Removes the active enrollment of `userID` because their purchase was refunded. Idempotent: `true` when an
    /// active enrollment ended (and `StudentUnenrolled` was published), `false` when there was none.
    func removeRefundedBuyer(userID: String, courseID: String) async throws -> Bool
}
