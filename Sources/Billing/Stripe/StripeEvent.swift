import Foundation

/// The parts of a Stripe event Billing reads: its id, type and `data.object`.
struct StripeEvent: @unchecked Sendable {
    let id: String
    let type: String
    /// `data.object`, as Stripe sent it (JSON values).
    let object: [String: Any]

    /// Parses an event body; `nil` when it is not an object with a string `id`, a string `type` and `data.object`.
    init?(json: [UInt8]) {
        guard let root = (try? JSONSerialization.jsonObject(with: Data(json))) as? [String: Any],
            let id = root["id"] as? String, !id.isEmpty, id.count <= 255, let type = root["type"] as? String, type.count <= 255,
            let data = root["data"] as? [String: Any], let object = data["object"] as? [String: Any]
        else { return nil }
        self.id = id
        self.type = type
        self.object = object
    }

    /// The object's own id (a session's `cs_…`, a charge's `ch_…`).
    var objectID: String? { object["id"] as? String }

    /// Our order id: the session's `client_reference_id`, or `metadata.order_id` of the session or charge.
    var orderID: String? {
        if let reference = object["client_reference_id"] as? String, !reference.isEmpty { return reference }
        return (object["metadata"] as? [String: Any])?["order_id"] as? String
    }

    /// The payment intent the object belongs to (a string id, or an expanded object's id).
    var paymentIntent: String? {
        if let id = object["payment_intent"] as? String { return id }
        return (object["payment_intent"] as? [String: Any])?["id"] as? String
    }
}
