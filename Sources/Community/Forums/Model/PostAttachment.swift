import Foundation
import LyceumContracts

/// A file on a thread or reply: the upload's description as it was when attached (Media's `UploadDeleted`
/// removes the row when the upload goes).
struct PostAttachment: Sendable, Equatable {
    let uploadID: String
    let filename: String
    let size: Int64
    let contentType: String

    init(uploadID: String, filename: String, size: Int64, contentType: String) {
        self.uploadID = uploadID
        self.filename = filename
        self.size = size
        self.contentType = contentType
    }

    init(_ upload: AttachedUpload) {
        self.init(uploadID: upload.id, filename: upload.filename, size: upload.size, contentType: upload.contentType)
    }

    /// The API path that redirects a reader (bearer token) to a short-lived signed link.
    var contentPath: String { "/api/v1/uploads/\(uploadID)/content" }

    /// Whether a page may show it as a picture.
    var isImage: Bool { ["image/png", "image/jpeg", "image/webp", "image/gif"].contains(contentType) }

    /// The size as people read it: "812 bytes", "14.2 KB", "3.1 MB" (decimal units, one decimal).
    var humanSize: String {
        guard size >= 1_000 else { return size == 1 ? "1 byte" : "\(size) bytes" }
        var value = Double(size) / 1_000
        for unit in ["KB", "MB", "GB"] {
            if value < 999.95 || unit == "GB" {
                let tenths = Int((value * 10).rounded())
                return "\(tenths / 10).\(tenths % 10) \(unit)"
            }
            value /= 1_000
        }
        return "\(size) bytes"
    }
}
