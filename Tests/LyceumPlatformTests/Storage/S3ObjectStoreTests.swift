import AsyncHTTPClient
import Foundation
import LyceumCore
import LyceumPlatform
import NIOCore
import NIOHTTP1
import Testing

/// The S3 store against a real S3-compatible server (SeaweedFS from `scripts/start-test-services`), named by
/// `LYCEUM_TEST_S3_URL` with `LYCEUM_TEST_S3_ACCESS_KEY` and `LYCEUM_TEST_S3_SECRET_KEY`. Each test works
/// under a prefix of its own in the shared bucket and removes what it stored.
@Suite(
    "S3 object store against a real server",
    .enabled(if: S3TestServer.location != nil, "LYCEUM_TEST_S3_URL is not set: run scripts/start-test-services and source .test-services.env")
)
struct S3ObjectStoreTests {
    @Test("put, get, ranges, head, replace")
    func putGet() async throws {
        try await S3TestServer.withStore { try await ObjectStoreContract.putGetHeadRanges($0, prefix: $1) }
    }

    @Test("missing objects are not found; deleting them succeeds")
    func missing() async throws {
        try await S3TestServer.withStore { try await ObjectStoreContract.missingObjects($0, prefix: $1) }
    }

    @Test("delete removes the object")
    func delete() async throws {
        try await S3TestServer.withStore { try await ObjectStoreContract.deleteRemoves($0, prefix: $1) }
    }

    @Test("lists by prefix in key order, in pages (ListObjectsV2 with a continuation token)")
    func list() async throws {
        try await S3TestServer.withStore { try await ObjectStoreContract.listsByPrefixInPages($0, prefix: $1) }
    }

    @Test("a body of the wrong size is refused and nothing is stored")
    func wrongSize() async throws {
        try await S3TestServer.withStore { try await ObjectStoreContract.refusesWrongSize($0, prefix: $1) }
    }

    @Test("a body that fails after two parts aborts the multipart upload and stores nothing")
    func failedBody() async throws {
        try await S3TestServer.withStore { try await ObjectStoreContract.failedBodyLeavesNothing($0, prefix: $1, chunkSize: 3 << 20) }
    }

    @Test("a 14 MiB body goes up in three 5 MiB parts and streams back intact")
    func multipart() async throws {
        try await S3TestServer.withStore { store, prefix in
            #expect(store.partSize == 5 << 20)
            try await ObjectStoreContract.streamsLargeObjects(store, prefix: prefix, chunkSize: 1 << 20, chunkCount: 14)
            // A multipart object's ETag ends with its number of parts.
            #expect(try await store.head(ObjectKey(prefix + "/large.bin")).etag.hasSuffix("-3\""))
        }
    }

    @Test("presigned GET and PUT URLs work with a plain HTTP client; the PUT's content type is enforced and it stores once")
    func presigned() async throws {
        try await S3TestServer.withStore { store, prefix in
            let key = try ObjectKey(prefix + "/presigned/clip.webm")
            let upload = try await store.signedRequest(.put(contentType: "video/webm"), for: key, expiresIn: .seconds(300))
            #expect(upload.method == "PUT" && upload.headers == ["Content-Type": "video/webm", "If-None-Match": "*"])
            #expect(try await S3TestServer.plain("PUT", upload.url, headers: ["Content-Type": "text/html", "If-None-Match": "*"], body: "<script>") == 403)
            #expect(try await S3TestServer.plain("PUT", upload.url, headers: ["Content-Type": "video/webm"], body: "webm bytes") == 403)
            #expect(try await S3TestServer.plain("PUT", upload.url, headers: upload.headers, body: "webm bytes") == 200)
            #expect(try await S3TestServer.plain("PUT", upload.url, headers: upload.headers, body: "other bytes") == 412, "a replay must not replace it")
            let info = try await store.head(key)
            #expect(info.size == 10 && info.contentType == "video/webm")

            let download = try await store.signedRequest(.get, for: key, expiresIn: .seconds(300))
            #expect(try await S3TestServer.plainBody(download.url) == (200, "webm bytes"))
            var tampered = URLComponents(url: download.url, resolvingAgainstBaseURL: false)!
            tampered.path = tampered.path.replacingOccurrences(of: "clip.webm", with: "other.webm")
            #expect(try await S3TestServer.plainBody(tampered.url!).status == 403)
        }
    }

