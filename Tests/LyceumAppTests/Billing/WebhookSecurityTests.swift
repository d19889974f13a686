import Billing
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import Testing

/// The webhook accepts only bodies signed under Stripe's scheme with a configured secret, recently: forged,
/// tampered, stale and unsigned deliveries are 400 and leave nothing behind, not even the event id.
@Suite("Stripe webhook signatures")
struct WebhookSecurityTests {
    @Test("forged, tampered, stale and unsigned deliveries are refused with no effect", arguments: TestEngine.available)
    func forgeries(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine) { app, _ in
            let (_, course) = try await app.paidCourse()
            let student = try await app.register()
            let started = try await app.checkout(course, as: student)
            let orderID = try #require(started.json["orderId"] as? String)
            let session = try #require((started.json["url"] as? String)?.split(separator: "/").last.map(String.init))
            let event = StripeEvents.completed("evt_forgery", session: session, order: orderID, paymentIntent: "pi_forgery")
            let now = Int(app.clock.wallClock.now().timeIntervalSince1970)

            var refusals: [Reply] = []
            refusals.append(try await app.deliverWebhook(event, secrets: ["whsec_not_ours"]))
            let signedOther = try await app.deliverWebhook(event, header: "t=\(now),v1=" + TestApp.signature(event.replacingOccurrences(of: "paid", with: "unpaid"), timestamp: now, secret: BillingTestSupport.webhookSecret))
            refusals.append(signedOther)
            refusals.append(try await app.deliverWebhook(event, timestamp: now - 301))
            refusals.append(try await app.deliverWebhook(event, timestamp: now + 400))
            refusals.append(try await app.deliverWebhook(event, header: "t=\(now)"))
            refusals.append(try await app.deliverWebhook(event, header: "v1=" + TestApp.signature(event, timestamp: now, secret: BillingTestSupport.webhookSecret)))
            refusals.append(try await app.raw(.post, "/api/v1/payments/webhook", headers: [.contentType: "application/json"], body: ByteBuffer(string: event)))
            for reply in refusals {
                #expect(reply.status == .badRequest)
                #expect(reply.errorCode == "invalid_signature")
            }
            // A correctly signed body that is not an event is refused too.
            let garbage = try await app.deliverWebhook(#"{"hello":"world"}"#)
            #expect(garbage.status == .badRequest && garbage.errorCode == "malformed_event")
            try await app.settleJobs()
            #expect(try await app.orderStatus(orderID) == "pending")
            // Nothing was recorded: the genuine delivery of the same id still takes effect, then replays do not.
            #expect(try await app.deliverWebhook(event).json["outcome"] as? String == "processed")
            #expect(try await app.deliverWebhook(event, timestamp: now - 60).json["outcome"] as? String == "duplicate")
            try await app.settleJobs()
            #expect(try await app.orderStatus(orderID) == "paid")
            #expect(try await app.activeEnrollments(student.id, course.id) == 1)
        }
    }

    @Test("while secrets rotate, a signature under either verifies, among several v1 values", arguments: TestEngine.available)
    func rotation(engine: TestEngine) async throws {
        let secrets = [BillingTestSupport.webhookSecret, BillingTestSupport.previousSecret]
        try await BillingTestSupport.run(engine, webhookSecrets: secrets) { app, _ in
            let body = #"{"id":"evt_ID","type":"customer.created","data":{"object":{"id":"cus_1"}}}"#
            let current = try await app.deliverWebhook(body.replacingOccurrences(of: "ID", with: "new"), secrets: [BillingTestSupport.webhookSecret])
            let previous = try await app.deliverWebhook(body.replacingOccurrences(of: "ID", with: "old"), secrets: [BillingTestSupport.previousSecret])
            let mixed = try await app.deliverWebhook(body.replacingOccurrences(of: "ID", with: "both"), secrets: ["whsec_unknown", BillingTestSupport.previousSecret])
            let neither = try await app.deliverWebhook(body.replacingOccurrences(of: "ID", with: "none"), secrets: ["whsec_unknown"])
            #expect(current.status == .ok)
            #expect(previous.status == .ok)
            #expect(mixed.status == .ok)
            #expect(neither.status == .badRequest)
        }
    }

    @Test("a fixed vector computed by hand (Python's hmac) verifies at its own time", arguments: TestEngine.available)
    func fixedVector(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine, webhookSecrets: ["whsec_fixed_vector_secret"]) { app, _ in
            // hmac.new(b"whsec_fixed_vector_secret", b"1700000000." + body, hashlib.sha256).hexdigest()
            let body = #"{"id":"evt_fixed_vector","type":"customer.created","data":{"object":{"id":"cus_1"}}}"#
            let header = "t=1700000000,v1=297d841434c5c540d3439850b7fb74caa8b9bd079fdadc6de07a486e7d04d3c5"
            #expect(TestApp.signature(body, timestamp: 1_700_000_000, secret: "whsec_fixed_vector_secret") == "297d841434c5c540d3439850b7fb74caa8b9bd079fdadc6de07a486e7d04d3c5")
            // Now is years after the vector's time: stale.
            #expect(try await app.deliverWebhook(body, header: header).errorCode == "invalid_signature")
            app.clock.advance(by: 1_700_000_120 - Date().timeIntervalSince1970)
            let accepted = try await app.deliverWebhook(body, header: header)
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(accepted.json["outcome"] as? String == "ignored")
        }
    }
}
