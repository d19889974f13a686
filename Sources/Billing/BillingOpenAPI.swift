/// The OpenAPI 3.1 description of the Billing API: checkout, Stripe's webhook, purchases and receipts, revenue,
/// payments and refunds, coupons. Paths are relative to `/api/v1`.
enum BillingOpenAPI {
    /// `{"paths": {...}, "components": {"schemas": {...}}}` for the Billing routes.
    static let fragment = #"""
        {
          "paths": {
            "/courses/{course}/checkout": {
              "post": {
                "summary": "Start buying a paid course: an order and a Stripe Checkout Session",
                "operationId": "startCheckout",
                "description": "Creates a `pending` order and a Stripe Checkout Session for the course's price, less an optional coupon, and answers Stripe's payment page. A pending order of the caller for the same course and amount whose session is still open is answered again. A coupon that takes the whole price enrolls at once (`enrolled`, no `url`). The body is optional.",
                "security": [{"bearer": []}],
                "parameters": [{"name": "course", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}, "description": "The course's id or slug"}],
                "requestBody": {
                  "required": false,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckoutRequest"}}}
                },
                "responses": {
                  "201": {"description": "The order and where to pay", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckoutStart"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "402": {"description": "`not_available_for_purchase`: payments are not set up on this site", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"description": "`already_enrolled` (or staff of the course) or `course_free`", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"description": "`coupon_invalid`, `coupon_expired`, `coupon_exhausted`, `amount_too_small` or `validation_failed`", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "502": {"description": "`payment_provider_error`: Stripe refused the session; the order is `failed`", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "503": {"description": "`payment_provider_unavailable`: Stripe could not be reached; the order is `failed`", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
              }
            },
            "/payments/webhook": {
              "post": {
                "summary": "Stripe's webhook: signed events about checkouts, refunds and disputes",
                "operationId": "stripeWebhook",
                "description": "Public: Stripe signs the raw body instead of sending a token. `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=…]`, each `v1` an HMAC-SHA256 of `<t>.<body>` under one of `LYCEUM_STRIPE_WEBHOOK_SECRET`'s secrets, `t` within five minutes. Anything else is 400 with no effect. Each event id takes effect once; unknown types are recorded and ignored.",
                "security": [],
                "parameters": [
                  {"name": "Stripe-Signature", "in": "header", "required": true, "schema": {"type": "string", "maxLength": 2048}, "description": "Stripe's signature header"}
                ],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StripeEvent"}}}
                },
                "responses": {
                  "200": {"description": "Received (`processed`, `duplicate` or `ignored`)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookReceipt"}}}},
                  "400": {"description": "`invalid_signature` or `malformed_event`: nothing was done", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "413": {"$ref": "#/components/responses/TooLarge"}
                }
              }
            },
            "/me/purchases": {
              "get": {
                "summary": "The caller's purchases (paid, disputed or refunded orders), newest first",
                "operationId": "listPurchases",
                "security": [{"bearer": []}],
                "responses": {
                  "200": {"description": "The purchases", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrderList"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"}
                }
              }
            },
            "/me/purchases/{order}": {
              "get": {
                "summary": "One order's receipt: the buyer's own, or any for an admin",
                "operationId": "getPurchase",
                "security": [{"bearer": []}],
                "parameters": [{"name": "order", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 64}, "description": "The order's id"}],
                "responses": {
                  "200": {"description": "The order", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/courses/{course}/revenue": {
              "get": {
                "summary": "A course's revenue: totals per currency and sales per day (its owner and admins)",
                "operationId": "courseRevenue",
                "security": [{"bearer": []}],
                "parameters": [{"name": "course", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}, "description": "The course's id or slug"}],
                "responses": {
                  "200": {"description": "The revenue", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CourseRevenue"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/admin/payments": {
              "get": {
                "summary": "Every order, newest first (admins)",
                "operationId": "listPayments",
                "security": [{"bearer": []}],
                "parameters": [
                  {"name": "status", "in": "query", "required": false, "schema": {"$ref": "#/components/schemas/OrderStatus"}, "description": "Only orders in this state"},
                  {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}, "description": "Page size"},
                  {"name": "cursor", "in": "query", "required": false, "schema": {"type": "string", "maxLength": 256}, "description": "`nextCursor` of the previous page"}
                ],
                "responses": {
                  "200": {"description": "A page of orders", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PaymentPage"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/admin/payments/{order}/refund": {
              "post": {
                "summary": "Refund a paid order in full through Stripe (admins)",
                "operationId": "refundPayment",
                "description": "Asks Stripe for a refund with the idempotency key `refund:<order>`, so repeated requests refund once. The order is `refunded` as soon as Stripe accepts, the seat is taken back and the refund email queued; the `charge.refunded` webhook that follows changes nothing.",
                "security": [{"bearer": []}],
                "parameters": [{"name": "order", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 64}, "description": "The order's id"}],
                "responses": {
                  "200": {"description": "The refunded order", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "402": {"description": "`not_available_for_purchase`: payments are not set up", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"description": "`not_refundable`: the order is not paid", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "502": {"description": "`payment_provider_error`: Stripe refused the refund", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "503": {"description": "`payment_provider_unavailable`: Stripe could not be reached", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
                }
              }
            },
            "/coupons": {
              "get": {
                "summary": "Coupons: every one for admins, their own for instructors",
                "operationId": "listCoupons",
                "security": [{"bearer": []}],
                "responses": {
                  "200": {"description": "The coupons", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CouponList"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "summary": "Create a coupon (admins: any; instructors: for a course they own)",
                "operationId": "createCoupon",
                "description": "Exactly one of `percentOff` and `amountOff`. A fixed amount is in the course's currency (site-wide: `currency`). Codes are unique without regard to case.",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CouponRequest"}}}},
                "responses": {
                  "201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Coupon"}}}},
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"description": "`coupon_code_taken`", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/Unsupported"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/coupons/{coupon}/deactivate": {
              "post": {
                "summary": "Stop a coupon from applying to new checkouts (admins, or its creator)",
                "operationId": "deactivateCoupon",
                "security": [{"bearer": []}],
                "parameters": [{"name": "coupon", "in": "path", "required": true, "schema": {"type": "string", "minLength": 1, "maxLength": 64}, "description": "The coupon's id"}],
                "responses": {
                  "200": {"description": "The coupon, inactive", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Coupon"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            }
          },
          "components": {
            "schemas": {
              "OrderStatus": {"type": "string", "enum": ["pending", "paid", "expired", "failed", "refunded", "disputed"]},
              "CheckoutRequest": {
                "type": "object",
                "properties": {"couponCode": {"type": ["string", "null"], "maxLength": 40, "description": "A coupon code, any case"}}
              },
              "CheckoutStart": {
                "type": "object", "required": ["orderId", "enrolled"], "additionalProperties": false,
                "properties": {
                  "orderId": {"type": "string"},
                  "url": {"type": "string", "description": "Stripe's payment page; absent when a coupon made the course free"},
                  "enrolled": {"type": "boolean"}
                }
              },
              "StripeEvent": {
                "type": "object", "required": ["id", "type", "data"],
                "properties": {
                  "id": {"type": "string"}, "type": {"type": "string"},
                  "data": {"type": "object", "required": ["object"], "properties": {"object": {"type": "object"}}}
                }
              },
              "WebhookReceipt": {
                "type": "object", "required": ["received", "outcome"], "additionalProperties": false,
                "properties": {"received": {"type": "boolean"}, "outcome": {"type": "string", "enum": ["processed", "duplicate", "ignored"]}}
              },
              "Order": {
                "type": "object",
                "required": ["id", "courseId", "courseTitle", "listAmount", "amount", "currency", "amountText", "status", "createdAt"],
                "additionalProperties": false,
                "properties": {
                  "id": {"type": "string"}, "courseId": {"type": "string"}, "courseTitle": {"type": "string"},
                  "listAmount": {"type": "integer", "minimum": 0, "description": "The price before the coupon, in minor units"},
                  "amount": {"type": "integer", "minimum": 0, "description": "What was paid, in minor units"},
                  "currency": {"type": "string", "pattern": "^[a-z]{3}$"},
                  "amountText": {"type": "string", "examples": ["$49.00"]},
                  "couponCode": {"type": "string"},
                  "status": {"$ref": "#/components/schemas/OrderStatus"},
                  "createdAt": {"type": "string", "format": "date-time"},
                  "paidAt": {"type": "string", "format": "date-time"},
                  "refundedAt": {"type": "string", "format": "date-time"},
                  "disputedAt": {"type": "string", "format": "date-time"},
                  "userId": {"type": "string", "description": "Admins only"},
                  "checkoutSessionId": {"type": "string", "description": "Admins only"},
                  "paymentIntentId": {"type": "string", "description": "Admins only"},
                  "refundId": {"type": "string", "description": "Admins only"}
                }
              },
              "OrderList": {
                "type": "object", "required": ["orders"], "additionalProperties": false,
                "properties": {"orders": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}}}
              },
              "PaymentPage": {
                "type": "object", "required": ["orders"], "additionalProperties": false,
                "properties": {"orders": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}}, "nextCursor": {"type": "string"}}
              },
              "CourseRevenue": {
                "type": "object", "required": ["courseId", "courseTitle", "totals", "days"], "additionalProperties": false,
                "properties": {
                  "courseId": {"type": "string"}, "courseTitle": {"type": "string"},
                  "totals": {"type": "array", "items": {
                    "type": "object", "required": ["currency", "netAmount", "netAmountText", "sales", "refunds"], "additionalProperties": false,
                    "properties": {"currency": {"type": "string"}, "netAmount": {"type": "integer"}, "netAmountText": {"type": "string"}, "sales": {"type": "integer"}, "refunds": {"type": "integer"}}
                  }},
                  "days": {"type": "array", "items": {
                    "type": "object", "required": ["date", "currency", "amount", "sales"], "additionalProperties": false,
                    "properties": {"date": {"type": "string", "format": "date"}, "currency": {"type": "string"}, "amount": {"type": "integer"}, "sales": {"type": "integer"}}
                  }}
                }
              },
              "CouponRequest": {
                "type": "object", "required": ["code"],
                "properties": {
                  "code": {"type": "string", "minLength": 3, "maxLength": 40, "pattern": "^[A-Za-z0-9_-]+$"},
                  "percentOff": {"type": ["integer", "null"], "minimum": 1, "maximum": 100},
                  "amountOff": {"type": ["integer", "null"], "minimum": 1, "maximum": 100000000, "description": "Minor units"},
                  "currency": {"type": ["string", "null"], "pattern": "^[A-Za-z]{3}$"},
                  "courseId": {"type": ["string", "null"], "maxLength": 80, "description": "The course's id or slug; absent for every course (admins only)"},
                  "expiresAt": {"type": ["string", "null"], "format": "date-time"},
                  "maxRedemptions": {"type": ["integer", "null"], "minimum": 1, "maximum": 1000000}
                }
              },
              "Coupon": {
                "type": "object", "required": ["id", "code", "redemptions", "active", "createdAt"], "additionalProperties": false,
                "properties": {
                  "id": {"type": "string"}, "code": {"type": "string"},
                  "percentOff": {"type": "integer"}, "amountOff": {"type": "integer"}, "currency": {"type": "string"}, "courseId": {"type": "string"},
                  "expiresAt": {"type": "string", "format": "date-time"}, "maxRedemptions": {"type": "integer"},
                  "redemptions": {"type": "integer"}, "active": {"type": "boolean"}, "createdAt": {"type": "string", "format": "date-time"}
                }
              },
              "CouponList": {
                "type": "object", "required": ["coupons"], "additionalProperties": false,
                "properties": {"coupons": {"type": "array", "items": {"$ref": "#/components/schemas/Coupon"}}}
              }
            }
          }
        }
        """#
}
