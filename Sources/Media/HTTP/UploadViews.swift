import Foundation
import LyceumHTTP
import LyceumPlatform

/// An upload as the API shows it.
struct UploadView: Encodable {
    let id: String
    let ownerId: String
    let purpose: String
    let filename: String
    let size: Int64
    let contentType: String
    @ExplicitNull var sha256: String?
    let status: String
    let createdAt: Date
    let updatedAt: Date

    init(_ upload: Upload) {
        id = upload.id
        ownerId = upload.ownerID
        purpose = upload.purpose.rawValue
        filename = upload.filename
        size = upload.size
        contentType = upload.fileType.rawValue
        sha256 = upload.sha256
        status = upload.status.rawValue
        createdAt = upload.createdAt
        updatedAt = upload.updatedAt
    }
}

/// The answer to `POST /uploads/presign`.
struct PreparedUploadView: Encodable {
    /// Where and how to send the file.
    struct Target: Encodable {
        let method: String
        let url: String
        let headers: [String: String]
        let expiresAt: Date
    }

    let upload: UploadView
    let uploadRequest: Target

    init(_ prepared: PreparedUpload) {
        upload = UploadView(prepared.upload)
        uploadRequest = Target(
            method: prepared.request.method, url: prepared.request.url.absoluteString, headers: prepared.request.headers,
            expiresAt: prepared.request.expires
        )
    }
}
