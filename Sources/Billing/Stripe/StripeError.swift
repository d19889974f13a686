import LyceumCore

/// A call to Stripe that did not succeed.
enum StripeError: Error, Equatable {
    /// Stripe could not be reached, did not answer in time, or answered 5xx: nothing is known to have happened.
    case unavailable(String)
    /// Stripe refused the request (4xx) with its JSON error: `type` (`invalid_request_error`, `card_error`, ...),
    /// an optional `code` and a `message`.
    case refused(status: Int, type: String, code: String?, message: String)
    /// Stripe answered something that is not the object expected.
    case unexpectedAnswer(String)

    /// The error a caller of our API sees: 503 when Stripe is unavailable, 502 when it refused or answered
    /// nonsense. Stripe's own message is logged, not shown.
    var appError: AppError {
        switch self {
        case .unavailable:
            AppError(status: 503, code: "payment_provider_unavailable", message: "The payment provider cannot be reached; try again in a minute.", retryAfter: 30)
        case .refused, .unexpectedAnswer:
            AppError(status: 502, code: "payment_provider_error", message: "The payment provider refused the request; nothing was charged.")
        }
    }
}
