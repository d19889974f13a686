import Hummingbird
import LyceumHTTP

/// The upload routes of a signed-in browser, for the upload widget (`uploads.js`): the same service calls and
/// JSON answers as `/api/v1/uploads`, with the session's caller. The CSRF token travels in `X-CSRF-Token`,
/// which the web layer checks before any body is read, so the file still streams.
struct UploadPages: Sendable {
    let api: UploadsAPI

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.post("uploads", use: api.create)
        pages.post("uploads/presign", use: api.presign)
        pages.post("uploads/:id/complete", use: api.complete)
        pages.post("uploads/:id/delete", use: api.delete)
    }
}
