import Foundation

/// The parts of a Stripe event Billing reads: its id and type, and the few fields of `data.object` that name
/// the order and say what happened to it.
struct StripeEvent: Sendable {
    let id: String
    let type: String
    /// The object's own id (a session's `cs_…`, a charge's `ch_…`).
    let objectID: String?
    /// Our order id: the session's `client_reference_id`, or `metadata.order_id` of the session or charge.
    let orderID: String?
    /// The payment intent the object belongs to (a string id, or an expanded object's id).
    let paymentIntent: String?
    /// A Checkout Session's `payment_status`: `paid`, `unpaid` (a delayed method such as SEPA still running)
    /// or `no_payment_required`.
    let paymentStatus: String?
    /// A charge's `refunded`: true only once the whole amount is refunded.
    let refunded: Bool?

    /// Parses an event body; `nil` when it is not an object with a string `id`, a string `type` and `data.object`.
    init?(json: [UInt8]) {
        guard let root = (try? JSONSerialization.jsonObject(with: Data(json))) as? [String: Any],
            let id = root["id"] as? String, !id.isEmpty, id.count <= 255, let type = root["type"] as? String, type.count <= 255,
            let data = root["data"] as? [String: Any], let object = data["object"] as? [String: Any]
        else { return nil }
        self.id = id
        self.type = type
        objectID = object["id"] as? String
        if let reference = object["client_reference_id"] as? String, !reference.isEmpty {
            orderID = reference
        } else {
            orderID = (object["metadata"] as? [String: Any])?["order_id"] as? String
        }
        paymentIntent = object["payment_intent"] as? String ?? (object["payment_intent"] as? [String: Any])?["id"] as? String
        paymentStatus = object["payment_status"] as? String
        refunded = object["refunded"] as? Bool
    }

    /// Whether a Checkout Session's money has arrived (`paid`, or `no_payment_required` for a free session).
    var isPaid: Bool { paymentStatus == "paid" || paymentStatus == "no_payment_required" }
}
