import Foundation
import HTTPTypes
import LyceumApp
import LyceumPlatform
import Media
import NIOCore
import Testing

/// The uploads part of a matrix cell: a ready attachment of the enrolled student's for routes that name an
/// upload, a real multipart file for the streamed upload, and a direct upload's description for presign.
enum MatrixMediaFixture {
    static func make(for route: ServedRoute, cast: MatrixCast) async throws -> String? {
        guard route.path.hasPrefix("/api/v1/uploads/{id}") || route.path.hasPrefix("/uploads/{id}") else { return nil }
        return try await attachment(cast: cast)
    }

    /// A ready text attachment of the enrolled student's, for routes that name an upload or attach one.
    static func attachment(cast: MatrixCast) async throws -> String {
        let media = try cast.app.services.require(MediaService.self)
        let notes = ByteBuffer(string: "Lecture notes.\n")
        let upload = try await media.receive(
            try #require(cast.principal(.student)),
            IncomingFile(
                purpose: .attachment, filename: "notes.txt", head: notes, headIsWholeFile: true, rest: ObjectBody(bytes: ByteBuffer()),
                minimumSize: nil
            )
        )
        return upload.id
    }

    /// `POST /api/v1/uploads` with a small text attachment, as a browser's form would send it.
    static func send(_ route: ServedRoute, token: String?, app: TestApp) async throws -> Reply? {
        guard route.method == .post, route.path == "/api/v1/uploads" else { return nil }
        return try await app.upload(Array("Lecture notes.\n".utf8), purpose: "attachment", filename: "notes.txt", token: token)
    }

    static func apiBody(_ route: ServedRoute) -> [String: any Sendable]? {
        guard route.method == .post, route.path == "/api/v1/uploads/presign" else { return nil }
        return ["purpose": "attachment", "filename": "notes.pdf", "size": 1_000, "contentType": "application/pdf"]
    }

    /// The browser's upload routes as the upload widget calls them: the token in `X-CSRF-Token`, a multipart
    /// file or a JSON description instead of a form.
    static func sendPage(_ route: ServedRoute, path: String, headers: HTTPFields, csrf: String, app: TestApp) async throws -> Reply? {
        guard route.method == .post, route.path.hasPrefix("/uploads") else { return nil }
        var headers = headers
        headers[.accept] = "application/json"
        headers[HTTPField.Name("X-CSRF-Token")!] = csrf
        switch route.path {
        case "/uploads":
            headers[.contentType] = MultipartBody.contentType
            return try await app.raw(
                .post, path, headers: headers, body: MultipartBody.make(purpose: "attachment", filename: "notes.txt", file: Array("Lecture notes.\n".utf8))
            )
        case "/uploads/presign":
            headers[.contentType] = "application/json"
            let body = #"{"purpose":"attachment","filename":"notes.pdf","size":1000,"contentType":"application/pdf"}"#
            return try await app.raw(.post, path, headers: headers, body: ByteBuffer(string: body))
        default:
            return try await app.raw(.post, path, headers: headers)
        }
    }
}
