import Foundation
import HTTPTypes

extension HTTPField.Name {
    /// `X-Forwarded-For`, appended to by each proxy a request passes.
    public static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
}

/// The proxies whose `X-Forwarded-For` is believed: single addresses or CIDR ranges, IPv4 or IPv6.
public struct TrustedProxies: Sendable, Equatable {
    private struct Range: Sendable, Equatable {
        let network: [UInt8]
        let prefixLength: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == network.count else { return false }
            var remaining = prefixLength
            for (index, byte) in network.enumerated() where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if address[index] & mask != byte & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    private let ranges: [Range]

    /// No proxy is trusted: the client is always the peer of the connection.
    public static let none = TrustedProxies(ranges: [])

    private init(ranges: [Range]) {
        self.ranges = ranges
    }

    /// Parses a comma-separated list such as `10.0.0.0/8, 127.0.0.1, fd00::/8`; `nil` when an entry is not valid.
    public init?(_ list: String) {
        var ranges: [Range] = []
        for entry in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
            guard let network = Self.bytes(of: parts[0]) else { return nil }
            let length = parts.count == 2 ? Int(parts[1]) : network.count * 8
            guard let length, (0...(network.count * 8)).contains(length) else { return nil }
            ranges.append(Range(network: network, prefixLength: length))
        }
        self.ranges = ranges
    }

    /// Whether `address` belongs to a trusted proxy.
    public func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(of: address) else { return false }
        return ranges.contains { $0.contains(bytes) }
    }

    /// The client behind `peer`: the right-most address of `X-Forwarded-For` that is not a trusted proxy, when
    /// the peer itself is one; otherwise the peer. Clients cannot forge their way past an untrusted hop.
    public func client(peer: String?, forwardedFor: String?) -> String? {
        guard let peer, contains(peer), let forwardedFor else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !contains(hop) {
            return Self.bytes(of: hop) == nil ? peer : hop
        }
        return hops.first ?? peer
    }

    /// The bytes of an IPv4 or IPv6 address in text form.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
