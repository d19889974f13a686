import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import Testing

/// A local HTTP server that stands in for Stripe's API: it checks every request Lyceum sends (path, bearer key,
/// form encoding, `Idempotency-Key`, `Stripe-Version`) and answers as Stripe does. Sessions and refunds are
/// idempotent per key, as Stripe's are. `failNext` makes the next requests answer 500 (Stripe down), `refuseNext`
/// answers Stripe's 400 error object.
final class StripeStandIn: Sendable {
    static let secretKey = "sk_test_lyceum_stand_in"

    /// One request as received.
    struct Received: Sendable {
        let path: String
        let authorization: String?
        let contentType: String?
        let idempotencyKey: String?
        let stripeVersion: String?
        let rawBody: String
        /// The form fields in order, decoded.
        let fields: [(String, String)]

        func field(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }
    }

    private struct State {
        var received: [Received] = []
        var sessions: [String: String] = [:]
        var refunds: [String: String] = [:]
        var failures = 0
        var refusals = 0
    }

    private let state = Mutex(State())
    /// `http://127.0.0.1:<port>`.
    let baseURL: String

    private init(baseURL: String) {
        self.baseURL = baseURL
    }

    /// Starts the stand-in, runs `body` with it and stops it.
    static func with<Result: Sendable>(_ body: (StripeStandIn) async throws -> Result) async throws -> Result {
        let box = Box()
        let router = Router()
        router.post("/v1/checkout/sessions") { request, _ in try await box.standIn().answer(request, kind: .session) }
        router.post("/v1/refunds") { request, _ in try await box.standIn().answer(request, kind: .refund) }
        let port = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                port.continuation.yield(channel.localAddress?.port ?? 0)
                port.continuation.finish()
            },
            logger: Logger(label: "stripe-stand-in")
        )
        let task = Task { try await app.run() }
        var found = 0
        for await value in port.stream { found = value }
        let standIn = StripeStandIn(baseURL: "http://127.0.0.1:\(found)")
        box.set(standIn)
        defer { task.cancel() }
        return try await body(standIn)
    }

    /// Lets the router reach the stand-in built after it.
    private final class Box: Sendable {
        private let value = Mutex<StripeStandIn?>(nil)
        func set(_ standIn: StripeStandIn) { value.withLock { $0 = standIn } }
        func standIn() throws -> StripeStandIn {
            guard let standIn = value.withLock({ $0 }) else { throw HTTPError(.serviceUnavailable) }
            return standIn
        }
    }

    enum Kind { case session, refund }

    /// Everything received so far.
    var received: [Received] { state.withLock { $0.received } }

    /// The next `count` requests answer 500.
    func failNext(_ count: Int) { state.withLock { $0.failures = count } }

    /// The next `count` requests answer Stripe's 400 `invalid_request_error`.
    func refuseNext(_ count: Int) { state.withLock { $0.refusals = count } }

    private func answer(_ request: Request, kind: Kind) async throws -> Response {
        let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
        let received = Received(
            path: request.uri.path, authorization: request.headers[.authorization], contentType: request.headers[.contentType],
            idempotencyKey: request.headers[HTTPField.Name("Idempotency-Key")!], stripeVersion: request.headers[HTTPField.Name("Stripe-Version")!],
            rawBody: body, fields: Self.decode(body)
        )
        let (fail, refuse) = state.withLock { state -> (Bool, Bool) in
            state.received.append(received)
            if state.failures > 0 {
                state.failures -= 1
                return (true, false)
            }
            if state.refusals > 0 {
                state.refusals -= 1
                return (false, true)
            }
            return (false, false)
        }
        guard received.authorization == "Bearer \(Self.secretKey)" else {
            return Self.json(401, #"{"error":{"type":"invalid_request_error","message":"Invalid API Key provided"}}"#)
        }
        guard received.contentType == "application/x-www-form-urlencoded", let key = received.idempotencyKey, !key.isEmpty,
            received.stripeVersion != nil
        else {
            return Self.json(400, #"{"error":{"type":"invalid_request_error","message":"bad request shape"}}"#)
        }
        if fail { return Self.json(500, #"{"error":{"type":"api_error","message":"Stripe is down"}}"#) }
        if refuse { return Self.json(400, #"{"error":{"type":"invalid_request_error","code":"parameter_invalid","message":"Refused"}}"#) }
        switch kind {
        case .session:
            let id = state.withLock { state in
                if let id = state.sessions[key] { return id }
                let id = "cs_test_\(UUID().uuidString.prefix(12).lowercased())"
                state.sessions[key] = id
                return id
            }
            return Self.json(200, #"{"id":"\#(id)","object":"checkout.session","url":"https://checkout.stripe.test/c/pay/\#(id)","payment_status":"unpaid"}"#)
        case .refund:
            let id = state.withLock { state in
                if let id = state.refunds[key] { return id }
                let id = "re_test_\(UUID().uuidString.prefix(12).lowercased())"
                state.refunds[key] = id
                return id
            }
            return Self.json(200, #"{"id":"\#(id)","object":"refund","status":"succeeded"}"#)
        }
    }

    private static func json(_ status: Int, _ text: String) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Decodes `application/x-www-form-urlencoded` strictly: every pair has `=`, every escape is valid.
    static func decode(_ body: String) -> [(String, String)] {
        body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let key = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                let value = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            else { return nil }
            return (key, value)
        }
    }
}