    @Test("a presigned download is answered with the type, disposition and caching it was signed with, and only those")
    func presignedDownloadHeaders() async throws {
        try await S3TestServer.withStore { store, prefix in
            let key = try ObjectKey(prefix + "/served/page.html")
            _ = try await store.put(key, bytes: ByteBuffer(string: "<script>alert(1)</script>"), contentType: "text/html")
            let served = ServedHeaders(
                contentType: "text/html; charset=utf-8", contentDisposition: "attachment; filename=\"page.html\"", cacheControl: "private, max-age=900"
            )
            let download = try await store.signedRequest(.download(served), for: key, expiresIn: .seconds(300))
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: download.url.absoluteString), timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 1 << 20)
            #expect(response.status.code == 200)
            #expect(response.headers["Content-Disposition"] == ["attachment; filename=\"page.html\""])
            #expect(response.headers["Cache-Control"] == ["private, max-age=900"])
            #expect(response.headers["Content-Type"] == ["text/html; charset=utf-8"])
            var tampered = URLComponents(url: download.url, resolvingAgainstBaseURL: false)!
            tampered.queryItems = tampered.queryItems?.map { item in
                item.name == "response-content-disposition" ? URLQueryItem(name: item.name, value: "inline") : item
            }
            #expect(try await S3TestServer.plainBody(tampered.url!).status == 403, "the overrides are signed")
        }
    }

    @Test("an expired presigned URL is refused by the server")
    func presignedExpired() async throws {
        try await S3TestServer.withStore { store, prefix in
            let key = try ObjectKey(prefix + "/expired.txt")
            _ = try await store.put(key, bytes: ByteBuffer(string: "old news"), contentType: "text/plain")
            let past = S3ObjectStore(
                location: store.location, credentials: S3TestServer.credentials(secret: nil), partSize: store.partSize,
                clock: WallClock { Date().addingTimeInterval(-3_600) }
            )
            let download = try await past.signedRequest(.get, for: key, expiresIn: .seconds(60))
            #expect(try await S3TestServer.plainBody(download.url).status == 403)
        }
    }

    @Test("a wrong secret is rejected by the server as a typed 403")
    func wrongSecret() async throws {
        try await S3TestServer.withStore { store, prefix in
            let key = try ObjectKey(prefix + "/secret.txt")
            _ = try await store.put(key, bytes: ByteBuffer(string: "x"), contentType: "text/plain")
            let impostor = S3ObjectStore(location: store.location, credentials: S3TestServer.credentials(secret: String(repeating: "x", count: 40)))
            await #expect(throws: ObjectStoreError.accessDenied(code: "SignatureDoesNotMatch")) {
                try await impostor.put(key, bytes: ByteBuffer(string: "overwritten"), contentType: "text/plain")
            }
            await #expect(throws: ObjectStoreError.accessDenied(code: "Forbidden")) { try await impostor.head(key) }
            #expect(try await store.get(key, range: nil).body.collect() == "x")
        }
    }
}

enum S3TestServer {
    static let environment = ProcessInfo.processInfo.environment

    static var location: S3Location? {
        guard let text = environment["LYCEUM_TEST_S3_URL"], !text.isEmpty, case .s3(let location)? = try? ObjectStoreLocation(text) else {
            return nil
        }
        return location
    }

    static func credentials(secret: String?) -> any AWSCredentialProvider {
        StaticCredentialProvider(
            AWSCredentials(
                accessKeyId: environment["LYCEUM_TEST_S3_ACCESS_KEY"] ?? "", secretAccessKey: secret ?? environment["LYCEUM_TEST_S3_SECRET_KEY"] ?? ""
            )
        )
    }

    /// Runs `body` with a store using 5 MiB parts and a fresh prefix, then deletes everything under it.
    static func withStore(_ body: (S3ObjectStore, String) async throws -> Void) async throws {
        let location = try #require(location)
        let store = S3ObjectStore(location: location, credentials: credentials(secret: nil), partSize: 5 << 20)
        let prefix = "test-" + UUID().uuidString.lowercased()
        do {
            try await body(store, prefix)
        } catch {
            try? await removeAll(store, prefix: prefix)
            throw error
        }
        try await removeAll(store, prefix: prefix)
    }

    static func removeAll(_ store: S3ObjectStore, prefix: String) async throws {
        var continuation: String?
        repeat {
            let page = try await store.list(prefix: prefix + "/", continuation: continuation, limit: 1_000)
            for object in page.objects { try await store.delete(object.key) }
            continuation = page.continuation
        } while continuation != nil
    }

    /// Status of a request made without any of Lyceum's signing, as a browser would make it.
    static func plain(_ method: String, _ url: URL, headers: [String: String], body: String) async throws -> UInt {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        return response.status.code
    }

    static func plainBody(_ url: URL) async throws -> (status: UInt, body: String) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(30))
        return (response.status.code, String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }
}
