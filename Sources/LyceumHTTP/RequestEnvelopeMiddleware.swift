import Foundation
import HTTPTypes
import Hummingbird
import Logging
import LyceumCore
import NIOCore

extension HTTPField.Name {
    /// `X-Request-Id`, accepted from clients and echoed on every response.
    public static let requestID = HTTPField.Name("X-Request-Id")!
    /// `X-Forwarded-Proto`, set by load balancers that terminate TLS.
    public static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}

/// The outermost middleware: assigns the request id, turns every error into a clear response,
/// and writes one access log line per request.
///
/// Client faults (4xx) are logged quietly; server faults are logged loudly with the error, which
/// never reaches the client.
public struct RequestEnvelopeMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    /// Renders an error for browsers (the web UI); `nil` answers every error in JSON.
    public typealias ErrorPageRenderer = @Sendable (AppError, Request, AppRequestContext) -> Response?

    /// Recognises errors of lower layers that are the client's fault (e.g. a row deleted under the request).
    public typealias ErrorClassifier = @Sendable (any Error) -> AppError?

    private let maxBodyBytes: Int
    private let secureByDefault: Bool
    private let trustedProxies: TrustedProxies
    private let classify: ErrorClassifier
    private let renderErrorPage: ErrorPageRenderer?

    /// Creates the middleware.
    /// - Parameters:
    ///   - maxBodyBytes: the largest request body routes accept.
    ///   - secureByDefault: whether the public URL is HTTPS, so cookies are `Secure` even behind a plain-HTTP hop.
    ///   - trustedProxies: the proxies whose `X-Forwarded-For` names the client.
    ///   - classify: maps errors of lower layers to client errors before they would become a 500.
    ///   - renderErrorPage: optional HTML rendering for browser navigations.
    public init(
        maxBodyBytes: Int, secureByDefault: Bool, trustedProxies: TrustedProxies = .none,
        classify: @escaping ErrorClassifier = { _ in nil }, renderErrorPage: ErrorPageRenderer? = nil
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.secureByDefault = secureByDefault
        self.trustedProxies = trustedProxies
        self.classify = classify
        self.renderErrorPage = renderErrorPage
    }

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        let requestID = Self.requestID(for: request.headers)
        context.requestID = requestID
        context.maxBodyBytes = maxBodyBytes
        context.isSecure = Self.isSecure(request, secureByDefault: secureByDefault)
        context.clientAddress = trustedProxies.client(peer: context.peerAddress, forwardedFor: request.headers[.forwardedFor])
        context.logger[metadataKey: "hb.request.id"] = nil
        context.logger[metadataKey: "request.id"] = .string(requestID)

        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let appError = classify(error) ?? Self.appError(for: error, context: context)
            response = renderErrorPage?(appError, request, context) ?? JSONResponse.error(appError)
            if let retryAfter = appError.retryAfter, response.headers[.retryAfter] == nil {
                response.headers[.retryAfter] = String(retryAfter)
            }
            if let notAllowed = error as? MethodNotAllowed { response.headers[.allow] = notAllowed.allowed.joined(separator: ", ") }
            if request.method == .head {
                // The router answers HEAD on GET routes without a body; errors, 404 included, must match.
                if let length = response.body.contentLength { response.headers[.contentLength] = String(length) }
                response.body = ResponseBody()
            }
        }
        response.headers[.requestID] = requestID
        AccessLog.record(
            context.logger, method: request.method, path: request.uri.path, status: response.status.code,
            elapsed: ContinuousClock.now - started
        )
        return response
    }

    /// Whether the client reached us over HTTPS: the public URL says so, or a proxy that terminated TLS does.
    public static func isSecure(_ request: Request, secureByDefault: Bool) -> Bool {
        secureByDefault || request.headers[.forwardedProto]?.lowercased() == "https"
    }

    /// Maps any thrown error to the `AppError` the client sees.
    static func appError(for error: any Error, context: AppRequestContext) -> AppError {
        switch error {
        case let error as AppError:
            if error.isServerFault {
                context.logger.error("Request failed", metadata: ["error.code": "\(error.code)"])
            }
            return error
        case let error as MethodNotAllowed:
            return error.appError
        case is NIOTooManyBytesError:
            return .payloadTooLarge(limit: context.maxBodyBytes)
        case let error as HTTPError:
            return appError(forStatus: error.status, message: error.body)
        case let error as any HTTPResponseError:
            return appError(forStatus: error.status, message: nil)
        default:
            context.logger.error("Unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return .internalError
        }
    }

    private static func appError(forStatus status: HTTPResponse.Status, message: String?) -> AppError {
        switch status.code {
        case 404: return .notFound("route")
        case 405: return AppError(status: 405, code: "method_not_allowed", message: "This route does not accept that method.")
        case 413: return AppError(status: 413, code: "payload_too_large", message: "The request body is too large.")
        case 400..<500:
            return AppError(status: status.code, code: "bad_request", message: message ?? status.reasonPhrase)
        default:
            return .internalError
        }
    }

    /// The request's id: the client's `X-Request-Id` when well formed, else a new one.
    public static func requestID(for headers: HTTPFields) -> String {
        acceptedRequestID(headers[.requestID]) ?? RequestIDs.next()
    }

    /// Accepts a client's request id when it is 1–128 characters of `[A-Za-z0-9._:-]`.
    static func acceptedRequestID(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.utf8.count <= 128 else { return nil }
        let allowed = value.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"),
                UInt8(ascii: ":"):
                true
            default:
                false
            }
        }
        return allowed ? value : nil
    }
}
