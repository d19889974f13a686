import Billing
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

/// Coupons change what Stripe is asked to charge; a 100% coupon enrolls without Stripe; expired, exhausted and
/// other courses' coupons are refused; only owners and admins create them.
@Suite("Coupons")
struct CouponTests {
    @Test("percent and fixed coupons set the session's amount; 100% enrolls at once; expired, exhausted and foreign ones are refused", arguments: TestEngine.available)
    func coupons(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine) { app, stripe in
            let (owner, course) = try await app.paidCourse(priceMinor: 4900, currency: "usd")
            let (otherOwner, otherCourse) = try await app.paidCourse(priceMinor: 2000, currency: "usd")
            let admin = try await app.account(role: .admin)
            func create(_ body: [String: any Sendable], as user: APIUser) async throws -> Reply {
                try await app.request(.post, "/api/v1/coupons", json: body, token: user.accessToken)
            }
            #expect(try await create(["code": "SPRING20", "percentOff": 20, "courseId": course.id], as: owner).status == .created)
            #expect(try await create(["code": "TENOFF", "amountOff": 1000], as: admin).status == .unprocessableContent)
            #expect(try await create(["code": "TENOFF", "amountOff": 1000, "currency": "usd"], as: admin).status == .created)
            #expect(try await create(["code": "spring20", "percentOff": 10, "courseId": course.id], as: owner).status == .conflict)
            #expect(try await create(["code": "SITEWIDE", "percentOff": 10], as: owner).status == .forbidden)
            #expect(try await create(["code": "NOTMINE", "percentOff": 10, "courseId": course.id], as: otherOwner).status == .forbidden)
            #expect(try await create(["code": "OTHERS", "percentOff": 50, "courseId": otherCourse.id], as: otherOwner).status == .created)
            #expect(try await create(["code": "FREEONE", "percentOff": 100, "courseId": course.id, "maxRedemptions": 1], as: owner).status == .created)
            let soon = ISO8601DateFormatter().string(from: app.clock.wallClock.now().addingTimeInterval(3_600))
            #expect(try await create(["code": "SHORTLIVED", "percentOff": 30, "expiresAt": soon], as: admin).status == .created)

            let percent = try await app.checkout(course, as: try await app.register(), coupon: "spring20")
            #expect(percent.status == .created)
            #expect(stripe.received.last?.field("line_items[0][price_data][unit_amount]") == "3920")
            let fixed = try await app.checkout(course, as: try await app.register(), coupon: "TenOff")
            #expect(fixed.status == .created)
            #expect(stripe.received.last?.field("line_items[0][price_data][unit_amount]") == "3900")
            let foreign = try await app.checkout(course, as: try await app.register(), coupon: "OTHERS")
            #expect(foreign.status == .unprocessableContent && foreign.errorCode == "coupon_invalid")
            #expect(try await app.checkout(course, as: try await app.register(), coupon: "NOSUCH").errorCode == "coupon_invalid")

            let requests = stripe.received.count
            let lucky = try await app.register()
            let free = try await app.checkout(course, as: lucky, coupon: "freeone")
            #expect(free.status == .created, "\(free.text)")
            #expect(free.json["enrolled"] as? Bool == true && free.json["url"] == nil)
            #expect(stripe.received.count == requests)
            #expect(try await app.activeEnrollments(lucky.id, course.id) == 1)
            #expect(try await app.mail(to: lucky.email).filter { $0.subject.contains("receipt") }.count == 1)
            let exhausted = try await app.checkout(course, as: try await app.register(), coupon: "FREEONE")
            #expect(exhausted.errorCode == "coupon_exhausted")

            let listed = try await app.request(.get, "/api/v1/coupons", token: owner.accessToken)
            let mine = listed.json["coupons"] as? [[String: Any]] ?? []
            #expect(Set(mine.compactMap { $0["code"] as? String }) == ["SPRING20", "FREEONE"])
            #expect((mine.first { $0["code"] as? String == "FREEONE" })?["redemptions"] as? Int == 1)
            let springID = try #require((mine.first { $0["code"] as? String == "SPRING20" })?["id"] as? String)
            #expect(try await app.request(.post, "/api/v1/coupons/\(springID)/deactivate", token: otherOwner.accessToken).status == .notFound)
            #expect(try await app.request(.post, "/api/v1/coupons/\(springID)/deactivate", token: owner.accessToken).json["active"] as? Bool == false)
            #expect(try await app.checkout(course, as: try await app.register(), coupon: "SPRING20").errorCode == "coupon_invalid")
            #expect(try await app.request(.get, "/api/v1/coupons", token: try await app.register().accessToken).status == .forbidden)

            // Two hours later (past the access tokens' life too, so the buyer signs up afresh).
            app.clock.advance(by: 7_200)
            #expect(try await app.checkout(course, as: try await app.register(), coupon: "shortlived").errorCode == "coupon_expired")
        }
    }
}
