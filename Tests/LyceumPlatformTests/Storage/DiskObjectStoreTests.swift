import Foundation
import LyceumCore
import LyceumPlatform
import NIOCore
import Testing

@Suite("Disk object store")
struct DiskObjectStoreTests {
    /// A store in a fresh temporary directory, removed afterwards.
    static func withStore(_ body: (DiskObjectStore) async throws -> Void) async throws {
        let root = NSTemporaryDirectory() + "lyceum-objects-" + UUID().uuidString.lowercased()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let signer = ObjectURLSigner(secret: "test-secret-0123456789-0123456789-abcdef", baseURL: "https://lyceum.test/objects")
        try await body(try DiskObjectStore(root: root, signer: signer))
    }

    static func incomingFiles(_ store: DiskObjectStore) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: store.root + "/.incoming")
    }

    @Test("put, get, ranges, head, replace")
    func putGet() async throws {
        try await Self.withStore { try await ObjectStoreContract.putGetHeadRanges($0, prefix: "contract") }
    }

    @Test("missing objects are not found; deleting them succeeds")
    func missing() async throws {
        try await Self.withStore { try await ObjectStoreContract.missingObjects($0, prefix: "contract") }
    }

    @Test("delete removes the object and the folders it leaves empty")
    func delete() async throws {
        try await Self.withStore { store in
            try await ObjectStoreContract.deleteRemoves(store, prefix: "contract")
            #expect(!FileManager.default.fileExists(atPath: store.root + "/contract"))
        }
    }

    @Test("lists by prefix in key order, in pages")
    func list() async throws {
        try await Self.withStore { try await ObjectStoreContract.listsByPrefixInPages($0, prefix: "contract") }
    }

    @Test("a body of the wrong size is refused and leaves no file")
    func wrongSize() async throws {
        try await Self.withStore { store in
            try await ObjectStoreContract.refusesWrongSize(store, prefix: "contract")
            #expect(try Self.incomingFiles(store).isEmpty)
        }
    }

    @Test("a body that fails half-way leaves neither the object nor a temporary file")
    func failedBody() async throws {
        try await Self.withStore { store in
            try await ObjectStoreContract.failedBodyLeavesNothing(store, prefix: "contract", chunkSize: 100_000)
            #expect(try Self.incomingFiles(store).isEmpty)
        }
    }

    @Test("a cancelled upload leaves neither the object nor a temporary file, and the old object stays whole")
    func cancelledPut() async throws {
        try await Self.withStore { store in
            let key = try ObjectKey("video/talk.mp4")
            _ = try await store.put(key, bytes: ByteBuffer(string: "old"), contentType: "video/mp4")
            let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
            let upload = Task { try await store.put(key, body: stream, size: nil, contentType: "video/mp4") }
            continuation.yield(ByteBuffer(repeating: 1, count: 300_000))
            continuation.yield(ByteBuffer(repeating: 2, count: 300_000))
            // Wait until the upload has written past its header: its temporary file is larger than the first chunk.
            try await waitUntil { (try? Self.incomingSizes(store).first.map { $0 > 262_144 }) == true }
            upload.cancel()
            continuation.finish()
            await #expect(throws: CancellationError.self) { try await upload.value }
            #expect(try Self.incomingFiles(store).isEmpty)
            #expect(try await store.get(key, range: nil).body.collect() == "old")
        }
    }

    @Test("a 12 MB body streams in and out intact")
    func large() async throws {
        try await Self.withStore { store in
            try await ObjectStoreContract.streamsLargeObjects(store, prefix: "contract", chunkSize: 1 << 20, chunkCount: 12)
            #expect(try Self.incomingFiles(store).isEmpty)
        }
    }

    @Test("objects are files under the root, named by their key")
    func layout() async throws {
        try await Self.withStore { store in
            _ = try await store.put(try ObjectKey("uploads/a/b.txt"), bytes: ByteBuffer(string: "hi"), contentType: "text/plain")
            let attributes = try FileManager.default.attributesOfItem(atPath: store.root + "/uploads/a/b.txt")
            #expect((attributes[.size] as? Int) == 512 + 2)
        }
    }

    @Test("a listing prefix that climbs out of the root finds nothing")
    func listTraversal() async throws {
        try await Self.withStore { store in
            _ = try await store.put(try ObjectKey("a.txt"), bytes: ByteBuffer(string: "a"), contentType: "text/plain")
            for prefix in ["../", "../../etc/", "/etc/", "a/../"] {
                #expect(try await store.list(prefix: prefix, continuation: nil, limit: 10).objects.isEmpty, "prefix \(prefix)")
            }
        }
    }

    static func incomingSizes(_ store: DiskObjectStore) throws -> [Int] {
        try incomingFiles(store).compactMap {
            try FileManager.default.attributesOfItem(atPath: store.root + "/.incoming/" + $0)[.size] as? Int
        }
    }

    func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else { Issue.record("condition not met in 10 s"); return }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

@Suite("Signed object URLs")
struct ObjectURLSignerTests {
    let signer = ObjectURLSigner(secret: "test-secret-0123456789-0123456789-abcdef", baseURL: "https://lyceum.test/objects/")
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func parts(_ request: SignedRequest) throws -> (key: String, expires: String?, signature: String?) {
        let components = try #require(URLComponents(url: request.url, resolvingAgainstBaseURL: false))
        let key = String(components.path.dropFirst("/objects/".count))
        let items = components.queryItems ?? []
        return (key, items.first { $0.name == "expires" }?.value, items.first { $0.name == "signature" }?.value)
    }

