import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumWeb
import SQLKit

/// Paid courses: checkout through Stripe, Stripe's webhooks, refunds, coupons and the records students,
/// instructors and admins read. Every rule and authorization check lives here, for the API and the pages alike.
public struct BillingService: Sendable {
    /// The smallest amount Stripe charges in the supported currencies (50 cents, pence or öre... in minor units).
    static let minimumCharge = 50
    /// How long a pending order's checkout page is offered again instead of a new one (Stripe's sessions last 24 hours).
    static let reuseWindow: TimeInterval = 23 * 3_600

    let database: any Database
    let clock: WallClock
    let jobs: JobQueue
    let mail: MailComposer
    let courses: any CourseDirectory
    let users: any UserDirectory
    let courseEnrollments: any CourseEnrollments
    let configuration: BillingConfiguration
    let stripe: StripeClient?
    let logger: Logger

    /// Creates the service; without a Stripe secret key in `configuration` paid courses are not for sale.
    public init(
        database: any Database, clock: WallClock, jobs: JobQueue, mail: MailComposer, courses: any CourseDirectory, users: any UserDirectory,
        enrollments: any CourseEnrollments, configuration: BillingConfiguration, logger: Logger
    ) {
        courseEnrollments = enrollments
        self.database = database
        self.clock = clock
        self.jobs = jobs
        self.mail = mail
        self.courses = courses
        self.users = users
        self.configuration = configuration
        self.logger = logger
        stripe = configuration.secretKey.map {
            StripeClient(secretKey: $0, apiBase: configuration.apiBase, timeout: configuration.requestTimeout, logger: logger)
        }
    }

    /// Whether paid courses can be bought on this site (a Stripe secret key is configured).
    public var isPurchasable: Bool { stripe != nil }

    func now() -> Date { clock.nowForStorage() }

    func require(_ principal: Principal?) throws(AppError) -> Principal {
        guard let principal else { throw AppError.unauthenticated() }
        return principal
    }

    static let notForSale = AppError(
        status: 402, code: "not_available_for_purchase",
        message: "This course is not available for purchase: payments are not set up on this site. Ask its instructor for a seat."
    )

    // MARK: Checkout

