import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// What became of one webhook delivery.
public enum WebhookOutcome: String, Sendable {
    /// The event changed an order (or was recorded with nothing to change).
    case processed
    /// The event id was processed before: nothing was done.
    case duplicate
    /// An event type Billing does not act on: recorded and ignored.
    case ignored
}

extension BillingService {
    /// Verifies and processes one Stripe webhook delivery. The event id is recorded in the transaction of its
    /// effect, so each event takes effect once however often and however concurrently it is delivered, and each
    /// order moves only along its allowed transitions, so events arriving out of order cannot undo each other.
    /// - Throws: 400 `invalid_signature` (nothing recorded) unless a `v1` signature of the raw `body` matches a
    ///   configured secret within five minutes of now; 400 `malformed_event` for a signed body that is not an event.
    public func receiveWebhook(body: [UInt8], signature: String?) async throws -> WebhookOutcome {
        do throws(WebhookSignature.Failure) {
            try WebhookSignature(secrets: configuration.webhookSecrets).verify(header: signature, body: body, now: clock.now())
        } catch {
            throw AppError.badRequest("invalid_signature", error.message)
        }
        guard let event = StripeEvent(json: body) else {
            throw AppError.badRequest("malformed_event", "The body is not a Stripe event (id, type and data.object are required).")
        }
        let now = now()
        // The buyer's address is read before the transaction: an order's buyer never changes, and a lookup inside
        // it would hold one pooled connection while asking for another (concurrent deliveries could then starve
        // the pool).
        let email = try await buyerEmail(of: event)
        return try await database.transaction { sql in
            guard try await WebhookEventStore.record(eventID: event.id, type: event.type, at: now, on: sql) else { return .duplicate }
            let order: Order?
            switch event.type {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded":
                order = try await self.completed(event, email: email, at: now, on: sql)
            case "checkout.session.expired": order = try await self.expired(event, to: .expired, at: now, on: sql)
            case "checkout.session.async_payment_failed": order = try await self.expired(event, to: .failed, at: now, on: sql)
            case "charge.refunded": order = try await self.refunded(event, email: email, at: now, on: sql)
            case "charge.dispute.created": order = try await self.disputed(event, at: now, on: sql)
            default: return .ignored
            }
            if let order { try await WebhookEventStore.link(eventID: event.id, orderID: order.id, on: sql) }
            return .processed
        }
    }

    /// The address of the buyer of the order `event` names, for its receipt or refund email.
    private func buyerEmail(of event: StripeEvent) async throws -> String? {
        guard let order = try await database.read({ sql in try await self.order(of: event, on: sql) }) else { return nil }
        return try await users.summaries(ids: [order.userID])[order.userID]?.email
    }

    /// The order an event names: by our order id in the metadata or the client reference, else by the session or
    /// the payment intent.
    private func order(of event: StripeEvent, on sql: any SQLDatabase) async throws -> Order? {
        if let id = event.orderID, let order = try await OrderStore.find(id: id, on: sql) { return order }
        if event.type.hasPrefix("checkout.session."), let sessionID = event.objectID {
            return try await OrderStore.find(sessionID: sessionID, on: sql)
        }
        if let paymentIntent = event.paymentIntent { return try await OrderStore.find(paymentIntentID: paymentIntent, on: sql) }
        return nil
    }

    /// Paid (at once, or later for a delayed method such as SEPA: `async_payment_succeeded`): the order becomes
    /// `paid` (from pending, or from expired or failed should Stripe report them late), its coupon counts one
    /// redemption if any are left, the seat follows and the receipt is queued. A completion whose money has not
    /// arrived yet changes nothing; a completion after a refund only records the payment intent.
    private func completed(_ event: StripeEvent, email: String?, at now: Date, on sql: any SQLDatabase) async throws -> Order? {
        guard let order = try await order(of: event, on: sql) else { return nil }
        guard event.isPaid else { return order }
        guard let paid = try await OrderStore.transition(
            id: order.id, from: [.pending, .expired, .failed], to: .paid, at: now, paymentIntentID: event.paymentIntent, on: sql
        ) else {
            if let paymentIntent = event.paymentIntent { try await OrderStore.recordPaymentIntent(id: order.id, paymentIntentID: paymentIntent, on: sql) }
            return order
        }
        if let couponID = paid.couponID, !(try await CouponStore.redeem(id: couponID, on: sql)) {
            logger.warning("Order \(paid.id) was paid with coupon \(couponID) past its redemption limit; the count stays at the limit")
        }
        try await queueSeatSync(paid.id, cause: "paid", on: sql)
        try await queueMail(.receipt, order: paid, email: email, on: sql)
        return paid
    }

    /// A session that ended unpaid (`expired`), or whose delayed payment failed (`failed`); a paid order stays paid.
    private func expired(_ event: StripeEvent, to status: OrderStatus, at now: Date, on sql: any SQLDatabase) async throws -> Order? {
        guard let order = try await order(of: event, on: sql) else { return nil }
        _ = try await OrderStore.transition(id: order.id, from: [.pending], to: status, at: now, on: sql)
        return order
    }

    /// A full refund: the order becomes `refunded` from any state (before its completion too, which then changes
    /// nothing), the seat is taken back and the refund email queued. Partial refunds leave the order as it is.
    private func refunded(_ event: StripeEvent, email: String?, at now: Date, on sql: any SQLDatabase) async throws -> Order? {
        guard let order = try await order(of: event, on: sql) else { return nil }
        guard event.refunded == true else { return order }
        guard let refunded = try await OrderStore.transition(
            id: order.id, from: [.pending, .paid, .disputed, .expired, .failed], to: .refunded, at: now, paymentIntentID: nil,
            refundID: nil, on: sql
        ) else { return order }
        if order.paymentIntentID == nil, let paymentIntent = event.paymentIntent {
            try await OrderStore.recordPaymentIntent(id: order.id, paymentIntentID: paymentIntent, on: sql)
        }
        try await queueSeatSync(refunded.id, cause: "refunded", on: sql)
        try await queueMail(.refund, order: refunded, email: email, on: sql)
        return refunded
    }

    /// A dispute flags a paid order for admins; the buyer keeps the seat until a refund.
    private func disputed(_ event: StripeEvent, at now: Date, on sql: any SQLDatabase) async throws -> Order? {
        guard let order = try await order(of: event, on: sql) else { return nil }
        _ = try await OrderStore.transition(id: order.id, from: [.paid], to: .disputed, at: now, on: sql)
        return order
    }
}
