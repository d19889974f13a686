import Foundation

/// Where an upload is in its life.
public enum UploadStatus: String, Sendable, Codable {
    /// Prepared for a direct upload, or being streamed in; not yet verified.
    case pending
    /// Verified and stored; readable.
    case ready
    /// Refused or deleted, its object still to be removed by the cleanup job; never shown.
    case failed
}

/// One uploaded file: who owns it, what it is for, what it turned out to be, and where its bytes live.
public struct Upload: Sendable, Equatable {
    /// The upload's id (a UUID).
    public let id: String
    /// The user who uploaded it.
    public let ownerID: String
    /// What it is for.
    public let purpose: UploadPurpose
    /// The sanitised original file name.
    public let filename: String
    /// Its size in bytes (the announced size while a direct upload is pending).
    public let size: Int64
    /// The type decided from its bytes (the announced type while a direct upload is pending).
    public let fileType: FileType
    /// The SHA-256 of its bytes, lowercase hex; `nil` until verified.
    public let sha256: String?
    /// The object's key in the store; generated, never derived from the file name.
    public let storageKey: String
    /// Where it is in its life.
    public let status: UploadStatus
    /// When it was started.
    public let createdAt: Date
    /// When its status or content last changed.
    public let updatedAt: Date
}
