/// A failure that a client can act on, or a server fault that must not leak details.
///
/// Every domain throws `AppError`; the HTTP layer turns it into
/// `{"error": {"code", "message", "fields"}}` with `status`.
public struct AppError: Error, Sendable, Equatable {
    /// The HTTP status code that describes the failure (400...599).
    public let status: Int
    /// A stable `snake_case` identifier that clients may branch on.
    public let code: String
    /// A human sentence, safe to show to the caller.
    public let message: String
    /// Per-field problems for validation failures, keyed by the request field name.
    public let fields: [String: String]
    /// Seconds a client should wait before retrying, for 429 and 503 answers.
    public let retryAfter: Int?

    /// Creates an error with every attribute spelled out.
    public init(status: Int, code: String, message: String, fields: [String: String] = [:], retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
        self.retryAfter = retryAfter
    }

    /// Whether this error is the server's fault (5xx) rather than the client's.
    public var isServerFault: Bool { status >= 500 }
}

extension AppError {
    /// 400: the body is not valid JSON or not the expected structure.
    public static func malformedBody(_ message: String = "The request body is not valid JSON.") -> AppError {
        AppError(status: 400, code: "malformed_body", message: message)
    }

    /// 400: a query parameter or path segment cannot be understood.
    public static func badRequest(_ code: String, _ message: String) -> AppError {
        AppError(status: 400, code: code, message: message)
    }

    /// 401: no valid credentials were presented.
    public static func unauthenticated(_ message: String = "Sign in to continue.") -> AppError {
        AppError(status: 401, code: "unauthenticated", message: message)
    }

    /// 403: the caller is known but may not do this.
    public static func forbidden(_ message: String = "You are not allowed to do this.") -> AppError {
        AppError(status: 403, code: "forbidden", message: message)
    }

    /// 404: the thing does not exist, or the caller may not know that it does.
    public static func notFound(_ what: String = "resource") -> AppError {
        AppError(status: 404, code: "not_found", message: "No such \(what).")
    }

    /// 409: the request conflicts with the current state.
    public static func conflict(_ code: String, _ message: String) -> AppError {
        AppError(status: 409, code: code, message: message)
    }

    /// 413: the body is larger than the server accepts.
    public static func payloadTooLarge(limit: Int) -> AppError {
        AppError(status: 413, code: "payload_too_large", message: "The request body is larger than \(limit) bytes.")
    }

    /// 415: the body is not in a format this route accepts.
    public static func unsupportedMediaType(_ expected: String) -> AppError {
        AppError(status: 415, code: "unsupported_media_type", message: "Send the body as \(expected).")
    }

    /// 422: the values are well-formed but invalid; `fields` says which and why.
    public static func validation(_ fields: [String: String]) -> AppError {
        AppError(status: 422, code: "validation_failed", message: "Some fields are invalid.", fields: fields)
    }

    /// 500: an unexpected server fault; the details go to the log, never to the client.
    public static let internalError = AppError(
        status: 500, code: "internal_error", message: "Something went wrong on our side. Please try again."
    )

    /// 503: a dependency is unavailable right now.
    public static func unavailable(_ message: String, retryAfter: Int? = 5) -> AppError {
        AppError(status: 503, code: "unavailable", message: message, retryAfter: retryAfter)
    }
}

extension AppError {
    /// 409: the request refers to something that was removed while it ran (a foreign key no longer holds).
    public static let staleReference = AppError(
        status: 409, code: "stale_reference",
        message: "Something this request refers to was just removed. Reload the page and try again."
    )
}

extension AppError {
    /// 429: too many requests of this kind; `retryAfter` says when to try again.
    public static func rateLimited(retryAfter: Int) -> AppError {
        AppError(
            status: 429, code: "rate_limited", message: "Too many attempts. Please wait \(retryAfter) seconds and try again.",
            retryAfter: retryAfter
        )
    }
}

extension JSONWriter {
    /// Writes an error's `"code"`, `"message"` and, when it names any, `"fields"` keys into the object being
    /// written: the shared body of the REST error envelope and the socket's `error` frame.
    public mutating func errorDetails(_ error: AppError) {
        key("code")
        string(error.code)
        key("message")
        string(error.message)
        guard !error.fields.isEmpty else { return }
        key("fields")
        beginObject()
        for (name, problem) in error.fields.sorted(by: { $0.key < $1.key }) {
            key(escaping: name)
            string(problem)
        }
        endObject()
    }
}
