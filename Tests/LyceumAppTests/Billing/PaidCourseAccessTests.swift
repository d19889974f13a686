import Billing
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

/// Paid courses without Stripe keys, and self-enrollment in a paid course: 402 with a clear message; staff may
/// still grant a seat.
@Suite("Paid course access")
struct PaidCourseAccessTests {
    @Test("the pages let forms lead to Stripe's hosted Checkout only while payments are on")
    func checkoutOrigin() {
        var settings = BillingConfiguration()
        #expect(settings.checkoutOrigin == nil)
        settings.secretKey = "sk_test_1"
        #expect(settings.checkoutOrigin == "https://checkout.stripe.com")
        settings.apiBase = "http://127.0.0.1:4242"
        #expect(settings.checkoutOrigin == "http://127.0.0.1:4242")
    }

    @Test("without Stripe keys: not for sale (402), self-enrollment 402 with the price, staff still add students", arguments: TestEngine.available)
    func withoutKeys(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let (owner, course) = try await app.paidCourse(priceMinor: 4900, currency: "usd")
            let student = try await app.register()
            let enroll = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            #expect(enroll.status.code == 402)
            #expect(enroll.errorCode == "payment_required")
            #expect((enroll.json["error"] as? [String: Any])?["message"] as? String == "This course costs $49.00; buy it to enroll.")
            let buy = try await app.checkout(course, as: student)
            #expect(buy.status.code == 402)
            #expect(buy.errorCode == "not_available_for_purchase")
            let webhook = try await app.deliverWebhook(#"{"id":"evt_1","type":"customer.created","data":{"object":{}}}"#)
            #expect(webhook.status == .badRequest)
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/roster", json: ["userId": student.id], token: owner.accessToken).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).status == .ok)
            let page = try await app.raw(.get, "/courses/\(course.slug)", headers: [.accept: "text/html"])
            #expect(page.text.contains("not available for purchase"))
        }
    }

    @Test("checkout refuses free, unpublished, already-enrolled and taught courses; currencies are from the supported list", arguments: TestEngine.available)
    func checkoutRefusals(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine) { app, stripe in
            let owner = try await app.account(role: .instructor)
            let student = try await app.register()
            let free = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let freeReply = try await app.checkout(free, as: student)
            #expect(freeReply.status == .conflict && freeReply.errorCode == "course_free")
            let draft = try await app.buildCourse(owner: owner, extra: ["priceMinor": 1000, "currency": "eur"], modules: 1, lessonsPerModule: 1, publish: false)
            #expect(try await app.checkout(draft, as: student).status == .notFound)
            let paid = try await app.buildCourse(owner: owner, extra: ["priceMinor": 1000, "currency": "EUR"], modules: 1, lessonsPerModule: 1)
            #expect(try await app.checkout(paid, as: owner).errorCode == "already_enrolled")
            #expect(try await app.request(.post, "/api/v1/courses/\(paid.id)/roster", json: ["userId": student.id], token: owner.accessToken).status == .noContent)
            #expect(try await app.checkout(paid, as: student).errorCode == "already_enrolled")
            #expect(try await app.request(.post, "/api/v1/courses/\(paid.id)/checkout").status == .unauthorized)
            #expect(stripe.received.isEmpty)
            let bad = try await app.request(.post, "/api/v1/courses", json: ["title": "Bad money", "priceMinor": 100, "currency": "xyz"], token: owner.accessToken)
            #expect(bad.status.code == 422 && bad.errorFields["currency"] != nil)
        }
    }
}
