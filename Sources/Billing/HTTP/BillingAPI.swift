import Foundation
import HTTPTypes
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import NIOCore

/// Billing's JSON API: checkout, Stripe's webhook, purchases and receipts, revenue, payments and refunds, coupons.
struct BillingAPI: Sendable {
    let billing: BillingService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post("courses/:course/checkout", use: checkout)
        api.post("payments/webhook", use: webhook)
        api.get("me/purchases", use: purchases)
        api.get("me/purchases/:order", use: receipt)
        api.get("courses/:course/revenue", use: revenue)
        api.get("admin/payments", use: payments)
        api.post("admin/payments/:order/refund", use: refund)
        api.get("coupons", use: coupons)
        api.post("coupons", use: createCoupon)
        api.post("coupons/:coupon/deactivate", use: deactivateCoupon)
    }

    /// `{"couponCode": "..."}`, or no body.
    struct CheckoutBody: Decodable {
        let couponCode: String?
    }

    struct CouponBody: Decodable {
        let code: String
        let percentOff: Int?
        let amountOff: Int?
        let currency: String?
        let courseId: String?
        let expiresAt: Date?
        let maxRedemptions: Int?
    }

    private func parameter(_ name: String, _ context: AppRequestContext) throws(AppError) -> String {
        guard let value = context.parameters.get(name), !value.isEmpty else { throw AppError.notFound() }
        return value
    }

    @Sendable func checkout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let hasBody = request.headers[.contentType] != nil || (request.headers[.contentLength].flatMap(Int.init) ?? 0) > 0
        let body = hasBody ? try await request.decodeJSON(CheckoutBody.self, context: context) : nil
        if let code = body?.couponCode, code.count > 40 { throw AppError.validation(["couponCode": "must be at most 40 characters"]) }
        let start = try await billing.checkout(principal, course: try parameter("course", context), couponCode: body?.couponCode)
        return try JSONResponse.encode(CheckoutView(orderId: start.orderID, url: start.url, enrolled: start.enrolled), status: .created)
    }

    /// Stripe's events. Public: Stripe signs the body instead (`Stripe-Signature`), so there is no bearer token.
    @Sendable func webhook(_ request: Request, context: AppRequestContext) async throws -> Response {
        let buffer = try await request.collectBody(context: context)
        let signature = request.headers[HTTPField.Name("Stripe-Signature")!]
        let outcome = try await billing.receiveWebhook(body: Array(buffer.readableBytesView), signature: signature)
        return try JSONResponse.encode(WebhookReceiptView(received: true, outcome: outcome.rawValue))
    }

    @Sendable func purchases(_ request: Request, context: AppRequestContext) async throws -> Response {
        let orders = try await billing.purchases(try context.requirePrincipal())
        return try JSONResponse.encode(OrderListView(orders: orders.map { OrderView($0) }))
    }

    @Sendable func receipt(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let order = try await billing.order(principal, id: try parameter("order", context))
        return try JSONResponse.encode(OrderView(order, forAdmin: principal.isAdmin))
    }

    @Sendable func revenue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let revenue = try await billing.revenue(try context.requirePrincipal(), course: try parameter("course", context))
        return try JSONResponse.encode(RevenueView(revenue))
    }

    @Sendable func payments(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        var status: OrderStatus?
        if let text = query.get("status") {
            guard let parsed = OrderStatus(rawValue: text) else {
                throw AppError.badRequest("invalid_status", "status must be one of \(OrderStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            status = parsed
        }
        let limit = try PageLimit.parse(query.get("limit"))
        let cursor = try query.get("cursor").map { text throws(AppError) in try PageCursor(decoding: text) }
        let page = try await billing.payments(principal, status: status, limit: limit, cursor: cursor)
        return try JSONResponse.encode(PaymentPageView(orders: page.orders.map { OrderView($0, forAdmin: true) }, nextCursor: page.next?.encoded))
    }

    @Sendable func refund(_ request: Request, context: AppRequestContext) async throws -> Response {
        let order = try await billing.refund(try context.requirePrincipal(), orderID: try parameter("order", context))
        return try JSONResponse.encode(OrderView(order, forAdmin: true))
    }

    @Sendable func coupons(_ request: Request, context: AppRequestContext) async throws -> Response {
        let coupons = try await billing.coupons(try context.requirePrincipal())
        return try JSONResponse.encode(CouponListView(coupons: coupons.map(CouponView.init)))
    }

    @Sendable func createCoupon(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeJSON(CouponBody.self, context: context)
        let draft = CouponDraft(
            code: body.code, percentOff: body.percentOff, amountOff: body.amountOff, currency: body.currency, courseID: body.courseId,
            expiresAt: body.expiresAt, maxRedemptions: body.maxRedemptions
        )
        return try JSONResponse.encode(CouponView(try await billing.createCoupon(principal, draft)), status: .created)
    }

    @Sendable func deactivateCoupon(_ request: Request, context: AppRequestContext) async throws -> Response {
        let coupon = try await billing.deactivateCoupon(try context.requirePrincipal(), id: try parameter("coupon", context))
        return try JSONResponse.encode(CouponView(coupon))
    }
}
