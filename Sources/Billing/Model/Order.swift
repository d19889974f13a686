import Foundation

/// Where an order is. `pending` until Stripe reports the checkout: `paid` (the buyer is enrolled), `expired`
/// (the session lapsed unpaid) or, when the session could not even be created, `failed`. A paid order may become
/// `disputed` (flagged for admins) and any order `refunded` (a refund can arrive before the completion it undoes).
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    case pending, paid, expired, failed, refunded, disputed

    /// Whether the buyer holds a seat for this order.
    public var grantsSeat: Bool { self == .paid || self == .disputed }
}

/// One purchase of one course by one student.
public struct Order: Sendable, Equatable {
    public let id: String
    public let userID: String
    public let courseID: String
    /// The course's title when it was bought.
    public let courseTitle: String
    /// The course's price before any coupon, in minor units.
    public let listAmount: Int
    /// What the buyer pays, in minor units.
    public let amount: Int
    /// ISO 4217, lowercase.
    public let currency: String
    public let couponID: String?
    public let couponCode: String?
    public let status: OrderStatus
    public let checkoutSessionID: String?
    public let checkoutURL: String?
    public let paymentIntentID: String?
    public let refundID: String?
    public let createdAt: Date
    public let updatedAt: Date
    public let paidAt: Date?
    public let refundedAt: Date?
    public let disputedAt: Date?
}
