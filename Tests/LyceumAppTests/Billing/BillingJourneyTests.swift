import Billing
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

/// The issue's done-when journey against the Stripe stand-in: a student buys a course, the completion webhook
/// arrives three times in a row and three times at once, and the student is enrolled once with one receipt; a
/// refund unenrolls them with one refund email.
@Suite("Billing journey")
struct BillingJourneyTests {
    @Test("a student buys a course end to end, enrolled once however often the webhook comes; a refund unenrolls", arguments: TestEngine.available)
    func journey(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine) { app, stripe in
            let (owner, course) = try await app.paidCourse(priceMinor: 4900, currency: "usd")
            let student = try await app.register(name: "Paying Student")
            let admin = try await app.account(role: .admin)

            let started = try await app.checkout(course, as: student)
            #expect(started.status == .created, "\(started.text)")
            let orderID = try #require(started.json["orderId"] as? String)
            let url = try #require(started.json["url"] as? String)
            #expect(started.json["enrolled"] as? Bool == false)

            // Exactly one request reached Stripe, shaped as Stripe documents it.
            let request = try #require(stripe.received.first)
            #expect(stripe.received.count == 1)
            #expect(request.path == "/v1/checkout/sessions")
            #expect(request.authorization == "Bearer \(StripeStandIn.secretKey)")
            #expect(request.idempotencyKey == "checkout:\(orderID)")
            #expect(request.rawBody.contains("line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=usd"))
            #expect(request.field("mode") == "payment")
            #expect(request.field("line_items[0][price_data][unit_amount]") == "4900")
            #expect(request.field("line_items[0][price_data][currency]") == "usd")
            #expect(request.field("line_items[0][quantity]") == "1")
            #expect(request.field("client_reference_id") == orderID)
            #expect(request.field("metadata[order_id]") == orderID)
            #expect(request.field("payment_intent_data[metadata][order_id]") == orderID)
            #expect(request.field("customer_email") == student.email)
            #expect(request.field("success_url")?.hasSuffix("/checkout/success?session_id={CHECKOUT_SESSION_ID}") == true)
            #expect(request.field("cancel_url")?.contains("/checkout/cancel?course=\(course.slug)") == true)
            let session = try #require(url.split(separator: "/").last.map(String.init))

            // Asking again offers the same open order: no second order, no second session.
            let again = try await app.checkout(course, as: student)
            #expect(again.json["orderId"] as? String == orderID)
            #expect(again.json["url"] as? String == url)
            #expect(stripe.received.count == 1)
            #expect(try await app.orderStatus(orderID) == "pending")
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).status == .notFound)

            // The completion, three times in a row and three times at once.
            let event = StripeEvents.completed("evt_completed_1", session: session, order: orderID, paymentIntent: "pi_journey")
            var outcomes: [String] = []
            for _ in 0..<3 {
                let delivered = try await app.deliverWebhook(event)
                #expect(delivered.status == .ok)
                outcomes.append(delivered.json["outcome"] as? String ?? "")
            }
            #expect(outcomes == ["processed", "duplicate", "duplicate"])
            let concurrent = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<3 { group.addTask { Int(try await app.deliverWebhook(event).status.code) } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(concurrent == [200, 200, 200])
            try await app.settleJobs()
            #expect(try await app.orderStatus(orderID) == "paid")
            #expect(try await app.activeEnrollments(student.id, course.id) == 1)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).status == .ok)
            let shown = try await app.request(.get, "/api/v1/courses/\(course.id)", token: owner.accessToken)
            #expect((shown.json["course"] as? [String: Any])?["enrollmentCount"] as? Int == 1)
            let receipts = try await app.mail(to: student.email).filter { $0.subject.contains("receipt") }
            #expect(receipts.count == 1)
            #expect(receipts.first?.body.contains("$49.00") == true)
            #expect(receipts.first?.headers.contains { $0.name == "List-Unsubscribe" } == false)

            // The buyer sees the purchase; the owner the revenue; the admin the payment.
            let purchases = try await app.request(.get, "/api/v1/me/purchases", token: student.accessToken)
            let orders = purchases.json["orders"] as? [[String: Any]] ?? []
            #expect(orders.count == 1 && orders.first?["status"] as? String == "paid" && orders.first?["amountText"] as? String == "$49.00")
            #expect(try await app.request(.get, "/api/v1/me/purchases/\(orderID)", token: admin.accessToken).status == .ok)
            #expect(try await app.request(.get, "/api/v1/me/purchases/\(orderID)", token: owner.accessToken).status == .notFound)
            let revenue = try await app.request(.get, "/api/v1/courses/\(course.id)/revenue", token: owner.accessToken)
            let totals = revenue.json["totals"] as? [[String: Any]] ?? []
            #expect(totals.first?["netAmount"] as? Int == 4900 && totals.first?["sales"] as? Int == 1)
            #expect((revenue.json["days"] as? [[String: Any]])?.count == 1)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/revenue", token: student.accessToken).status == .forbidden)
            let payments = try await app.request(.get, "/api/v1/admin/payments?status=paid", token: admin.accessToken)
            #expect((payments.json["orders"] as? [[String: Any]])?.first?["paymentIntentId"] as? String == "pi_journey")

            // A refund: Stripe is asked once, with the order's key; the seat goes and one email says so.
            let refunded = try await app.request(.post, "/api/v1/admin/payments/\(orderID)/refund", token: admin.accessToken)
            #expect(refunded.status == .ok, "\(refunded.text)")
            #expect(refunded.json["status"] as? String == "refunded")
            let refundCall = try #require(stripe.received.last)
            #expect(refundCall.path == "/v1/refunds")
            #expect(refundCall.field("payment_intent") == "pi_journey")
            #expect(refundCall.idempotencyKey == "refund:\(orderID)")
            let twice = try await app.request(.post, "/api/v1/admin/payments/\(orderID)/refund", token: admin.accessToken)
            #expect(twice.status == .conflict)
            #expect(stripe.received.filter { $0.path == "/v1/refunds" }.count == 1)
            // Stripe's own notice of the refund changes nothing more.
            #expect(try await app.deliverWebhook(StripeEvents.refunded("evt_refund_1", paymentIntent: "pi_journey", order: orderID)).status == .ok)
            try await app.settleJobs()
            #expect(try await app.activeEnrollments(student.id, course.id) == 0)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).status == .notFound)
            let refundMails = try await app.mail(to: student.email).filter { $0.subject.contains("refund") }
            #expect(refundMails.count == 1)
            let after = try await app.request(.get, "/api/v1/courses/\(course.id)/revenue", token: owner.accessToken)
            #expect((after.json["totals"] as? [[String: Any]])?.first?["refunds"] as? Int == 1)
        }
    }

    @Test("events out of order: a refund before the completion leaves no seat; an expiry after payment changes nothing", arguments: TestEngine.available)
    func outOfOrder(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine) { app, _ in
            let (_, course) = try await app.paidCourse()
            let early = try await app.register()
            let started = try await app.checkout(course, as: early)
            let orderID = try #require(started.json["orderId"] as? String)
            let session = try #require((started.json["url"] as? String)?.split(separator: "/").last.map(String.init))
            #expect(try await app.deliverWebhook(StripeEvents.refunded("evt_ooo_refund", paymentIntent: "pi_ooo", order: orderID)).status == .ok)
            #expect(try await app.deliverWebhook(StripeEvents.completed("evt_ooo_done", session: session, order: orderID, paymentIntent: "pi_ooo")).status == .ok)
            try await app.settleJobs()
            #expect(try await app.orderStatus(orderID) == "refunded")
            #expect(try await app.activeEnrollments(early.id, course.id) == 0)
            #expect(try await app.mail(to: early.email).filter { $0.subject.contains("receipt") }.isEmpty)

            let buyer = try await app.register()
            let second = try await app.checkout(course, as: buyer)
            let secondID = try #require(second.json["orderId"] as? String)
            let secondSession = try #require((second.json["url"] as? String)?.split(separator: "/").last.map(String.init))
            #expect(try await app.deliverWebhook(StripeEvents.completed("evt_paid_2", session: secondSession, order: secondID, paymentIntent: "pi_2")).status == .ok)
            #expect(try await app.deliverWebhook(StripeEvents.expired("evt_expired_2", session: secondSession, order: secondID)).status == .ok)
            #expect(try await app.deliverWebhook(StripeEvents.disputed("evt_dispute_2", paymentIntent: "pi_2")).status == .ok)
            try await app.settleJobs()
            #expect(try await app.orderStatus(secondID) == "disputed")
            #expect(try await app.activeEnrollments(buyer.id, course.id) == 1)
            // An unknown type is recorded and ignored.
            let unknown = try await app.deliverWebhook(#"{"id":"evt_unknown","type":"customer.created","data":{"object":{"id":"cus_1"}}}"#)
            #expect(unknown.status == .ok && unknown.json["outcome"] as? String == "ignored")
        }
    }

    @Test("Stripe down or refusing: 503 or 502 JSON, the order failed, the retry sent with the same idempotency key", arguments: TestEngine.available)
    func stripeFailures(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine) { app, stripe in
            let (_, course) = try await app.paidCourse()
            let student = try await app.register()
            let admin = try await app.account(role: .admin)
            stripe.failNext(2)
            let down = try await app.checkout(course, as: student)
            #expect(down.status == .serviceUnavailable)
            #expect(down.errorCode == "payment_provider_unavailable")
            #expect(stripe.received.count == 2)
            #expect(Set(stripe.received.compactMap(\.idempotencyKey)).count == 1)
            let failed = try await app.request(.get, "/api/v1/admin/payments?status=failed", token: admin.accessToken)
            #expect((failed.json["orders"] as? [[String: Any]])?.count == 1)

            stripe.refuseNext(1)
            let refused = try await app.checkout(course, as: student)
            #expect(refused.status == .badGateway)
            #expect(refused.errorCode == "payment_provider_error")
            let pending = try await app.request(.get, "/api/v1/admin/payments?status=pending", token: admin.accessToken)
            #expect((pending.json["orders"] as? [[String: Any]])?.isEmpty == true)

            // Once Stripe answers, the checkout works.
            #expect(try await app.checkout(course, as: student).status == .created)
        }
    }
}
