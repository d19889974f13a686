import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Stripe's REST API, the two calls Billing makes: Checkout Sessions and refunds. Every POST carries the
/// secret key as a bearer token, an `Idempotency-Key` the caller derives from the order (so a retried call, ours
/// or a repeated request's, creates nothing twice) and a pinned `Stripe-Version`.
struct StripeClient: Sendable {
    /// The API version requests are written against.
    static let apiVersion = "2024-06-20"
    /// Attempts per call: a call that found Stripe unavailable is repeated once with the same idempotency key.
    static let attempts = 2

    let secretKey: String
    let apiBase: String
    let timeout: Duration
    let httpClient: HTTPClient
    let logger: Logger

    init(secretKey: String, apiBase: String, timeout: Duration, httpClient: HTTPClient = .shared, logger: Logger) {
        self.secretKey = secretKey
        self.apiBase = apiBase.hasSuffix("/") ? String(apiBase.dropLast()) : apiBase
        self.timeout = timeout
        self.httpClient = httpClient
        self.logger = logger
    }

    /// Creates a Checkout Session in payment mode for one course.
    func createCheckoutSession(_ checkout: CheckoutRequest, idempotencyKey: String) async throws(StripeError) -> CheckoutSession {
        let object = try await post("/v1/checkout/sessions", form: checkout.form, idempotencyKey: idempotencyKey)
        guard let id = object["id"] as? String, let url = object["url"] as? String else {
            throw .unexpectedAnswer("a checkout session without id or url")
        }
        return CheckoutSession(id: id, url: url)
    }

    /// Refunds a payment in full.
    func createRefund(paymentIntent: String, orderID: String, idempotencyKey: String) async throws(StripeError) -> StripeRefund {
        var form = StripeForm()
        form.add("payment_intent", paymentIntent)
        form.add("metadata[order_id]", orderID)
        let object = try await post("/v1/refunds", form: form, idempotencyKey: idempotencyKey)
        guard let id = object["id"] as? String else { throw .unexpectedAnswer("a refund without id") }
        return StripeRefund(id: id, status: object["status"] as? String ?? "pending")
    }

    private func post(_ path: String, form: StripeForm, idempotencyKey: String) async throws(StripeError) -> [String: Any] {
        var failure = StripeError.unavailable("not attempted")
        for attempt in 1...Self.attempts {
            do {
                return try await postOnce(path, form: form, idempotencyKey: idempotencyKey)
            } catch .unavailable(let reason) {
                logger.warning("Stripe \(path) attempt \(attempt) failed: \(reason)")
                failure = .unavailable(reason)
            } catch {
                throw error
            }
        }
        throw failure
    }

    private func postOnce(_ path: String, form: StripeForm, idempotencyKey: String) async throws(StripeError) -> [String: Any] {
        var request = HTTPClientRequest(url: apiBase + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(secretKey)")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Idempotency-Key", value: idempotencyKey)
        request.headers.add(name: "Stripe-Version", value: Self.apiVersion)
        request.body = .bytes(ByteBuffer(string: form.encoded))
        let status: Int
        let body: ByteBuffer
        do {
            let response = try await httpClient.execute(request, timeout: .seconds(timeout.components.seconds))
            status = Int(response.status.code)
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw .unavailable(String(describing: error))
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any]
        if (200..<300).contains(status), let object { return object }
        if status >= 500 || status == 429 { throw .unavailable("HTTP \(status)") }
        guard let error = object?["error"] as? [String: Any] else { throw .unexpectedAnswer("HTTP \(status) without an error object") }
        throw .refused(
            status: status, type: error["type"] as? String ?? "api_error", code: error["code"] as? String,
            message: error["message"] as? String ?? "no message"
        )
    }
}

/// What Billing asks Stripe to sell: one course at one amount, returning to our pages.
struct CheckoutRequest: Sendable {
    let orderID: String
    let courseTitle: String
    let amountMinor: Int
    let currency: String
    let customerEmail: String?
    let successURL: String
    let cancelURL: String

    /// The session's form: payment mode, one line item with inline price data, our order id as the client
    /// reference and in the metadata of the session and of its payment intent (so refunds and disputes name it).
    var form: StripeForm {
        var form = StripeForm()
        form.add("mode", "payment")
        form.add("line_items[0][quantity]", "1")
        form.add("line_items[0][price_data][currency]", currency)
        form.add("line_items[0][price_data][unit_amount]", String(amountMinor))
        form.add("line_items[0][price_data][product_data][name]", courseTitle)
        form.add("success_url", successURL)
        form.add("cancel_url", cancelURL)
        form.add("client_reference_id", orderID)
        form.add("metadata[order_id]", orderID)
        form.add("payment_intent_data[metadata][order_id]", orderID)
        if let customerEmail { form.add("customer_email", customerEmail) }
        return form
    }
}

/// A created Checkout Session.
struct CheckoutSession: Sendable, Equatable {
    let id: String
    let url: String
}

/// A created refund.
struct StripeRefund: Sendable, Equatable {
    let id: String
    let status: String
}
