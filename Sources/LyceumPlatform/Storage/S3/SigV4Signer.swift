import Crypto
import Foundation

/// An HTTP request as AWS Signature Version 4 sees it. Path and query are given decoded; the signer
/// percent-encodes them the way AWS does.
public struct SigV4Request: Sendable {
    /// The HTTP method, upper case.
    public var method: String
    /// The decoded path, starting with `/` (for S3: `/bucket/key` or `/key`).
    public var path: String
    /// The decoded query parameters, in any order.
    public var query: [(name: String, value: String)]
    /// Every header to sign, including `host` (names in any case; repeated names are joined with commas).
    public var headers: [(name: String, value: String)]
    /// Lowercase hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    public var payloadHash: String

    /// Creates a request description.
    public init(
        method: String, path: String, query: [(name: String, value: String)] = [], headers: [(name: String, value: String)],
        payloadHash: String
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.payloadHash = payloadHash
    }
}

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`), header and query-string forms, on swift-crypto.
///
/// Each step is public so tests can compare it with AWS's published vectors: canonical request, string to
/// sign, signature.
public struct SigV4Signer: Sendable {
    /// The payload hash of presigned URLs and of requests whose body is not hashed.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// SHA-256 of the empty body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The signing credentials.
    public let credentials: AWSCredentials
    /// The region in the credential scope, e.g. `us-east-1`.
    public let region: String
    /// The service in the credential scope: `s3` for object storage.
    public let service: String
    /// Whether `.` and `..` segments and repeated slashes are removed from the path first. S3 never does.
    public let normalizesPath: Bool

    /// Creates a signer.
    public init(credentials: AWSCredentials, region: String, service: String, normalizesPath: Bool = false) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.normalizesPath = normalizesPath
    }

    /// The canonical request: method, canonical URI, canonical query, canonical headers, signed headers, payload hash.
    public func canonicalRequest(_ request: SigV4Request) -> String {
        let headers = Self.canonicalHeaders(request.headers)
        return [
            request.method.uppercased(),
            Self.canonicalURI(request.path, normalize: normalizesPath),
            Self.canonicalQuery(request.query),
            headers.map { "\($0.name):\($0.value)\n" }.joined(),
            headers.map(\.name).joined(separator: ";"),
            request.payloadHash,
        ].joined(separator: "\n")
    }

    /// The string to sign for `canonicalRequest` at `date`.
    public func stringToSign(canonicalRequest: String, date: Date) -> String {
        let stamp = AmzDate(date)
        return [
            "AWS4-HMAC-SHA256",
            stamp.full,
            scope(stamp),
            Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8))),
        ].joined(separator: "\n")
    }

    /// The hex signature of `stringToSign` with the key derived for `date`'s day.
    public func signature(stringToSign: String, date: Date) -> String {
        let stamp = AmzDate(date)
        var key = SymmetricKey(data: Data(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [stamp.day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
    }

    /// The `Authorization` header value for `request` signed at `date`. The request's headers must already
    /// hold `x-amz-date` (and `x-amz-security-token` with temporary credentials).
    public func authorization(for request: SigV4Request, date: Date) -> String {
        let canonical = canonicalRequest(request)
        let signature = signature(stringToSign: stringToSign(canonicalRequest: canonical, date: date), date: date)
        let signedHeaders = Self.canonicalHeaders(request.headers).map(\.name).joined(separator: ";")
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope(AmzDate(date))), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    /// The headers to add to `request` to sign it at `date`: `x-amz-date`, `x-amz-content-sha256`,
    /// `x-amz-security-token` when there is a session token, and `authorization`.
    public func signingHeaders(for request: SigV4Request, date: Date) -> [(name: String, value: String)] {
        var added: [(name: String, value: String)] = [
            ("x-amz-date", AmzDate(date).full), ("x-amz-content-sha256", request.payloadHash),
        ]
        if let token = credentials.sessionToken { added.append(("x-amz-security-token", token)) }
        var signed = request
        signed.headers += added
        added.append(("authorization", authorization(for: signed, date: date)))
        return added
    }

    /// The query parameters that presign `request` (whose headers are the ones the client will send, at
    /// least `host`) for `expires` seconds from `date`, the signature last. Append them to the URL's query.
    public func presignedQuery(for request: SigV4Request, date: Date, expires: Int) -> [(name: String, value: String)] {
        let stamp = AmzDate(date)
        var query: [(name: String, value: String)] = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", "\(credentials.accessKeyId)/\(scope(stamp))"),
            ("X-Amz-Date", stamp.full),
            ("X-Amz-Expires", String(expires)),
            ("X-Amz-SignedHeaders", Self.canonicalHeaders(request.headers).map(\.name).joined(separator: ";")),
        ]
        if let token = credentials.sessionToken { query.append(("X-Amz-Security-Token", token)) }
        var signed = request
        signed.query += query
        let canonical = canonicalRequest(signed)
        query.append(("X-Amz-Signature", signature(stringToSign: stringToSign(canonicalRequest: canonical, date: date), date: date)))
        return query
    }

    private func scope(_ stamp: AmzDate) -> String {
        "\(stamp.day)/\(region)/\(service)/aws4_request"
    }

    /// Percent-encodes every byte but the unreserved characters (`A-Z a-z 0-9 - _ . ~`), and `/` when asked.
    public static func percentEncode(_ text: String, keepingSlash: Bool = false) -> String {
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count)
        let digits = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                output.append(byte)
            case UInt8(ascii: "/") where keepingSlash:
                output.append(byte)
            default:
                output += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The canonical query string: names and values encoded, sorted by name then value.
    public static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        query.map { (percentEncode($0.name), percentEncode($0.value)) }
            .sorted { $0.0 == $1.0 ? Array($0.1.utf8).lexicographicallyPrecedes($1.1.utf8) : Array($0.0.utf8).lexicographicallyPrecedes($1.0.utf8) }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    static func canonicalURI(_ path: String, normalize: Bool) -> String {
        guard normalize else { return percentEncode(path.isEmpty ? "/" : path, keepingSlash: true) }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        let trailingSlash = path.hasSuffix("/") && !segments.isEmpty
        return percentEncode("/" + segments.joined(separator: "/") + (trailingSlash ? "/" : ""), keepingSlash: true)
    }

    /// Lowercase names, values trimmed with inner whitespace runs collapsed, repeated names joined, sorted.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var merged: [String: [String]] = [:]
        for header in headers {
            let value = header.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                .joined(separator: " ")
            merged[header.name.lowercased(), default: []].append(value)
        }
        return merged.map { (name: $0.key, value: $0.value.joined(separator: ",")) }
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes($1.name.utf8) }
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output = [UInt8]()
        for byte in bytes { output += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        return String(decoding: output, as: UTF8.self)
    }

    /// Lowercase hex SHA-256 of `bytes`.
    public static func sha256Hex(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }
}

/// `X-Amz-Date` (`20150830T123600Z`) and the scope's day (`20150830`), in UTC.
struct AmzDate {
    let full: String
    let day: String

    init(_ date: Date) {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        day = "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))"
        full = "\(day)T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }
}
