import Foundation
import LyceumCore

/// What another domain may know of an upload it attaches to its things: enough to validate the attachment
/// when it is made and to show it afterwards, never where its bytes live.
public struct AttachedUpload: Sendable, Equatable, Codable {
    /// The upload's id.
    public let id: String
    /// Its owner.
    public let ownerID: String
    /// What it was uploaded for: `avatar`, `attachment`, `audio` or `video`.
    public let purpose: String
    /// Its sanitised original file name.
    public let filename: String
    /// Its size in bytes.
    public let size: Int64
    /// Its media type, decided from its bytes (`application/pdf`, `video/mp4`, …).
    public let contentType: String

    /// Creates the description.
    public init(id: String, ownerID: String, purpose: String, filename: String, size: Int64, contentType: String) {
        self.id = id
        self.ownerID = ownerID
        self.purpose = purpose
        self.filename = filename
        self.size = size
        self.contentType = contentType
    }

    /// Where a caller who may read it fetches its bytes: a redirect to a short-lived signed link.
    public var contentPath: String { "/api/v1/uploads/\(id)/content" }
}

/// Uploads as other domains see them. Media implements it; Identity (profile pictures), Courses (lesson
/// attachments and videos) and Community (files on posts and messages) ask it instead of reading Media's tables.
public protocol UploadCatalog: Sendable {
    /// The upload, when `principal` may attach it: it exists, is ready, is one of `purposes`, and is theirs
    /// (administrators may attach anyone's). `nil` otherwise, for the caller to refuse with its own field name.
    func attachable(_ principal: Principal, uploadID: String, purposes: Set<String>) async throws -> AttachedUpload?

    /// The ready uploads among `ids`, by id; unknown, pending, failed and deleted ones are left out.
    func attached(ids: [String]) async throws -> [String: AttachedUpload]

    /// A short-lived signed URL of the upload's bytes for a page to embed (an `<img>` or `<video>` source),
    /// when `principal` may read it; `nil` when not, or when it is not ready.
    func embedURL(_ principal: Principal, uploadID: String) async throws -> String?
}

/// An upload was deleted by its owner or an administrator. Published by Media in the transaction that marks it
/// deleted; domains that attached it drop their references.
public struct UploadDeleted: DomainEvent {
    public static let eventName = "media.upload-deleted"

    /// The upload.
    public let uploadID: String
    /// Its owner.
    public let ownerID: String
    /// When it was deleted.
    public let deletedAt: Date

    /// Creates the event.
    public init(uploadID: String, ownerID: String, deletedAt: Date) {
        self.uploadID = uploadID
        self.ownerID = ownerID
        self.deletedAt = deletedAt
    }
}