    @Test("a download URL verifies for GET and HEAD until it expires")
    func download() throws {
        let request = signer.request(.get, for: try ObjectKey("uploads/a b/ü.pdf"), expires: now.addingTimeInterval(300))
        #expect(request.url.absoluteString.hasPrefix("https://lyceum.test/objects/uploads/a%20b/%C3%BC.pdf?expires=1800000300&signature="))
        let (key, expires, signature) = try parts(request)
        for method in ["GET", "HEAD"] {
            let verified = try signer.verify(method: method, key: key, expires: expires, signature: signature, contentType: nil, now: now)
            #expect(verified.value == "uploads/a b/ü.pdf")
        }
        #expect(throws: ObjectURLSigner.Refusal.expired) {
            try signer.verify(method: "GET", key: key, expires: expires, signature: signature, contentType: nil, now: now.addingTimeInterval(300))
        }
    }

    @Test("tampering with the key, the expiry or the signature is refused")
    func tampered() throws {
        let (key, expires, signature) = try parts(signer.request(.get, for: try ObjectKey("uploads/a.pdf"), expires: now.addingTimeInterval(300)))
        let signature0 = try #require(signature)
        let flipped = String(signature0.dropLast()) + (signature0.last == "A" ? "B" : "A")
        #expect(throws: ObjectURLSigner.Refusal.invalidSignature) {
            try signer.verify(method: "GET", key: "uploads/b.pdf", expires: expires, signature: signature, contentType: nil, now: now)
        }
        #expect(throws: ObjectURLSigner.Refusal.invalidSignature) {
            try signer.verify(method: "GET", key: key, expires: "1900000000", signature: signature, contentType: nil, now: now)
        }
        #expect(throws: ObjectURLSigner.Refusal.invalidSignature) {
            try signer.verify(method: "GET", key: key, expires: expires, signature: flipped, contentType: nil, now: now)
        }
        #expect(throws: ObjectURLSigner.Refusal.malformed) {
            try signer.verify(method: "GET", key: key, expires: nil, signature: signature, contentType: nil, now: now)
        }
        #expect(throws: ObjectURLSigner.Refusal.malformed) {
            try signer.verify(method: "GET", key: "../" + key, expires: expires, signature: signature, contentType: nil, now: now)
        }
        let other = ObjectURLSigner(secret: "another-secret-0123456789-0123456789-abc", baseURL: "https://lyceum.test/objects")
        #expect(throws: ObjectURLSigner.Refusal.invalidSignature) {
            try other.verify(method: "GET", key: key, expires: expires, signature: signature, contentType: nil, now: now)
        }
    }

    @Test("a download URL does not allow an upload, and an upload needs its content type")
    func methods() throws {
        let objectKey = try ObjectKey("uploads/v.mp4")
        let download = try parts(signer.request(.get, for: objectKey, expires: now.addingTimeInterval(60)))
        #expect(throws: ObjectURLSigner.Refusal.invalidSignature) {
            try signer.verify(method: "PUT", key: download.key, expires: download.expires, signature: download.signature, contentType: "video/mp4", now: now)
        }
        let uploadRequest = signer.request(.put(contentType: "video/mp4"), for: objectKey, expires: now.addingTimeInterval(60))
        #expect(uploadRequest.method == "PUT" && uploadRequest.headers == ["Content-Type": "video/mp4"])
        let upload = try parts(uploadRequest)
        #expect(try signer.verify(method: "PUT", key: upload.key, expires: upload.expires, signature: upload.signature, contentType: "video/mp4", now: now) == objectKey)
        #expect(throws: ObjectURLSigner.Refusal.invalidSignature) {
            try signer.verify(method: "PUT", key: upload.key, expires: upload.expires, signature: upload.signature, contentType: "text/html", now: now)
        }
        #expect(throws: ObjectURLSigner.Refusal.invalidSignature) {
            try signer.verify(method: "GET", key: upload.key, expires: upload.expires, signature: upload.signature, contentType: nil, now: now)
        }
    }

    @Test("the disk store's signed requests expire after the asked duration, at most a week")
    func storeExpiry() async throws {
        let clock = WallClock { Date(timeIntervalSince1970: 1_800_000_000) }
        let root = NSTemporaryDirectory() + "lyceum-objects-" + UUID().uuidString.lowercased()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try DiskObjectStore(root: root, signer: signer, clock: clock)
        let key = try ObjectKey("a.txt")
        #expect(try await store.signedRequest(.get, for: key, expiresIn: .seconds(900)).expires == Date(timeIntervalSince1970: 1_800_000_900))
        #expect(try await store.signedRequest(.get, for: key, expiresIn: .seconds(30 * 86_400)).expires == Date(timeIntervalSince1970: 1_800_604_800))
        await #expect(throws: ObjectStoreError.invalidContentType) {
            try await store.signedRequest(.put(contentType: "text/html\r\nX-Evil: 1"), for: key, expiresIn: .seconds(60))
        }
    }
}
