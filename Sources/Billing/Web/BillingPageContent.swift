/// What Billing's pages show.
enum BillingPageContent {
    /// The buy page: the price, a coupon field and the button that goes to Stripe.
    struct Buy: Sendable {
        let slug: String
        let courseTitle: String
        let price: String
        let purchasable: Bool
        let couponCode: String
    }

    /// After Stripe: paid (enrolled), or still being confirmed.
    struct Success: Sendable {
        let courseTitle: String
        let courseURL: String
        let amount: String
        let paid: Bool
        let refreshURL: String
        let receiptURL: String
    }

    /// The buyer left Stripe without paying.
    struct Cancelled: Sendable {
        let courseURL: String?
    }

    /// One order as a row.
    struct OrderRow: Sendable {
        let id: String
        let courseTitle: String
        let amount: String
        let status: String
        let date: String
        let coupon: String?
        let refundable: Bool
        let buyer: String?
    }

    /// "My purchases".
    struct Purchases: Sendable {
        let orders: [OrderRow]
    }

    /// One receipt.
    struct Receipt: Sendable {
        let order: OrderRow
        let listAmount: String
        let paidDate: String?
        let refundedDate: String?
    }

    /// An instructor's revenue page with its chart.
    struct Revenue: Sendable {
        struct Total: Sendable {
            let amount: String
            let sales: Int
            let refunds: Int
        }

        let slug: String
        let courseTitle: String
        let totals: [Total]
        let chartSVG: String?
    }

    /// The admins' payments page.
    struct Payments: Sendable {
        struct Filter: Sendable {
            let value: String
            let selected: Bool
        }

        let orders: [OrderRow]
        let filters: [Filter]
        let nextURL: String?
    }

    /// The coupons page.
    struct Coupons: Sendable {
        struct Row: Sendable {
            let id: String
            let code: String
            let discount: String
            let scope: String
            let expires: String?
            let redemptions: String
            let active: Bool
        }

        let coupons: [Row]
    }
}
