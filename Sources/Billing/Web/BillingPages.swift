import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// Billing's pages: buying a course, returning from Stripe, purchases and receipts, an instructor's revenue,
/// and the admins' payments (with refunds) and coupons.
struct BillingPages: Sendable {
    typealias Content = BillingPageContent
    let billing: BillingService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("courses/:course/buy", use: buyPage)
        pages.post("courses/:course/buy", use: buy)
        pages.get("checkout/success", use: success)
        pages.get("checkout/cancel", use: cancelled)
        pages.get("purchases", use: purchases)
        pages.get("purchases/:order", use: receipt)
        pages.get("teach/courses/:course/revenue", use: revenue)
        pages.get("admin/payments", use: payments)
        pages.post("admin/payments/:order/refund", use: refund)
        pages.get("admin/coupons", use: coupons)
        pages.post("admin/coupons", use: createCoupon)
        pages.post("admin/coupons/:coupon/deactivate", use: deactivateCoupon)
    }

    private func parameter(_ name: String, _ context: AppRequestContext) throws(AppError) -> String {
        guard let value = context.parameters.get(name), !value.isEmpty else { throw AppError.notFound() }
        return value
    }

    static func row(_ order: Order, buyer: String? = nil) -> Content.OrderRow {
        Content.OrderRow(
            id: order.id, courseTitle: order.courseTitle, amount: CoursePrice.text(amountMinor: order.amount, currency: order.currency),
            status: order.status.rawValue, date: PageFormat.date(order.createdAt), coupon: order.couponCode?.uppercased(),
            refundable: order.status.grantsSeat, buyer: buyer
        )
    }

    // MARK: Buying

    @Sendable func buyPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try parameter("course", context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/courses/\(slug)/buy") }
        return try await buyForm(slug, context: context, couponCode: "", error: nil, status: .ok)
    }

    private func buyForm(_ slug: String, context: AppRequestContext, couponCode: String, error: String?, status: HTTPResponse.Status) async throws -> Response {
        guard let course = try await billing.courses.course(slug), course.isPublished, let price = course.price else { throw AppError.notFound("course") }
        let content = Content.Buy(slug: course.slug, courseTitle: course.title, price: price.text, purchasable: billing.isPurchasable, couponCode: couponCode)
        return try renderer.render(
            Page("billing-buy", title: "Buy \(course.title)", content: content, section: .courses, narrow: true, error: error), context: context, status: status
        )
    }

    /// Starts the checkout and sends the buyer to Stripe (303), or to the course when a coupon made it free; a
    /// refusal re-renders the form with its message and status.
    @Sendable func buy(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try parameter("course", context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/courses/\(slug)/buy") }
        let coupon = try context.submittedForm()["couponCode"].trimmingCharacters(in: .whitespaces)
        do {
            let start = try await billing.checkout(context.principal, course: slug, couponCode: coupon.isEmpty ? nil : String(coupon.prefix(40)))
            return PageRenderer.redirect(to: start.url ?? "/courses/\(slug)")
        } catch let error as AppError where error.status < 500 && error.status != 404 && error.status != 401 {
            return try await buyForm(slug, context: context, couponCode: coupon, error: error.message, status: .init(code: error.status))
        }
    }

    @Sendable func success(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: request.uri.description) }
        guard let sessionID = request.uri.queryParameters.get("session_id"), !sessionID.isEmpty, sessionID.count <= 255 else {
            throw AppError.notFound("order")
        }
        let order = try await billing.order(context.principal, sessionID: sessionID)
        let slug = try await billing.courses.course(order.courseID)?.slug ?? order.courseID
        var components = URLComponents()
        components.path = "/checkout/success"
        components.queryItems = [URLQueryItem(name: "session_id", value: sessionID)]
        let content = Content.Success(
            courseTitle: order.courseTitle, courseURL: "/courses/\(slug)", amount: CoursePrice.text(amountMinor: order.amount, currency: order.currency),
            paid: order.status.grantsSeat, refreshURL: components.string ?? "/purchases", receiptURL: "/purchases/\(order.id)"
        )
        return try renderer.render(Page("billing-success", title: "Your purchase", content: content, section: .learning, narrow: true), context: context)
    }

    @Sendable func cancelled(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = request.uri.queryParameters.get("course").flatMap { text in
            text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } && !text.isEmpty ? text : nil
        }
        let content = Content.Cancelled(courseURL: slug.map { "/courses/\($0)" })
        return try renderer.render(Page("billing-cancel", title: "Checkout cancelled", content: content, section: .courses, narrow: true), context: context)
    }

    // MARK: Records

    @Sendable func purchases(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/purchases") }
        let orders = try await billing.purchases(context.principal)
        return try renderer.render(
            Page("billing-purchases", title: "My purchases", content: Content.Purchases(orders: orders.map { Self.row($0) }), section: .learning),
            context: context
        )
    }

    @Sendable func receipt(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try parameter("order", context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/purchases/\(id)") }
        let order = try await billing.order(context.principal, id: id)
        let content = Content.Receipt(
            order: Self.row(order), listAmount: CoursePrice.text(amountMinor: order.listAmount, currency: order.currency),
            paidDate: order.paidAt.map(PageFormat.date), refundedDate: order.refundedAt.map(PageFormat.date)
        )
        return try renderer.render(Page("billing-receipt", title: "Receipt", content: content, section: .learning, narrow: true), context: context)
    }

    @Sendable func revenue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try parameter("course", context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/teach/courses/\(slug)/revenue") }
        let revenue = try await billing.revenue(context.principal, course: slug)
        let main = revenue.totals.max { $0.netAmount < $1.netAmount }?.currency
        let content = Content.Revenue(
            slug: slug, courseTitle: revenue.courseTitle,
            totals: revenue.totals.map { .init(amount: CoursePrice.text(amountMinor: $0.netAmount, currency: $0.currency), sales: $0.sales, refunds: $0.refunds) },
            chartSVG: main.flatMap { RevenueChart.svg(revenue.days, currency: $0) }
        )
        return try renderer.render(Page("billing-revenue", title: "Revenue of \(revenue.courseTitle)", content: content, section: .teach), context: context)
    }

    // MARK: Admin

    @Sendable func payments(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/admin/payments") }
        let query = request.uri.queryParameters
        let status = query.get("status").flatMap(OrderStatus.init(rawValue:))
        let cursor = try query.get("cursor").flatMap { $0.isEmpty ? nil : $0 }.map { text throws(AppError) in try PageCursor(decoding: text) }
        let page = try await billing.payments(context.principal, status: status, limit: PageLimit.defaultSize, cursor: cursor)
        let buyers = try await billing.users.summaries(ids: Array(Set(page.orders.map(\.userID))))
        let next = page.next.map { cursor in
            var components = URLComponents()
            components.path = "/admin/payments"
            components.queryItems = (status.map { [URLQueryItem(name: "status", value: $0.rawValue)] } ?? []) + [URLQueryItem(name: "cursor", value: cursor.encoded)]
            return components.string ?? "/admin/payments"
        }
        let content = Content.Payments(
            orders: page.orders.map { Self.row($0, buyer: buyers[$0.userID]?.email ?? buyers[$0.userID]?.displayName ?? $0.userID) },
            filters: OrderStatus.allCases.map { .init(value: $0.rawValue, selected: $0 == status) }, nextURL: next
        )
        return try renderer.render(Page("billing-payments", title: "Payments", content: content, section: .admin), context: context)
    }

    @Sendable func refund(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try parameter("order", context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/admin/payments") }
        _ = try context.submittedForm()
        let order = try await billing.refund(context.principal, orderID: id)
        return FlashNotice.redirect(to: "/admin/payments", notice: "Refunded \(order.courseTitle) for \(CoursePrice.text(amountMinor: order.amount, currency: order.currency)).", context: context)
    }

    @Sendable func coupons(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/admin/coupons") }
        return try await couponsPage(context: context, error: nil, status: .ok)
    }

    private func couponsPage(context: AppRequestContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let coupons = try await billing.coupons(context.principal)
        let rows = coupons.map { coupon in
            Content.Coupons.Row(
                id: coupon.id, code: coupon.code.uppercased(),
                discount: coupon.percentOff.map { "\($0)%" } ?? CoursePrice.text(amountMinor: coupon.amountOff ?? 0, currency: coupon.currency ?? "usd"),
                scope: coupon.courseID == nil ? "Every course" : "One course", expires: coupon.expiresAt.map(PageFormat.date),
                redemptions: "\(coupon.redemptions)\(coupon.maxRedemptions.map { " of \($0)" } ?? "")", active: coupon.isActive
            )
        }
        return try renderer.render(
            Page("billing-coupons", title: "Coupons", content: Content.Coupons(coupons: rows), section: .admin, error: error), context: context, status: status
        )
    }

    /// Creates a coupon from the form (percent or amount, optional course, expiry in days and limit).
    @Sendable func createCoupon(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/admin/coupons") }
        let form = try context.submittedForm()
        let days = form.nonEmpty("expiresInDays").flatMap(Int.init)
        let draft = CouponDraft(
            code: form["code"], percentOff: form.nonEmpty("percentOff").flatMap(Int.init),
            amountOff: form.nonEmpty("amountOff").flatMap { MoneyInput.minorUnits($0) }, currency: form.nonEmpty("currency"),
            courseID: form.nonEmpty("course"), expiresAt: days.map { billing.clock.now().addingTimeInterval(Double(min(max($0, 0), 3650)) * 86_400) },
            maxRedemptions: form.nonEmpty("maxRedemptions").flatMap(Int.init)
        )
        do {
            _ = try await billing.createCoupon(context.principal, draft)
        } catch let error as AppError where error.status == 422 || error.status == 409 || (error.status == 404 && draft.courseID != nil) {
            let detail = error.fields.map { "\($0.key) \($0.value)" }.sorted().joined(separator: "; ")
            return try await couponsPage(context: context, error: detail.isEmpty ? error.message : detail, status: .init(code: error.status))
        }
        return FlashNotice.redirect(to: "/admin/coupons", notice: "Created the coupon \(draft.code.uppercased()).", context: context)
    }

    @Sendable func deactivateCoupon(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try parameter("coupon", context)
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/admin/coupons") }
        _ = try context.submittedForm()
        let coupon = try await billing.deactivateCoupon(context.principal, id: id)
        return FlashNotice.redirect(to: "/admin/coupons", notice: "Deactivated \(coupon.code.uppercased()).", context: context)
    }
}

/// Amounts as people type them ("10", "10.5", "10,50") in minor units.
enum MoneyInput {
    static func minorUnits(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, whole < 10_000_000 else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let cents = Int(parts[1]) else { return nil }
        return whole * 100 + (parts[1].count == 1 ? cents * 10 : cents)
    }
}
