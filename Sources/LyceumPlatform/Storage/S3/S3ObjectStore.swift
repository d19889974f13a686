import AsyncHTTPClient
import Foundation
import LyceumCore
import NIOCore
import NIOHTTP1

/// The scaled object store: any S3-compatible service (AWS S3, MinIO, SeaweedFS) over async-http-client,
/// every request signed with `SigV4Signer`.
///
/// Bodies stream: a `put` holds at most one part (`partSize`, 8 MiB by default) in memory; a body that fits
/// in one part is sent with a single `PUT`, a larger one as a multipart upload (aborted on any failure or
/// cancellation, so nothing is left behind). Downloads stream the service's answer through.
public struct S3ObjectStore: ObjectStore {
    /// The bucket and how to reach it.
    public let location: S3Location
    /// The size of each part of a multipart upload, and the largest body sent in one `PUT` (at least 5 MiB).
    public let partSize: Int
    let credentials: any AWSCredentialProvider
    let httpClient: HTTPClient
    let clock: WallClock

    /// Creates a store for `location`.
    public init(
        location: S3Location, credentials: any AWSCredentialProvider, httpClient: HTTPClient = .shared, partSize: Int = 8 << 20,
        clock: WallClock = .system
    ) {
        self.location = location
        self.credentials = credentials
        self.httpClient = httpClient
        self.partSize = max(partSize, 5 << 20)
        self.clock = clock
    }

    public func put<Body: AsyncSequence & Sendable>(
        _ key: ObjectKey, body: Body, size: Int64?, contentType: String
    ) async throws -> ObjectInfo where Body.Element == ByteBuffer {
        try ContentTypeRule.validate(contentType)
        // S3 allows 10,000 parts: a known large size widens the parts so it fits.
        let partSize = max(self.partSize, Int(((size ?? 0) + 9_999) / 10_000))
        var source = PartReader(iterator: body.makeAsyncIterator(), partSize: partSize, announced: size)
        let first = try await source.nextPart()
        guard source.finished else {
            return try await multipartPut(key, first: first ?? ByteBuffer(), source: &source, contentType: contentType)
        }
        let bytes = first ?? ByteBuffer()
        try source.checkTotal()
        let response = try await send(
            "PUT", key: key, headers: [("content-type", contentType)], body: bytes, timeout: .minutes(5)
        )
        return ObjectInfo(
            key: key, size: Int64(bytes.readableBytes), contentType: contentType, etag: response.headers.first(name: "etag") ?? "",
            lastModified: clock.now()
        )
    }

    public func get(_ key: ObjectKey, range: ByteRange?) async throws -> ObjectDownload {
        let request = try await makeRequest("GET", key: key, query: [], headers: range.map { [("range", $0.headerValue)] } ?? [], body: nil)
        let response = try await httpClient.execute(request, timeout: .seconds(60))
        if response.status == .rangeNotSatisfiable {
            if let size = response.headers.first(name: "content-range").flatMap({ Int64($0.split(separator: "/").last ?? "") }) {
                throw ObjectStoreError.rangeNotSatisfiable(size: size)
            }
            throw ObjectStoreError.rangeNotSatisfiable(size: try await head(key).size)
        }
        guard response.status == .ok || response.status == .partialContent else { throw try await Self.failure(response) }
        var info = Self.info(key: key, headers: response.headers)
        var selected: ClosedRange<Int64>?
        if response.status == .partialContent, let contentRange = response.headers.first(name: "content-range"),
            let parsed = Self.parseContentRange(contentRange)
        {
            selected = parsed.range
            info = ObjectInfo(key: key, size: parsed.size, contentType: info.contentType, etag: info.etag, lastModified: info.lastModified)
        }
        return ObjectDownload(info: info, range: selected, body: ObjectBody(response.body))
    }

    public func head(_ key: ObjectKey) async throws -> ObjectInfo {
        let response = try await send("HEAD", key: key)
        return Self.info(key: key, headers: response.headers)
    }

    public func delete(_ key: ObjectKey) async throws {
        do {
            _ = try await send("DELETE", key: key)
        } catch ObjectStoreError.notFound {
            return
        }
    }

    public func list(prefix: String, continuation: String?, limit: Int) async throws -> ObjectListing {
        var query = [("list-type", "2"), ("prefix", prefix), ("max-keys", String(min(max(limit, 1), 1_000)))]
        if let continuation { query.append(("continuation-token", continuation)) }
        let response = try await send("GET", key: nil, query: query)
        let xml = String(buffer: try await response.body.collect(upTo: 16 << 20))[...]
        let objects = S3XML.elements("Contents", in: xml).compactMap { entry -> ObjectSummary? in
            guard let name = S3XML.value("Key", in: entry), let key = try? ObjectKey(name) else { return nil }
            return ObjectSummary(
                key: key, size: S3XML.value("Size", in: entry).flatMap { Int64($0) } ?? 0,
                lastModified: S3XML.value("LastModified", in: entry).flatMap(ContainerCredentialProvider.parseTimestamp) ?? .distantPast
            )
        }
        let truncated = S3XML.value("IsTruncated", in: xml) == "true"
        return ObjectListing(objects: objects, continuation: truncated ? S3XML.value("NextContinuationToken", in: xml) : nil)
    }

