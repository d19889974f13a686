import Foundation
import LyceumCore
import SQLKit

/// The `billing_orders` table. State changes are conditional updates (`WHERE status IN …`), so a repeated or
/// concurrent webhook changes an order once, whatever order the events arrive in.
enum OrderStore {
    static let columns = [
        "id", "user_id", "course_id", "course_title", "list_amount", "amount", "currency", "coupon_id", "coupon_code", "status",
        "checkout_session_id", "checkout_url", "payment_intent_id", "refund_id", "created_at", "updated_at", "paid_at",
        "refunded_at", "disputed_at",
    ]
    static var columnList: String { columns.joined(separator: ", ") }

    static func insert(_ order: Order, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "billing_orders").columns(columns).values(
            SQLBind(order.id), SQLBind(order.userID), SQLBind(order.courseID), SQLBind(order.courseTitle), SQLBind(order.listAmount),
            SQLBind(order.amount), SQLBind(order.currency), SQLBind(order.couponID), SQLBind(order.couponCode),
            SQLBind(order.status.rawValue), SQLBind(order.checkoutSessionID), SQLBind(order.checkoutURL), SQLBind(order.paymentIntentID),
            SQLBind(order.refundID), SQLBind(order.createdAt), SQLBind(order.updatedAt), SQLBind(order.paidAt), SQLBind(order.refundedAt),
            SQLBind(order.disputedAt)
        ).run()
    }

    static func find(id: String, on sql: any SQLDatabase) async throws -> Order? {
        try await sql.raw("SELECT \(unsafeRaw: columnList) FROM billing_orders WHERE id = \(bind: id)").first().map(decode)
    }

    static func find(sessionID: String, on sql: any SQLDatabase) async throws -> Order? {
        try await sql.raw("SELECT \(unsafeRaw: columnList) FROM billing_orders WHERE checkout_session_id = \(bind: sessionID)").first().map(decode)
    }

    static func find(paymentIntentID: String, on sql: any SQLDatabase) async throws -> Order? {
        try await sql.raw("SELECT \(unsafeRaw: columnList) FROM billing_orders WHERE payment_intent_id = \(bind: paymentIntentID)").first()
            .map(decode)
    }

    /// The newest pending order of this user for this course at this amount whose session is still open, to reuse.
    static func reusable(userID: String, courseID: String, amount: Int, currency: String, since: Date, on sql: any SQLDatabase) async throws -> Order? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: columnList) FROM billing_orders
            WHERE user_id = \(bind: userID) AND course_id = \(bind: courseID) AND amount = \(bind: amount) AND currency = \(bind: currency)
              AND status = 'pending' AND checkout_url IS NOT NULL AND created_at > \(bind: since)
            ORDER BY created_at DESC LIMIT 1
            """
        ).first().map(decode)
    }

    /// Whether the user holds a seat through a paid (or disputed) order of the course.
    static func hasPaid(userID: String, courseID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await paidOrderID(userID: userID, courseID: courseID, on: sql) != nil
    }

    /// The id of a paid (or disputed) order of the user for the course, if they have one.
    static func paidOrderID(userID: String, courseID: String, on sql: any SQLDatabase) async throws -> String? {
        try await sql.raw(
            "SELECT id FROM billing_orders WHERE user_id = \(bind: userID) AND course_id = \(bind: courseID) AND status IN ('paid', 'disputed') LIMIT 1"
        ).first()?.decode(column: "id", as: String.self)
    }

    static func attachSession(id: String, session: CheckoutSession, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("billing_orders").set("checkout_session_id", to: session.id).set("checkout_url", to: session.url)
            .set("updated_at", to: now).where("id", .equal, id).run()
    }

    /// Moves the order from one of `from` to `to`; `nil` when it was in none of them (already moved on).
    static func transition(
        id: String, from: [OrderStatus], to status: OrderStatus, at now: Date, paymentIntentID: String? = nil, refundID: String? = nil,
        on sql: any SQLDatabase
    ) async throws -> Order? {
        var update = sql.update("billing_orders").set("status", to: status.rawValue).set("updated_at", to: now)
        switch status {
        case .paid: update = update.set("paid_at", to: now)
        case .refunded: update = update.set("refunded_at", to: now)
        case .disputed: update = update.set("disputed_at", to: now)
        default: break
        }
        if let paymentIntentID { update = update.set("payment_intent_id", to: paymentIntentID) }
        if let refundID { update = update.set("refund_id", to: refundID) }
        return try await update.where("id", .equal, id).where("status", .in, from.map(\.rawValue))
            .returning(SQLRaw(columnList)).first().map(decode)
    }

    /// Records the payment intent of an order whose state does not change (a completion after a refund).
    static func recordPaymentIntent(id: String, paymentIntentID: String, on sql: any SQLDatabase) async throws {
        try await sql.update("billing_orders").set("payment_intent_id", to: paymentIntentID).where("id", .equal, id)
            .where(SQLColumn("payment_intent_id"), .is, SQLLiteral.null).run()
    }

    /// The user's orders that were paid at some point (paid, disputed or refunded), newest first.
    static func purchases(userID: String, on sql: any SQLDatabase) async throws -> [Order] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: columnList) FROM billing_orders
            WHERE user_id = \(bind: userID) AND status IN ('paid', 'disputed', 'refunded') AND paid_at IS NOT NULL
            ORDER BY created_at DESC, id DESC LIMIT 500
            """
        ).all().map(decode)
    }

    /// A page of all orders, newest first, optionally of one status.
    static func page(status: OrderStatus?, after cursor: PageCursor?, limit: Int, on sql: any SQLDatabase) async throws -> [Order] {
        var select = sql.select().column(SQLRaw(columnList)).from("billing_orders")
        if let status { select = select.where("status", .equal, status.rawValue) }
        if let cursor {
            select = select.where { group in
                group.where("created_at", .lessThan, cursor.createdAt)
                    .orWhere { $0.where("created_at", .equal, cursor.createdAt).where("id", .lessThan, cursor.id) }
            }
        }
        return try await select.orderBy("created_at", .descending).orderBy("id", .descending).limit(limit + 1).all().map(decode)
    }

    /// The paid amounts of a course, by currency and by day (UTC), for its revenue: orders that are paid or disputed.
    static func sales(courseID: String, on sql: any SQLDatabase) async throws -> [(paidAt: Date, amount: Int, currency: String, refunded: Bool)] {
        try await sql.raw(
            """
            SELECT paid_at, amount, currency, status FROM billing_orders
            WHERE course_id = \(bind: courseID) AND paid_at IS NOT NULL ORDER BY paid_at LIMIT 100000
            """
        ).all().map { row in
            (
                try row.decode(column: "paid_at", as: Date.self), try row.decode(column: "amount", as: Int.self),
                try row.decode(column: "currency", as: String.self), try row.decode(column: "status", as: String.self) == "refunded"
            )
        }
    }

    static func decode(_ row: any SQLRow) throws -> Order {
        Order(
            id: try row.decode(column: "id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            courseID: try row.decode(column: "course_id", as: String.self),
            courseTitle: try row.decode(column: "course_title", as: String.self),
            listAmount: try row.decode(column: "list_amount", as: Int.self),
            amount: try row.decode(column: "amount", as: Int.self),
            currency: try row.decode(column: "currency", as: String.self),
            couponID: try row.decode(column: "coupon_id", as: String?.self),
            couponCode: try row.decode(column: "coupon_code", as: String?.self),
            status: OrderStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed,
            checkoutSessionID: try row.decode(column: "checkout_session_id", as: String?.self),
            checkoutURL: try row.decode(column: "checkout_url", as: String?.self),
            paymentIntentID: try row.decode(column: "payment_intent_id", as: String?.self),
            refundID: try row.decode(column: "refund_id", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self),
            paidAt: try row.decode(column: "paid_at", as: Date?.self),
            refundedAt: try row.decode(column: "refunded_at", as: Date?.self),
            disputedAt: try row.decode(column: "disputed_at", as: Date?.self)
        )
    }
}
