import Foundation

/// A discount code: a percentage or a fixed amount off, for one course or every course, until it expires or has
/// been redeemed `maxRedemptions` times. Codes are compared without regard to case.
public struct Coupon: Sendable, Equatable {
    public let id: String
    /// The code, lowercase.
    public let code: String
    /// 1 to 100 percent off, or `nil` for a fixed amount.
    public let percentOff: Int?
    /// Minor units off in `currency`, or `nil` for a percentage.
    public let amountOff: Int?
    /// The currency of `amountOff`, lowercase.
    public let currency: String?
    /// The one course it applies to; `nil` for every course.
    public let courseID: String?
    public let expiresAt: Date?
    public let maxRedemptions: Int?
    /// Paid orders that used it.
    public let redemptions: Int
    public let isActive: Bool
    public let createdBy: String
    public let createdAt: Date

    /// What `listAmount` of `currency` costs with the coupon, never below zero; `nil` when a fixed amount is in another currency.
    func discounted(_ listAmount: Int, currency: String) -> Int? {
        if let percentOff { return listAmount - listAmount * percentOff / 100 }
        guard let amountOff, self.currency == currency else { return nil }
        return max(0, listAmount - amountOff)
    }
}
