import Billing
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

/// Payments that do not go the straight way: a buyer who left and comes back, delayed payment methods (SEPA,
/// ACH) whose money arrives after the session completes, and refund events that do not refund everything.
@Suite("Billing edge cases")
struct BillingEdgeCaseTests {
    private static func completion(_ id: String, order: String, status: String, type: String = "checkout.session.completed") -> String {
        #"{"id":"\#(id)","object":"event","type":"\#(type)","data":{"object":{"id":"cs_\#(id)","object":"checkout.session","client_reference_id":"\#(order)","payment_intent":"pi_\#(order)","payment_status":"\#(status)"}}}"#
    }

    @Test("a buyer who left the course gets the seat back from checkout without a second charge", arguments: TestEngine.available)
    func comingBack(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine) { app, stripe in
            let (_, course) = try await app.paidCourse()
            let student = try await app.register(name: "Returning Buyer")
            let orderID = try #require(try await app.checkout(course, as: student).json["orderId"] as? String)
            #expect(try await app.deliverWebhook(Self.completion("evt_back_1", order: orderID, status: "paid")).status == .ok)
            try await app.settleJobs()
            #expect(try await app.activeEnrollments(student.id, course.id) == 1)
            let left = try await app.request(.delete, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            #expect(left.status == .noContent || left.status == .ok, "\(left.text)")
            #expect(try await app.activeEnrollments(student.id, course.id) == 0)

            let again = try await app.checkout(course, as: student)
            #expect(again.status == .created, "\(again.text)")
            #expect(again.json["orderId"] as? String == orderID)
            #expect(again.json["enrolled"] as? Bool == true)
            #expect(again.json["url"] == nil || again.json["url"] is NSNull)
            #expect(stripe.received.filter { $0.path == "/v1/checkout/sessions" }.count == 1)
            #expect(try await app.activeEnrollments(student.id, course.id) == 1)
        }
    }

    @Test("a delayed payment enrolls when its money arrives, and a failed one never does", arguments: TestEngine.available)
    func delayedPayment(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine) { app, _ in
            let (_, course) = try await app.paidCourse()
            let student = try await app.register(name: "SEPA Buyer")
            let orderID = try #require(try await app.checkout(course, as: student).json["orderId"] as? String)
            #expect(try await app.deliverWebhook(Self.completion("evt_sepa_1", order: orderID, status: "unpaid")).status == .ok)
            try await app.settleJobs()
            #expect(try await app.orderStatus(orderID) == "pending")
            #expect(try await app.activeEnrollments(student.id, course.id) == 0)
            let arrived = Self.completion("evt_sepa_2", order: orderID, status: "paid", type: "checkout.session.async_payment_succeeded")
            #expect(try await app.deliverWebhook(arrived).json["outcome"] as? String == "processed")
            try await app.settleJobs()
            #expect(try await app.orderStatus(orderID) == "paid")
            #expect(try await app.activeEnrollments(student.id, course.id) == 1)
            #expect(try await app.mail(to: student.email).filter { $0.subject.contains("receipt") }.count == 1)

            let other = try await app.register(name: "Failed SEPA Buyer")
            let failedOrder = try #require(try await app.checkout(course, as: other).json["orderId"] as? String)
            #expect(try await app.deliverWebhook(Self.completion("evt_sepa_3", order: failedOrder, status: "unpaid")).status == .ok)
            let failed = Self.completion("evt_sepa_4", order: failedOrder, status: "unpaid", type: "checkout.session.async_payment_failed")
            #expect(try await app.deliverWebhook(failed).status == .ok)
            try await app.settleJobs()
            #expect(try await app.orderStatus(failedOrder) == "failed")
            #expect(try await app.activeEnrollments(other.id, course.id) == 0)
        }
    }

    @Test("a partial refund, or a charge event without its refunded flag, leaves the order and the seat", arguments: TestEngine.available)
    func partialRefund(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine) { app, _ in
            let (_, course) = try await app.paidCourse()
            let student = try await app.register(name: "Partly Refunded")
            let orderID = try #require(try await app.checkout(course, as: student).json["orderId"] as? String)
            #expect(try await app.deliverWebhook(Self.completion("evt_part_1", order: orderID, status: "paid")).status == .ok)
            for (id, flag) in [("evt_part_2", #","refunded":false"#), ("evt_part_3", "")] {
                let charge = #"{"id":"\#(id)","object":"event","type":"charge.refunded","data":{"object":{"id":"ch_\#(id)","object":"charge","payment_intent":"pi_\#(orderID)","amount_refunded":1000\#(flag)}}}"#
                #expect(try await app.deliverWebhook(charge).status == .ok)
            }
            try await app.settleJobs()
            #expect(try await app.orderStatus(orderID) == "paid")
            #expect(try await app.activeEnrollments(student.id, course.id) == 1)
            #expect(try await app.mail(to: student.email).filter { $0.subject.contains("refund") }.isEmpty)
        }
    }
}
