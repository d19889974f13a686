import LyceumPlatform

/// Billing's tables (versions 700–799): orders, the webhook events already processed, and coupons. Users and
/// courses are referenced by id only, with no foreign key into Identity's or Courses' tables.
public enum BillingMigrations {
    /// Every Billing migration, in order.
    public static let all: [Migration] = [
        Migration(version: 700, name: "create_orders_webhook_events_coupons") { engine in
            let timestamp = ColumnType.timestamp(engine)
            let boolean = ColumnType.boolean(engine)
            return [
                """
                CREATE TABLE billing_orders (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL,
                    course_id TEXT NOT NULL,
                    course_title TEXT NOT NULL,
                    list_amount INTEGER NOT NULL CHECK (list_amount >= 0),
                    amount INTEGER NOT NULL CHECK (amount >= 0),
                    currency TEXT NOT NULL,
                    coupon_id TEXT,
                    coupon_code TEXT,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'expired', 'failed', 'refunded', 'disputed')),
                    checkout_session_id TEXT UNIQUE,
                    checkout_url TEXT,
                    payment_intent_id TEXT,
                    refund_id TEXT,
                    created_at \(timestamp) NOT NULL,
                    updated_at \(timestamp) NOT NULL,
                    paid_at \(timestamp),
                    refunded_at \(timestamp),
                    disputed_at \(timestamp)
                )
                """,
                "CREATE INDEX billing_orders_user ON billing_orders (user_id, created_at)",
                "CREATE INDEX billing_orders_course ON billing_orders (course_id, status)",
                "CREATE INDEX billing_orders_status ON billing_orders (status, created_at, id)",
                "CREATE INDEX billing_orders_created ON billing_orders (created_at, id)",
                "CREATE INDEX billing_orders_payment_intent ON billing_orders (payment_intent_id)",
                """
                CREATE TABLE billing_webhook_events (
                    event_id TEXT PRIMARY KEY,
                    type TEXT NOT NULL,
                    order_id TEXT,
                    received_at \(timestamp) NOT NULL
                )
                """,
                """
                CREATE TABLE billing_coupons (
                    id TEXT PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    percent_off INTEGER CHECK (percent_off BETWEEN 1 AND 100),
                    amount_off INTEGER CHECK (amount_off > 0),
                    currency TEXT,
                    course_id TEXT,
                    expires_at \(timestamp),
                    max_redemptions INTEGER CHECK (max_redemptions > 0),
                    redemptions INTEGER NOT NULL DEFAULT 0,
                    active \(boolean) NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at \(timestamp) NOT NULL,
                    CHECK ((percent_off IS NULL) <> (amount_off IS NULL))
                )
                """,
                "CREATE INDEX billing_coupons_course ON billing_coupons (course_id)",
            ]
        },
    ]
}