    public func signedRequest(_ access: SignedAccess, for key: ObjectKey, expiresIn: Duration) async throws -> SignedRequest {
        var headers: [(name: String, value: String)] = [("host", host)]
        var overrides: [(name: String, value: String)] = []
        switch access {
        case .get: break
        case .download(let served):
            try ContentTypeRule.validate(served.contentType)
            overrides = [
                ("response-cache-control", served.cacheControl), ("response-content-disposition", served.contentDisposition),
                ("response-content-type", served.contentType),
            ]
        case .put(let contentType):
            try ContentTypeRule.validate(contentType)
            // `If-None-Match: *` is signed too, so the URL stores the object once: a replay, even before the URL
            // expires, cannot replace bytes Lyceum has already verified (S3 answers 412).
            headers += [("content-type", contentType), ("if-none-match", "*")]
        }
        let seconds = Int(min(max(expiresIn.components.seconds, 1), 7 * 86_400))
        let now = clock.now()
        let signer = SigV4Signer(credentials: try await credentials.credentials(), region: location.region, service: "s3")
        let request = SigV4Request(
            method: access.method, path: path(for: key), query: overrides, headers: headers, payloadHash: SigV4Signer.unsignedPayload
        )
        let query = overrides + signer.presignedQuery(for: request, date: now, expires: seconds)
        // The text is built from percent-encoded parts only, so it is always a valid URL.
        let url = URL(string: url(path: request.path, query: query))!
        var required: [String: String] = [:]
        if case .put(let contentType) = access { required = ["Content-Type": contentType, "If-None-Match": "*"] }
        return SignedRequest(method: access.method, url: url, headers: required, expires: now.addingTimeInterval(TimeInterval(seconds)))
    }

    // MARK: Requests

    /// `host[:port]` of the requests: the endpoint's, with the bucket in front unless path-style.
    var host: String {
        let name = location.endpoint.host ?? ""
        let port = location.endpoint.port.map { ":\($0)" } ?? ""
        return (location.pathStyle ? "" : location.bucket + ".") + name + port
    }

    func path(for key: ObjectKey?) -> String {
        (location.pathStyle ? "/" + location.bucket : "") + "/" + (key?.value ?? "")
    }

    private func url(path: String, query: [(name: String, value: String)]) -> String {
        let scheme = location.endpoint.scheme?.lowercased() ?? "https"
        let encodedQuery = SigV4Signer.canonicalQuery(query)
        return "\(scheme)://\(host)\(SigV4Signer.percentEncode(path, keepingSlash: true))" + (encodedQuery.isEmpty ? "" : "?" + encodedQuery)
    }

    /// A request signed with the current credentials; the body's SHA-256 is signed too.
    func makeRequest(
        _ method: String, key: ObjectKey?, query: [(name: String, value: String)], headers: [(name: String, value: String)], body: ByteBuffer?
    ) async throws -> HTTPClientRequest {
        let path = path(for: key)
        var request = HTTPClientRequest(url: url(path: path, query: query))
        request.method = HTTPMethod(rawValue: method)
        let payloadHash = body.map { SigV4Signer.sha256Hex($0.readableBytesView) } ?? SigV4Signer.emptyPayloadHash
        let toSign = SigV4Request(method: method, path: path, query: query, headers: [("host", host)] + headers, payloadHash: payloadHash)
        let signer = SigV4Signer(credentials: try await credentials.credentials(), region: location.region, service: "s3")
        for header in toSign.headers + signer.signingHeaders(for: toSign, date: clock.now()) {
            request.headers.add(name: header.name, value: header.value)
        }
        if let body { request.body = .bytes(body) }
        return request
    }

    /// Sends a signed request and returns its answer when the status is 2xx.
    @discardableResult
    func send(
        _ method: String, key: ObjectKey?, query: [(name: String, value: String)] = [], headers: [(name: String, value: String)] = [],
        body: ByteBuffer? = nil, timeout: TimeAmount = .seconds(30)
    ) async throws -> HTTPClientResponse {
        let request = try await makeRequest(method, key: key, query: query, headers: headers, body: body)
        let response = try await httpClient.execute(request, timeout: timeout)
        guard (200..<300).contains(response.status.code) else { throw try await Self.failure(response) }
        return response
    }

    /// The typed error for a non-2xx answer, from its status and S3's `<Code>`.
    static func failure(_ response: HTTPClientResponse) async throws -> ObjectStoreError {
        let xml = String(buffer: (try? await response.body.collect(upTo: 64 * 1024)) ?? ByteBuffer())[...]
        let code = S3XML.value("Code", in: xml)
        switch response.status.code {
        case 404 where code == nil || code == "NoSuchKey": return .notFound
        case 403: return .accessDenied(code: code ?? "Forbidden")
        default: return .serviceFailure(status: Int(response.status.code), code: code)
        }
    }

    static func info(key: ObjectKey, headers: HTTPHeaders) -> ObjectInfo {
        ObjectInfo(
            key: key, size: headers.first(name: "content-length").flatMap { Int64($0) } ?? 0,
            contentType: headers.first(name: "content-type") ?? "application/octet-stream", etag: headers.first(name: "etag") ?? "",
            lastModified: headers.first(name: "last-modified").flatMap(parseHTTPDate) ?? .distantPast
        )
    }

    /// `bytes 0-99/1000` as the range and the whole size.
    static func parseContentRange(_ text: String) -> (range: ClosedRange<Int64>, size: Int64)? {
        guard text.hasPrefix("bytes ") else { return nil }
        let parts = text.dropFirst(6).split(separator: "/")
        guard parts.count == 2, let size = Int64(parts[1]) else { return nil }
        let bounds = parts[0].split(separator: "-")
        guard bounds.count == 2, let first = Int64(bounds[0]), let last = Int64(bounds[1]), first <= last else { return nil }
        return (first...last, size)
    }

    private static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
