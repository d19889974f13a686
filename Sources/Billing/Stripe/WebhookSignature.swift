import Crypto
import Foundation

/// Stripe's webhook signature scheme: the `Stripe-Signature` header is `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`,
/// each `v1` an HMAC-SHA256, keyed with the endpoint's secret, of `"<t>.<raw body>"`. A delivery is genuine when
/// one `v1` matches under one configured secret and `t` is within the tolerance of our clock.
struct WebhookSignature: Sendable {
    /// How far `t` may be from now, either way: Stripe's documented default.
    static let tolerance: TimeInterval = 300

    /// Why a delivery was refused.
    enum Failure: Error, Equatable {
        case missingHeader, malformedHeader, stale, mismatch, noSecret

        var message: String {
            switch self {
            case .missingHeader: "The Stripe-Signature header is missing."
            case .malformedHeader: "The Stripe-Signature header has no timestamp or no v1 signature."
            case .stale: "The signature's timestamp is more than five minutes from now."
            case .mismatch: "No signature matches the body under a configured webhook secret."
            case .noSecret: "No webhook secret is configured (LYCEUM_STRIPE_WEBHOOK_SECRET)."
            }
        }
    }

    let secrets: [String]

    /// Checks `header` against `body` at `now`.
    func verify(header: String?, body: [UInt8], now: Date) throws(Failure) {
        guard !secrets.isEmpty else { throw .noSecret }
        guard let header, !header.isEmpty else { throw .missingHeader }
        var timestamp: Int?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "t": timestamp = Int(pair[1])
            case "v1": if let bytes = Self.bytes(hex: pair[1]) { signatures.append(bytes) }
            default: continue
            }
        }
        guard let timestamp, !signatures.isEmpty else { throw .malformedHeader }
        guard abs(now.timeIntervalSince1970 - TimeInterval(timestamp)) <= Self.tolerance else { throw .stale }
        for secret in secrets {
            let expected = Self.mac(timestamp: timestamp, body: body, secret: secret)
            for signature in signatures where Self.constantTimeEqual(signature, expected) { return }
        }
        throw .mismatch
    }

    /// The `v1` signature of `body` sent at `timestamp` under `secret`.
    static func mac(timestamp: Int, body: [UInt8], secret: String) -> [UInt8] {
        var authenticator = HMAC<SHA256>(key: SymmetricKey(data: Array(secret.utf8)))
        authenticator.update(data: Array("\(timestamp).".utf8))
        authenticator.update(data: body)
        return Array(authenticator.finalize())
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let characters = Array(hex.utf8)
        guard characters.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Compares every byte whatever the first difference, so the time taken says nothing about the secret.
    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
