import Foundation
import NIOCore

/// What a store knows about one object.
public struct ObjectInfo: Sendable, Equatable {
    /// The object's key.
    public let key: ObjectKey
    /// The whole object's size in bytes.
    public let size: Int64
    /// The content type given when it was stored.
    public let contentType: String
    /// An opaque validator that changes whenever the object is replaced, quoted as in an `ETag` header.
    public let etag: String
    /// When the object was stored.
    public let lastModified: Date

    /// Creates a description.
    public init(key: ObjectKey, size: Int64, contentType: String, etag: String, lastModified: Date) {
        self.key = key
        self.size = size
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// An object being read: what it is, which bytes come, and the bytes.
public struct ObjectDownload: Sendable {
    /// The whole object.
    public let info: ObjectInfo
    /// The bytes `body` carries: `nil` for the whole object, else the resolved range (HTTP 206).
    public let range: ClosedRange<Int64>?
    /// The bytes, streamed; iterate once.
    public let body: ObjectBody

    /// Creates a download.
    public init(info: ObjectInfo, range: ClosedRange<Int64>?, body: ObjectBody) {
        self.info = info
        self.range = range
        self.body = body
    }

    /// How many bytes `body` carries (`Content-Length`).
    public var contentLength: Int64 { range.map { $0.upperBound - $0.lowerBound + 1 } ?? info.size }

    /// The `Content-Range` header of a partial answer, e.g. `bytes 0-99/1000`.
    public var contentRange: String? { range.map { "bytes \($0.lowerBound)-\($0.upperBound)/\(info.size)" } }
}

/// One object in a listing.
public struct ObjectSummary: Sendable, Equatable {
    /// The object's key.
    public let key: ObjectKey
    /// Its size in bytes.
    public let size: Int64
    /// When it was stored.
    public let lastModified: Date

    /// Creates a summary.
    public init(key: ObjectKey, size: Int64, lastModified: Date) {
        self.key = key
        self.size = size
        self.lastModified = lastModified
    }
}

/// One page of a listing, in key order (byte-wise, as S3 sorts).
public struct ObjectListing: Sendable, Equatable {
    /// The objects of this page.
    public let objects: [ObjectSummary]
    /// Pass to the next `list` call for the following page; `nil` on the last page.
    public let continuation: String?

    /// Creates a page.
    public init(objects: [ObjectSummary], continuation: String?) {
        self.objects = objects
        self.continuation = continuation
    }
}

/// The headers a signed download is answered with, chosen when the URL is signed.
///
/// S3 takes them as signed `response-*` query parameters, so its answer carries them; Lyceum's disk route
/// decides the same headers itself from the upload's record, so the disk store does not put them in the URL.
public struct ServedHeaders: Sendable, Equatable {
    /// The `Content-Type` to answer with.
    public let contentType: String
    /// The `Content-Disposition` (`inline` or `attachment`, with the file name).
    public let contentDisposition: String
    /// The `Cache-Control`, fitting the URL's life.
    public let cacheControl: String

    /// Creates the headers.
    public init(contentType: String, contentDisposition: String, cacheControl: String) {
        self.contentType = contentType
        self.contentDisposition = contentDisposition
        self.cacheControl = cacheControl
    }
}

/// What a signed URL lets its holder do.
public enum SignedAccess: Sendable, Equatable {
    /// Read the object, answered with the headers it was stored with.
    case get
    /// Read the object, answered with `headers` where the store lets the signer choose them.
    case download(ServedHeaders)
    /// Store the object once, with exactly this `Content-Type`.
    case put(contentType: String)

    /// The HTTP method of the request the URL allows.
    public var method: String {
        switch self {
        case .get, .download: "GET"
        case .put: "PUT"
        }
    }
}

/// A URL a browser can use directly, without Lyceum's credentials.
public struct SignedRequest: Sendable, Equatable {
    /// The HTTP method to use.
    public let method: String
    /// The URL, carrying its signature and expiry.
    public let url: URL
    /// Headers the request must carry exactly as given (the signed `Content-Type` of an upload).
    public let headers: [String: String]
    /// When the URL stops working.
    public let expires: Date

    /// Creates a signed request.
    public init(method: String, url: URL, headers: [String: String], expires: Date) {
        self.method = method
        self.url = url
        self.headers = headers
        self.expires = expires
    }
}

/// Where uploaded files live: a directory under the data directory (embedded) or an S3-compatible bucket
/// (scaled). Bodies are streamed both ways, so an object of any size never sits in memory whole.
///
/// Errors are `ObjectStoreError`, or `CancellationError` when the calling task is cancelled; a failed or
/// cancelled `put` leaves nothing behind under the key.
public protocol ObjectStore: Sendable {
    /// Stores `body` under `key`, replacing any object there.
    /// - Parameters:
    ///   - size: the announced size; when given, a body of another size is refused and nothing is stored.
    ///   - contentType: the `Content-Type` the object is served with.
    func put<Body: AsyncSequence & Sendable>(
        _ key: ObjectKey, body: Body, size: Int64?, contentType: String
    ) async throws -> ObjectInfo where Body.Element == ByteBuffer

    /// The object, or the `range` of it, streamed.
    /// - Throws: `ObjectStoreError.notFound`, or `.rangeNotSatisfiable` when the range starts past the end.
    func get(_ key: ObjectKey, range: ByteRange?) async throws -> ObjectDownload

    /// The object's size, content type and ETag.
    /// - Throws: `ObjectStoreError.notFound`.
    func head(_ key: ObjectKey) async throws -> ObjectInfo

    /// Removes the object; removing a missing object succeeds.
    func delete(_ key: ObjectKey) async throws

    /// Objects whose keys start with `prefix`, in key order, at most `limit` (1...1000) per page.
    /// - Parameter continuation: the previous page's `continuation`, or `nil` for the first page.
    func list(prefix: String, continuation: String?, limit: Int) async throws -> ObjectListing

    /// A URL that allows `access` to `key` until `expiresIn` from now (at most 7 days).
    func signedRequest(_ access: SignedAccess, for key: ObjectKey, expiresIn: Duration) async throws -> SignedRequest
}

extension ObjectStore {
    /// Stores `bytes` under `key` (for small objects built in memory).
    public func put(_ key: ObjectKey, bytes: ByteBuffer, contentType: String) async throws -> ObjectInfo {
        try await put(key, body: ObjectBody(bytes: bytes), size: Int64(bytes.readableBytes), contentType: contentType)
    }
}

/// Checks a content type before it is written to disk or sent in a header.
enum ContentTypeRule {
    static func validate(_ contentType: String) throws(ObjectStoreError) {
        guard !contentType.isEmpty, contentType.utf8.count <= 255,
            contentType.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
        else { throw .invalidContentType }
    }
}
