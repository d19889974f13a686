import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// What a coupon is created from.
public struct CouponDraft: Sendable {
    public var code: String
    public var percentOff: Int?
    public var amountOff: Int?
    public var currency: String?
    public var courseID: String?
    public var expiresAt: Date?
    public var maxRedemptions: Int?

    public init(
        code: String, percentOff: Int? = nil, amountOff: Int? = nil, currency: String? = nil, courseID: String? = nil, expiresAt: Date? = nil,
        maxRedemptions: Int? = nil
    ) {
        self.code = code
        self.percentOff = percentOff
        self.amountOff = amountOff
        self.currency = currency
        self.courseID = courseID
        self.expiresAt = expiresAt
        self.maxRedemptions = maxRedemptions
    }
}

extension BillingService {
    /// Creates a coupon. Admins may create any coupon; an instructor only one for a course they own (never a
    /// site-wide one). A fixed amount takes the currency of its course, or a `currency` when site-wide.
    /// - Throws: 403 for other callers, 404 for an unknown course, 422 `validation_failed` naming each bad field,
    ///   409 `coupon_code_taken` when the code (in any case) exists.
    public func createCoupon(_ principal: Principal?, _ draft: CouponDraft) async throws -> Coupon {
        let principal = try require(principal)
        guard principal.role >= .instructor else { throw AppError.forbidden("Only instructors and admins may create coupons.") }
        var problems: [String: String] = [:]
        let code = draft.code.trimmingCharacters(in: .whitespaces).lowercased()
        if !(3...40).contains(code.count) || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            problems["code"] = "must be 3 to 40 letters, digits, hyphens or underscores"
        }
        var course: CourseSummary?
        if let courseID = draft.courseID {
            guard let found = try await courses.course(courseID) else { throw AppError.notFound("course") }
            guard try await mayManage(found, principal) else { throw AppError.forbidden("Only the course's owner may create coupons for it.") }
            course = found
        } else if !principal.isAdmin {
            throw AppError.forbidden("Only admins may create site-wide coupons; name one of your courses.")
        }
        var currency: String?
        switch (draft.percentOff, draft.amountOff) {
        case (let percent?, nil):
            if !(1...100).contains(percent) { problems["percentOff"] = "must be from 1 to 100" }
        case (nil, let amount?):
            if !(1...100_000_000).contains(amount) { problems["amountOff"] = "must be from 1 to 100000000 minor units" }
            currency = course?.price?.currency ?? draft.currency?.lowercased()
            if let given = draft.currency?.lowercased(), let courseCurrency = course?.price?.currency, given != courseCurrency {
                problems["currency"] = "must be the course's currency, \(courseCurrency.uppercased())"
            } else if currency.map(CoursePrice.isSupported) != true {
                problems["currency"] = "must be a supported currency for a fixed amount"
            }
        default:
            problems["percentOff"] = "give either percentOff or amountOff"
        }
        if let limit = draft.maxRedemptions, !(1...1_000_000).contains(limit) { problems["maxRedemptions"] = "must be from 1 to 1000000" }
        let now = now()
        if let expiresAt = draft.expiresAt, expiresAt <= now { problems["expiresAt"] = "must be in the future" }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let coupon = Coupon(
            id: UUID().uuidString.lowercased(), code: code, percentOff: draft.percentOff, amountOff: draft.amountOff, currency: currency,
            courseID: course?.id, expiresAt: draft.expiresAt, maxRedemptions: draft.maxRedemptions, redemptions: 0, isActive: true,
            createdBy: principal.userID, createdAt: now
        )
        guard try await database.transaction({ sql in try await CouponStore.insert(coupon, on: sql) }) else {
            throw AppError.conflict("coupon_code_taken", "A coupon with this code exists.")
        }
        return coupon
    }

    /// Every coupon for admins; the coupons they created for instructors.
    public func coupons(_ principal: Principal?) async throws -> [Coupon] {
        let principal = try require(principal)
        guard principal.role >= .instructor else { throw AppError.forbidden("Only instructors and admins manage coupons.") }
        let creator = principal.isAdmin ? nil : principal.userID
        return try await database.read { sql in try await CouponStore.list(createdBy: creator, on: sql) }
    }

    /// Stops a coupon from applying to new checkouts (admins, or the instructor who created it). Idempotent.
    public func deactivateCoupon(_ principal: Principal?, id: String) async throws -> Coupon {
        let principal = try require(principal)
        guard principal.role >= .instructor else { throw AppError.forbidden("Only instructors and admins manage coupons.") }
        return try await database.transaction { sql in
            guard let coupon = try await CouponStore.find(id: id, on: sql), principal.isAdmin || coupon.createdBy == principal.userID else {
                throw AppError.notFound("coupon")
            }
            try await CouponStore.deactivate(id: id, on: sql)
            return try await CouponStore.find(id: id, on: sql) ?? coupon
        }
    }
}
