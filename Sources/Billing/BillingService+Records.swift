import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// A course's takings: totals per currency and paid amounts per day.
public struct CourseRevenue: Sendable, Equatable {
    /// Totals in one currency.
    public struct Total: Sendable, Equatable {
        public let currency: String
        /// Paid and not refunded, in minor units.
        public let netAmount: Int
        /// Sales that stand (paid or disputed).
        public let sales: Int
        /// Sales refunded since.
        public let refunds: Int
    }

    /// The sales of one day (UTC) in one currency that still stand.
    public struct Day: Sendable, Equatable {
        /// `yyyy-MM-dd`.
        public let date: String
        public let currency: String
        public let amount: Int
        public let sales: Int
    }

    public let courseID: String
    public let courseTitle: String
    public let totals: [Total]
    public let days: [Day]
}

extension BillingService {
    /// The caller's purchases (paid, disputed or refunded), newest first.
    public func purchases(_ principal: Principal?) async throws -> [Order] {
        let principal = try require(principal)
        return try await database.read { sql in try await OrderStore.purchases(userID: principal.userID, on: sql) }
    }

    /// One order: its buyer's receipt, or any order for an admin; 404 for anyone else.
    public func order(_ principal: Principal?, id: String) async throws -> Order {
        let principal = try require(principal)
        guard let order = try await database.read({ sql in try await OrderStore.find(id: id, on: sql) }),
            order.userID == principal.userID || principal.isAdmin
        else { throw AppError.notFound("order") }
        return order
    }

    /// The order a Checkout Session belongs to, for its buyer returning from Stripe; 404 for anyone else.
    public func order(_ principal: Principal?, sessionID: String) async throws -> Order {
        let principal = try require(principal)
        guard let order = try await database.read({ sql in try await OrderStore.find(sessionID: sessionID, on: sql) }),
            order.userID == principal.userID
        else { throw AppError.notFound("order") }
        return order
    }

    /// A course's revenue, for its owner, co-instructors and admins (403 for assistants and students, 404 when
    /// there is no such course).
    public func revenue(_ principal: Principal?, course idOrSlug: String) async throws -> CourseRevenue {
        let principal = try require(principal)
        guard let course = try await courses.course(idOrSlug) else { throw AppError.notFound("course") }
        guard try await mayManage(course, principal) else {
            if try await courses.standing(of: principal, inCourse: course.id) == .outsider, !course.isPublished { throw AppError.notFound("course") }
            throw AppError.forbidden("Only the course's instructors may see its revenue.")
        }
        let sales = try await database.read { sql in try await OrderStore.sales(courseID: course.id, on: sql) }
        var totals: [String: (net: Int, sales: Int, refunds: Int)] = [:]
        var days: [String: (amount: Int, sales: Int)] = [:]
        for sale in sales {
            var total = totals[sale.currency] ?? (0, 0, 0)
            if sale.refunded {
                total.refunds += 1
            } else {
                total.net += sale.amount
                total.sales += 1
                let key = Self.day(sale.paidAt) + "|" + sale.currency
                var day = days[key] ?? (0, 0)
                day.amount += sale.amount
                day.sales += 1
                days[key] = day
            }
            totals[sale.currency] = total
        }
        return CourseRevenue(
            courseID: course.id, courseTitle: course.title,
            totals: totals.keys.sorted().map { currency in
                let total = totals[currency] ?? (0, 0, 0)
                return CourseRevenue.Total(currency: currency, netAmount: total.net, sales: total.sales, refunds: total.refunds)
            },
            days: days.keys.sorted().map { key in
                let parts = key.split(separator: "|").map(String.init)
                let day = days[key] ?? (0, 0)
                return CourseRevenue.Day(date: parts[0], currency: parts[1], amount: day.amount, sales: day.sales)
            }
        )
    }

    /// Whether the caller owns the course, co-teaches it with editing rights, or is an admin. Billing sees only
    /// the owner and the staff list, so co-instructors and assistants alike count as staff: revenue is for the
    /// owner and admins.
    func mayManage(_ course: CourseSummary, _ principal: Principal) async throws -> Bool {
        principal.isAdmin || course.ownerID == principal.userID
    }

    /// Every order, newest first, optionally of one status, a page at a time (admins only).
    public func payments(_ principal: Principal?, status: OrderStatus?, limit: Int, cursor: PageCursor?) async throws -> (orders: [Order], next: PageCursor?) {
        let principal = try require(principal)
        guard principal.isAdmin else { throw AppError.forbidden("Only admins may see all payments.") }
        let found = try await database.read { sql in try await OrderStore.page(status: status, after: cursor, limit: limit, on: sql) }
        let page = Array(found.prefix(limit))
        let next = found.count > limit ? page.last.map { PageCursor(createdAt: $0.createdAt, id: $0.id) } : nil
        return (page, next)
    }

    /// Refunds a paid (or disputed) order in full through Stripe (admins only). The refund is asked for with the
    /// idempotency key `refund:<order>`, so two admins clicking at once, or one clicking twice, refund once; the
    /// order becomes `refunded` from Stripe's answer at once, the seat is taken back and the email queued (the
    /// `charge.refunded` webhook that follows then changes nothing).
    /// - Throws: 409 `not_refundable` for an order that is not paid (already refunded, pending, expired, free),
    ///   402 `not_available_for_purchase` without Stripe, 502/503 when Stripe refuses or cannot be reached.
    public func refund(_ principal: Principal?, orderID: String) async throws -> Order {
        let principal = try require(principal)
        guard principal.isAdmin else { throw AppError.forbidden("Only admins may refund payments.") }
        guard let order = try await database.read({ sql in try await OrderStore.find(id: orderID, on: sql) }) else {
            throw AppError.notFound("order")
        }
        guard order.status.grantsSeat else {
            throw AppError.conflict("not_refundable", "Only paid orders can be refunded; this one is \(order.status.rawValue).")
        }
        var stripeRefundID: String?
        if order.amount > 0 {
            guard let stripe else { throw Self.notForSale }
            guard let paymentIntent = order.paymentIntentID else {
                throw AppError.conflict("not_refundable", "Stripe has not reported this order's payment yet.")
            }
            do {
                stripeRefundID = try await stripe.createRefund(paymentIntent: paymentIntent, orderID: order.id, idempotencyKey: "refund:\(order.id)").id
            } catch {
                logger.error("Stripe refused or missed the refund of order \(order.id): \(error)")
                throw error.appError
            }
        }
        let email = try await users.summaries(ids: [order.userID])[order.userID]?.email
        let now = now()
        let refundID = stripeRefundID
        let refunded = try await database.transaction { sql -> Order? in
            guard let refunded = try await OrderStore.transition(
                id: order.id, from: [.paid, .disputed], to: .refunded, at: now, refundID: refundID, on: sql
            ) else { return nil }
            try await self.queueSeatSync(refunded.id, cause: "refunded", on: sql)
            try await self.queueMail(.refund, order: refunded, email: email, on: sql)
            return refunded
        }
        if refunded != nil { try await syncSeat(orderID: order.id) }
        return try await database.read { sql in try await OrderStore.find(id: order.id, on: sql) } ?? order
    }

    static func day(_ date: Date) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
        let year = components.year ?? 1970, month = components.month ?? 1, day = components.day ?? 1
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
