import Foundation
import LyceumPlatform
import SQLKit

/// The `billing_coupons` table.
enum CouponStore {
    static let columns = [
        "id", "code", "percent_off", "amount_off", "currency", "course_id", "expires_at", "max_redemptions", "redemptions", "active",
        "created_by", "created_at",
    ]
    static var columnList: String { columns.joined(separator: ", ") }

    /// Inserts the coupon; `false` when its code is taken.
    static func insert(_ coupon: Coupon, on sql: any SQLDatabase) async throws -> Bool {
        do {
            try await sql.insert(into: "billing_coupons").columns(columns).values(
                SQLBind(coupon.id), SQLBind(coupon.code), SQLBind(coupon.percentOff), SQLBind(coupon.amountOff), SQLBind(coupon.currency),
                SQLBind(coupon.courseID), SQLBind(coupon.expiresAt), SQLBind(coupon.maxRedemptions), SQLBind(coupon.redemptions),
                SQLBind(coupon.isActive), SQLBind(coupon.createdBy), SQLBind(coupon.createdAt)
            ).run()
            return true
        } catch where DatabaseFailure(error) == .uniqueViolation {
            return false
        }
    }

    static func find(code: String, on sql: any SQLDatabase) async throws -> Coupon? {
        try await sql.raw("SELECT \(unsafeRaw: columnList) FROM billing_coupons WHERE code = \(bind: code.lowercased())").first().map(decode)
    }

    static func find(id: String, on sql: any SQLDatabase) async throws -> Coupon? {
        try await sql.raw("SELECT \(unsafeRaw: columnList) FROM billing_coupons WHERE id = \(bind: id)").first().map(decode)
    }

    /// Every coupon (`createdBy == nil`) or those one user created, newest first.
    static func list(createdBy: String?, on sql: any SQLDatabase) async throws -> [Coupon] {
        var select = sql.select().column(SQLRaw(columnList)).from("billing_coupons")
        if let createdBy { select = select.where("created_by", .equal, createdBy) }
        return try await select.orderBy("created_at", .descending).orderBy("id", .descending).limit(500).all().map(decode)
    }

    static func deactivate(id: String, on sql: any SQLDatabase) async throws {
        try await sql.update("billing_coupons").set("active", to: false).where("id", .equal, id).run()
    }

    /// Counts one redemption unless the limit is reached; `false` when it was.
    static func redeem(id: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE billing_coupons SET redemptions = redemptions + 1
            WHERE id = \(bind: id) AND (max_redemptions IS NULL OR redemptions < max_redemptions) RETURNING id
            """
        ).first() != nil
    }

    static func decode(_ row: any SQLRow) throws -> Coupon {
        Coupon(
            id: try row.decode(column: "id", as: String.self),
            code: try row.decode(column: "code", as: String.self),
            percentOff: try row.decode(column: "percent_off", as: Int?.self),
            amountOff: try row.decode(column: "amount_off", as: Int?.self),
            currency: try row.decode(column: "currency", as: String?.self),
            courseID: try row.decode(column: "course_id", as: String?.self),
            expiresAt: try row.decode(column: "expires_at", as: Date?.self),
            maxRedemptions: try row.decode(column: "max_redemptions", as: Int?.self),
            redemptions: try row.decode(column: "redemptions", as: Int.self),
            isActive: try row.decode(column: "active", as: Bool.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}
