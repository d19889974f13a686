import Foundation
import HTTPTypes

/// The bodies the matrix sends to Billing's routes: ones a caller who may use them sends. The matrix app has no
/// Stripe keys and its course is free, so checkouts answer 409 `course_free` (or `already_enrolled`), and the
/// unsigned webhook 400 to everyone.
extension MatrixRequests {
    static func billingAPIBody(_ route: ServedRoute, fixture: MatrixFixture) -> [String: any Sendable]? {
        switch (route.method, route.path) {
        case (.post, "/api/v1/courses/{course}/checkout"): [:]
        case (.post, "/api/v1/payments/webhook"): ["id": "evt_matrix", "type": "customer.created", "data": ["object": [String: String]()] as [String: any Sendable]]
        case (.post, "/api/v1/coupons"): ["code": "matrix-\(UUID().uuidString.prefix(8).lowercased())", "percentOff": 10, "courseId": fixture.courseID]
        default: nil
        }
    }

    static func billingFormBody(_ route: ServedRoute) -> [String: String]? {
        switch (route.method, route.path) {
        case (.post, "/admin/coupons"): ["code": "page-\(UUID().uuidString.prefix(8).lowercased())", "percentOff": "10"]
        default: nil
        }
    }
}
