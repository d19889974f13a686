import LyceumWeb

/// Billing's emails: the receipt of a paid order and the notice of its refund. Both are essential (no
/// unsubscribe): they are records of money moving.
enum BillingMailTemplates {
    static let all: [MailTemplate] = [
        MailTemplate(
            "billing.receipt",
            subject: "Your receipt for “{{courseTitle}}”",
            text: """
                Thank you for your purchase. You are enrolled in “{{courseTitle}}”.

                Amount paid: {{amount}}
                {{#hasCoupon}}Coupon: {{couponCode}}
                {{/hasCoupon}}Order: {{orderID}}

                Your receipt: {{receiptURL}}
                """,
            html: """
                <p>Thank you for your purchase. You are enrolled in “{{courseTitle}}”.</p>
                <table role="presentation">
                <tr><td>Amount paid</td><td><strong>{{amount}}</strong></td></tr>
                {{#hasCoupon}}<tr><td>Coupon</td><td>{{couponCode}}</td></tr>{{/hasCoupon}}
                <tr><td>Order</td><td>{{orderID}}</td></tr>
                </table>
                <p><a href="{{receiptURL}}">View your receipt</a></p>
                """
        ),
        MailTemplate(
            "billing.refund",
            subject: "Your refund for “{{courseTitle}}”",
            text: """
                Your payment of {{amount}} for “{{courseTitle}}” has been refunded. Your enrollment in the course has ended.
                The money reaches your account within 5 to 10 business days, depending on your bank.

                Order: {{orderID}}
                Details: {{receiptURL}}
                """,
            html: """
                <p>Your payment of <strong>{{amount}}</strong> for “{{courseTitle}}” has been refunded. Your enrollment in the course has ended.</p>
                <p>The money reaches your account within 5 to 10 business days, depending on your bank.</p>
                <p>Order {{orderID}} · <a href="{{receiptURL}}">details</a></p>
                """
        ),
    ]
}