    /// Starts buying a course: a `pending` order and a Stripe Checkout Session for its (discounted) price, or,
    /// when a coupon makes it free, a paid order and the seat at once. A buyer who already paid for the course
    /// (and left it since) gets the seat back without paying again. A pending order of the same user, course
    /// and amount whose session is still open is offered again instead of a second one.
    /// - Throws: 404 for a course the caller cannot see or that is not published, 409 `already_enrolled` or
    ///   `course_free`, 422 for a coupon that does not apply, 402 `not_available_for_purchase` without Stripe,
    ///   502/503 when Stripe refuses or cannot be reached (the order is then `failed`).
    public func checkout(_ principal: Principal?, course idOrSlug: String, couponCode: String?) async throws -> CheckoutStart {
        let principal = try require(principal)
        guard let course = try await courses.course(idOrSlug), course.isPublished else { throw AppError.notFound("course") }
        switch try await courses.standing(of: principal, inCourse: course.id) {
        case .student: throw AppError.conflict("already_enrolled", "You are already enrolled in this course.")
        case .staff: throw AppError.conflict("already_enrolled", "You teach this course; staff need no seat.")
        case .outsider: break
        }
        // Bought before (and left the course since, or back from Stripe before the seat followed the webhook):
        // the seat comes back without a second charge.
        if let paidOrderID = try await database.read({ sql in
            try await OrderStore.paidOrderID(userID: principal.userID, courseID: course.id, on: sql)
        }) {
            try await syncSeat(orderID: paidOrderID)
            return CheckoutStart(orderID: paidOrderID, url: nil, enrolled: true)
        }
        guard let price = course.price else {
            throw AppError.conflict("course_free", "This course is free; enroll in it directly.")
        }
        let now = now()
        var amount = price.amountMinor
        var coupon: Coupon?
        if let code = couponCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            let found = try await database.read { sql in try await CouponStore.find(code: code, on: sql) }
            let applied = try Self.apply(found, to: course, price: price, at: now)
            amount = applied
            coupon = found
        }
        if amount == 0 {
            return try await grantFree(principal, course: course, price: price, coupon: coupon, at: now)
        }
        guard let stripe else { throw Self.notForSale }
        guard amount >= Self.minimumCharge else {
            throw AppError(status: 422, code: "amount_too_small", message: "With this coupon the price is below the smallest amount that can be charged.")
        }
        let currency = price.currency
        let charged = amount
        if let open = try await database.read({ sql in
            try await OrderStore.reusable(
                userID: principal.userID, courseID: course.id, amount: charged, currency: currency,
                since: now.addingTimeInterval(-Self.reuseWindow), on: sql
            )
        }), let url = open.checkoutURL {
            return CheckoutStart(orderID: open.id, url: url, enrolled: false)
        }
        let order = Order(
            id: UUID().uuidString.lowercased(), userID: principal.userID, courseID: course.id, courseTitle: course.title,
            listAmount: price.amountMinor, amount: amount, currency: currency, couponID: coupon?.id, couponCode: coupon?.code, status: .pending,
            checkoutSessionID: nil, checkoutURL: nil, paymentIntentID: nil, refundID: nil, createdAt: now, updatedAt: now, paidAt: nil,
            refundedAt: nil, disputedAt: nil
        )
        try await database.transaction { sql in try await OrderStore.insert(order, on: sql) }
        let email = try await users.summaries(ids: [principal.userID])[principal.userID]?.email
        let base = configuration.publicURL.hasSuffix("/") ? String(configuration.publicURL.dropLast()) : configuration.publicURL
        let request = CheckoutRequest(
            orderID: order.id, courseTitle: course.title, amountMinor: amount, currency: currency, customerEmail: email,
            successURL: base + "/checkout/success?session_id={CHECKOUT_SESSION_ID}",
            cancelURL: base + "/checkout/cancel?course=\(course.slug)"
        )
        let session: CheckoutSession
        do {
            session = try await stripe.createCheckoutSession(request, idempotencyKey: "checkout:\(order.id)")
        } catch {
            logger.error("Stripe refused or missed the checkout of order \(order.id): \(error)")
            _ = try await database.transaction { sql in
                try await OrderStore.transition(id: order.id, from: [.pending], to: .failed, at: self.now(), on: sql)
            }
            throw error.appError
        }
        try await database.transaction { sql in try await OrderStore.attachSession(id: order.id, session: session, at: self.now(), on: sql) }
        return CheckoutStart(orderID: order.id, url: session.url, enrolled: false)
    }

    /// What a coupon leaves of `price`, or 422 naming why it does not apply.
    static func apply(_ coupon: Coupon?, to course: CourseSummary, price: CoursePrice, at now: Date) throws(AppError) -> Int {
        func refuse(_ code: String, _ message: String) -> AppError { AppError(status: 422, code: code, message: message, fields: ["couponCode": message]) }
        guard let coupon, coupon.isActive else { throw refuse("coupon_invalid", "No such coupon.") }
        if let courseID = coupon.courseID, courseID != course.id { throw refuse("coupon_invalid", "This coupon is for another course.") }
        if let expiresAt = coupon.expiresAt, expiresAt <= now { throw refuse("coupon_expired", "This coupon has expired.") }
        if let limit = coupon.maxRedemptions, coupon.redemptions >= limit { throw refuse("coupon_exhausted", "This coupon has been used up.") }
        guard let amount = coupon.discounted(price.amountMinor, currency: price.currency) else {
            throw refuse("coupon_invalid", "This coupon is in another currency than the course's price.")
        }
        return amount
    }

    /// A coupon took the whole price: the order is paid at once, without Stripe, and the seat granted.
    private func grantFree(_ principal: Principal, course: CourseSummary, price: CoursePrice, coupon: Coupon?, at now: Date) async throws -> CheckoutStart {
        let order = Order(
            id: UUID().uuidString.lowercased(), userID: principal.userID, courseID: course.id, courseTitle: course.title,
            listAmount: price.amountMinor, amount: 0, currency: price.currency, couponID: coupon?.id, couponCode: coupon?.code, status: .paid,
            checkoutSessionID: nil, checkoutURL: nil, paymentIntentID: nil, refundID: nil, createdAt: now, updatedAt: now, paidAt: now,
            refundedAt: nil, disputedAt: nil
        )
        let email = try await users.summaries(ids: [principal.userID])[principal.userID]?.email
        try await database.transaction { sql in
            if let coupon, !(try await CouponStore.redeem(id: coupon.id, on: sql)) {
                throw AppError(status: 422, code: "coupon_exhausted", message: "This coupon has been used up.", fields: ["couponCode": "This coupon has been used up."])
            }
            try await OrderStore.insert(order, on: sql)
            try await self.queueSeatSync(order.id, cause: "paid", on: sql)
            try await self.queueMail(.receipt, order: order, email: email, on: sql)
        }
        try await syncSeat(orderID: order.id)
        return CheckoutStart(orderID: order.id, url: nil, enrolled: true)
    }

    // MARK: Seats and mail

    /// Makes the buyer's enrollment match the order: enrolled while some order of theirs for the course is paid,
    /// removed once none is. It looks again after enrolling, so a refund committed meanwhile is never outrun.
    func syncSeat(orderID: String) async throws {
        guard let order = try await database.read({ sql in try await OrderStore.find(id: orderID, on: sql) }) else { return }
        let entitled = { @Sendable in
            try await self.database.read { sql in try await OrderStore.hasPaid(userID: order.userID, courseID: order.courseID, on: sql) }
        }
        if try await entitled() {
            _ = try await courseEnrollments.enrollBuyer(userID: order.userID, courseID: order.courseID)
            if try await entitled() { return }
        }
        _ = try await courseEnrollments.removeRefundedBuyer(userID: order.userID, courseID: order.courseID)
    }

    func queueSeatSync(_ orderID: String, cause: String, on sql: any SQLDatabase) async throws {
        _ = try await jobs.enqueue(SyncSeat(orderID: orderID), options: JobOptions(queue: "events", uniqueKey: "billing:seat:\(orderID):\(cause)"), on: sql)
    }

    enum Mail: String {
        case receipt, refund
    }

    /// Queues the receipt or refund email of an order, once per order (`mail:receipt:<order>`).
    func queueMail(_ kind: Mail, order: Order, email: String?, on sql: any SQLDatabase) async throws {
        guard let email else {
            logger.warning("No address for the \(kind.rawValue) of order \(order.id)")
            return
        }
        let values: [String: Any] = [
            "courseTitle": order.courseTitle, "amount": CoursePrice.text(amountMinor: order.amount, currency: order.currency),
            "orderID": order.id, "couponCode": order.couponCode?.uppercased() ?? "", "hasCoupon": order.couponCode != nil,
            "receiptURL": mail.publicURL + "/purchases/\(order.id)",
        ]
        let message = try mail.compose("billing.\(kind.rawValue)", to: email, values: values, unsubscribe: .essential)
        _ = try await jobs.enqueue(SendMail(message), options: JobOptions(queue: "mail", uniqueKey: "mail:\(kind.rawValue):\(order.id)"), on: sql)
    }
}

/// Where a checkout leads: Stripe's payment page, or nowhere when a coupon made the course free and the buyer is enrolled.
public struct CheckoutStart: Sendable, Equatable {
    public let orderID: String
    /// Stripe's hosted payment page; `nil` when nothing is left to pay.
    public let url: String?
    /// Whether the buyer is already enrolled (a 100% coupon).
    public let enrolled: Bool
}

/// Brings a buyer's enrollment in line with their order (queued with every paid, refunded or disputed order).
struct SyncSeat: JobPayload {
    static let jobName = "billing.sync-seat"
    let orderID: String
}
