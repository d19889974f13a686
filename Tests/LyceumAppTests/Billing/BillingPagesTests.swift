import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumTestSupport
import Testing

/// The billing pages: the course page's Buy button, the buy form posting to Stripe (303), the return page
/// before and after the webhook, purchases and receipts, the revenue chart, and the admins' refund and coupons.
@Suite("Billing pages")
struct BillingPagesTests {
    @Test("buying through the pages: Buy, 303 to Stripe, confirming then enrolled, receipt, revenue chart, admin refund", arguments: TestEngine.available)
    func pages(engine: TestEngine) async throws {
        try await BillingTestSupport.run(engine) { app, stripe in
            let (owner, course) = try await app.paidCourse(priceMinor: 4900, currency: "eur")
            let student = try await app.register()
            let admin = try await app.account(role: .admin)
            let browser = try await Browser.signedIn(app, as: student)

            let coursePage = try await browser.get("/courses/\(course.slug)")
            #expect(coursePage.text.contains("Buy for €49.00"))
            #expect(!coursePage.text.contains("action=\"/courses/\(course.slug)/enroll\""))
            let form = try await browser.get("/courses/\(course.slug)/buy")
            #expect(form.status == .ok && form.text.contains("Continue to payment"))
            // Browsers apply form-action to the redirect that answers the form, so Checkout's origin must be allowed.
            #expect(form.headers[.contentSecurityPolicy]?.contains("form-action 'self' \(stripe.baseURL);") == true)
            let refused = try await browser.post("/courses/\(course.slug)/buy", form: ["couponCode": "NOPE"])
            #expect(refused.status == .unprocessableContent && refused.text.contains("No such coupon."))
            let bought = try await browser.post("/courses/\(course.slug)/buy", form: ["couponCode": ""])
            #expect(bought.status == .seeOther)
            let location = try #require(bought.headers[.location])
            #expect(location.hasPrefix("https://checkout.stripe.test/c/pay/cs_test_"))
            let session = try #require(location.split(separator: "/").last.map(String.init))
            let orderID = try #require(stripe.received.last?.field("client_reference_id"))

            let waiting = try await browser.get("/checkout/success?session_id=\(session)")
            #expect(waiting.status == .ok && waiting.text.contains("We're confirming your payment"))
            #expect(try await app.deliverWebhook(StripeEvents.completed("evt_page_paid", session: session, order: orderID, paymentIntent: "pi_page")).status == .ok)
            try await app.settleJobs()
            let done = try await browser.get("/checkout/success?session_id=\(session)")
            #expect(done.text.contains("Payment received, you're enrolled"))
            #expect(try await browser.get("/checkout/cancel?course=\(course.slug)").text.contains("Nothing was charged"))
            let purchases = try await browser.get("/purchases")
            #expect(purchases.text.contains("/purchases/\(orderID)") && purchases.text.contains("€49.00"))
            #expect(try await browser.get("/purchases/\(orderID)").text.contains("Paid on"))
            #expect(try await Browser.signedIn(app, as: try await app.register()).get("/purchases/\(orderID)").status == .notFound)

            let teacher = try await Browser.signedIn(app, as: owner)
            let revenue = try await teacher.get("/teach/courses/\(course.slug)/revenue")
            #expect(revenue.status == .ok && revenue.text.contains("<svg") && revenue.text.contains("€49.00"))

            let office = try await Browser.signedIn(app, as: admin)
            let payments = try await office.get("/admin/payments")
            #expect(payments.text.contains("/admin/payments/\(orderID)/refund") && payments.text.contains(student.email))
            let refund = try await office.post("/admin/payments/\(orderID)/refund", form: [:])
            #expect(refund.status == .seeOther)
            try await app.settleJobs()
            #expect(try await app.orderStatus(orderID) == "refunded")
            #expect(try await app.activeEnrollments(student.id, course.id) == 0)

            let created = try await office.post("/admin/coupons", form: ["code": "pagecode", "percentOff": "15"])
            #expect(created.status == .seeOther)
            #expect(try await office.get("/admin/coupons").text.contains("PAGECODE"))
            let bad = try await office.post("/admin/coupons", form: ["code": "x", "percentOff": "150"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("percentOff"))
        }
    }

    @Test("the course editor sets price and currency from the supported list", arguments: TestEngine.available)
    func editor(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let browser = try await Browser.signedIn(app, as: owner)
            let editor = try await browser.get("/teach/courses/\(course.slug)")
            #expect(editor.text.contains("<option value=\"GBP\""))
            var form = ["title": "Priced", "summary": "S", "description": "D", "category": "Tests", "tags": "a", "level": "beginner"]
            form["price"] = "12.50"
            form["currency"] = "GBP"
            #expect(try await browser.post("/teach/courses/\(course.slug)", form: form).status == .seeOther)
            let shown = try await app.request(.get, "/api/v1/courses/\(course.id)", token: owner.accessToken).json["course"] as? [String: Any]
            #expect(shown?["priceMinor"] as? Int == 1250 && shown?["currency"] as? String == "GBP")
            form["currency"] = "XYZ"
            let refused = try await browser.post("/teach/courses/\(course.slug)", form: form)
            #expect(refused.status == .unprocessableContent && refused.text.contains("course-currency-error"))
        }
    }
}
