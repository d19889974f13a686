import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Uploads as other domains see them (see `UploadCatalog`).
extension MediaService: UploadCatalog {
    public func attachable(_ principal: Principal, uploadID: String, purposes: Set<String>) async throws -> AttachedUpload? {
        guard let upload = try await live(uploadID), upload.status == .ready, purposes.contains(upload.purpose.rawValue),
            upload.ownerID == principal.userID || principal.isAdmin
        else { return nil }
        return Self.attached(upload)
    }

    public func attached(ids: [String]) async throws -> [String: AttachedUpload] {
        let wellFormed = ids.filter { UUID(uuidString: $0) != nil }
        guard !wellFormed.isEmpty else { return [:] }
        let uploads = try await database.read { sql in try await UploadStore.ready(ids: wellFormed, on: sql) }
        return Dictionary(uniqueKeysWithValues: uploads.map { ($0.id, Self.attached($0)) })
    }

    public func embedURL(_ principal: Principal, uploadID: String) async throws -> String? {
        guard UUID(uuidString: uploadID) != nil else { return nil }
        do {
            return try await downloadLink(principal, id: uploadID).url.absoluteString
        } catch let error as AppError where error.status == 404 || error.status == 409 {
            return nil
        }
    }

    static func attached(_ upload: Upload) -> AttachedUpload {
        AttachedUpload(
            id: upload.id, ownerID: upload.ownerID, purpose: upload.purpose.rawValue, filename: upload.filename, size: upload.size,
            contentType: upload.fileType.contentType
        )
    }
}
