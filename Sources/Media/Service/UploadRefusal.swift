import LyceumCore

/// The answers Media gives when it refuses a file or a request about one.
enum UploadRefusal {
    static func tooLarge(_ purpose: UploadPurpose, limit: Int64) -> AppError {
        AppError(status: 413, code: "file_too_large", message: "A file for \(purpose.rawValue) may have at most \(limit) bytes.")
    }

    static func quotaExceeded(quota: Int64) -> AppError {
        AppError(status: 413, code: "quota_exceeded", message: "This file would take your uploads past your storage quota of \(quota) bytes. Delete some files first.")
    }

    static func unsupportedType(_ purpose: UploadPurpose) -> AppError {
        let allowed = purpose.allowedTypes.map(\.rawValue).sorted().joined(separator: ", ")
        return AppError(status: 415, code: "unsupported_file_type", message: "A file for \(purpose.rawValue) must be one of: \(allowed).")
    }

    static let typeMismatch = AppError(
        status: 415, code: "unsupported_file_type", message: "The file's contents are not of the type announced when the upload was prepared."
    )

    static let empty = AppError(status: 422, code: "empty_file", message: "The file is empty.")

    static let notReady = AppError(status: 409, code: "upload_not_ready", message: "The upload has not been completed yet.")

    static let notUploaded = AppError(
        status: 409, code: "upload_incomplete", message: "No file has been stored at the upload URL yet; upload it, then complete the upload."
    )

    static let alreadyStored = AppError(status: 409, code: "upload_completed", message: "This upload already has its file.")

    static let abandoned = AppError(status: 409, code: "upload_abandoned", message: "The upload was removed while its file was arriving; start again.")

    static let sizeMismatch = AppError(
        status: 400, code: "size_mismatch", message: "The body must have exactly the size announced when the upload was prepared."
    )

    static let notOwner = AppError.forbidden("Only the file's owner may do this.")
}
