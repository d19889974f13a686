import Foundation
import LyceumContracts

/// One order in the API: `{id, courseId, courseTitle, listAmount, amount, currency, amountText, couponCode?,
/// status, createdAt, paidAt?, refundedAt?, disputedAt?}`; admins also see `userId` and Stripe's ids.
struct OrderView: Codable, Equatable {
    let id: String
    let courseId: String
    let courseTitle: String
    let listAmount: Int
    let amount: Int
    let currency: String
    let amountText: String
    let couponCode: String?
    let status: String
    let createdAt: Date
    let paidAt: Date?
    let refundedAt: Date?
    let disputedAt: Date?
    let userId: String?
    let checkoutSessionId: String?
    let paymentIntentId: String?
    let refundId: String?

    init(_ order: Order, forAdmin: Bool = false) {
        id = order.id
        courseId = order.courseID
        courseTitle = order.courseTitle
        listAmount = order.listAmount
        amount = order.amount
        currency = order.currency
        amountText = CoursePrice.text(amountMinor: order.amount, currency: order.currency)
        couponCode = order.couponCode?.uppercased()
        status = order.status.rawValue
        createdAt = order.createdAt
        paidAt = order.paidAt
        refundedAt = order.refundedAt
        disputedAt = order.disputedAt
        userId = forAdmin ? order.userID : nil
        checkoutSessionId = forAdmin ? order.checkoutSessionID : nil
        paymentIntentId = forAdmin ? order.paymentIntentID : nil
        refundId = forAdmin ? order.refundID : nil
    }
}

/// `{orders: [...]}`.
struct OrderListView: Codable {
    let orders: [OrderView]
}

/// `{orders: [...], nextCursor?}`.
struct PaymentPageView: Codable {
    let orders: [OrderView]
    let nextCursor: String?
}

/// `{orderId, url?, enrolled}`: where to send the buyer.
struct CheckoutView: Codable {
    let orderId: String
    let url: String?
    let enrolled: Bool
}

/// `{received, outcome}`: Stripe needs only the 2xx.
struct WebhookReceiptView: Codable {
    let received: Bool
    let outcome: String
}

/// `{courseId, courseTitle, totals: [{currency, netAmount, sales, refunds}], days: [{date, currency, amount, sales}]}`.
struct RevenueView: Codable {
    struct Total: Codable {
        let currency: String
        let netAmount: Int
        let netAmountText: String
        let sales: Int
        let refunds: Int
    }

    struct Day: Codable {
        let date: String
        let currency: String
        let amount: Int
        let sales: Int
    }

    let courseId: String
    let courseTitle: String
    let totals: [Total]
    let days: [Day]

    init(_ revenue: CourseRevenue) {
        courseId = revenue.courseID
        courseTitle = revenue.courseTitle
        totals = revenue.totals.map {
            Total(
                currency: $0.currency, netAmount: $0.netAmount, netAmountText: CoursePrice.text(amountMinor: $0.netAmount, currency: $0.currency),
                sales: $0.sales, refunds: $0.refunds
            )
        }
        days = revenue.days.map { Day(date: $0.date, currency: $0.currency, amount: $0.amount, sales: $0.sales) }
    }
}

/// One coupon in the API.
struct CouponView: Codable {
    let id: String
    let code: String
    let percentOff: Int?
    let amountOff: Int?
    let currency: String?
    let courseId: String?
    let expiresAt: Date?
    let maxRedemptions: Int?
    let redemptions: Int
    let active: Bool
    let createdAt: Date

    init(_ coupon: Coupon) {
        id = coupon.id
        code = coupon.code.uppercased()
        percentOff = coupon.percentOff
        amountOff = coupon.amountOff
        currency = coupon.currency
        courseId = coupon.courseID
        expiresAt = coupon.expiresAt
        maxRedemptions = coupon.maxRedemptions
        redemptions = coupon.redemptions
        active = coupon.isActive
        createdAt = coupon.createdAt
    }
}

/// `{coupons: [...]}`.
struct CouponListView: Codable {
    let coupons: [CouponView]
}
