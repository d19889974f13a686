import Courses
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import Media
import NIOCore
import Testing

/// The lesson files part of a matrix cell: a file of the owner's attached to the members' lesson (for routes that
/// name one), and a ready file of the calling account's own for the routes that attach one.
struct MatrixLessonMediaFixture: Sendable {
    let attachedUploadID: String
    /// The caller's own upload; `nil` for the anonymous caller.
    let ownUploadID: String?

    static func make(for route: ServedRoute, as role: MatrixRole, cast: MatrixCast, courseID: String, lessonID: String) async throws -> Self? {
        guard route.path.contains("/lessons/{lesson}/attachments") || route.path.hasSuffix("/lessons/{lesson}/video") else { return nil }
        let owner = try #require(cast.principal(.owner))
        let attached = try await upload(as: owner, cast: cast)
        _ = try await cast.courses.attach(owner, courseID, lessonID: lessonID, uploadID: attached)
        let own = try await cast.principal(role).asyncMap { try await upload(as: $0, cast: cast) }
        return MatrixLessonMediaFixture(attachedUploadID: attached, ownUploadID: own)
    }

    private static func upload(as principal: Principal, cast: MatrixCast) async throws -> String {
        let notes = ByteBuffer(string: "Lesson handout.\n")
        return try await cast.app.services.require(MediaService.self).receive(
            principal,
            IncomingFile(
                purpose: .attachment, filename: "handout.txt", head: notes, headIsWholeFile: true, rest: ObjectBody(bytes: ByteBuffer()),
                minimumSize: nil
            )
        ).id
    }

    func apiBody(_ route: ServedRoute) -> [String: any Sendable]? {
        guard route.method == .post, route.path == "/api/v1/courses/{course}/lessons/{lesson}/attachments" else { return nil }
        return ["uploadId": ownUploadID ?? attachedUploadID]
    }

    func formBody(_ route: ServedRoute) -> [String: String]? {
        switch route.path {
        case "/teach/courses/{course}/lessons/{lesson}/attachments": ["uploadId": ownUploadID ?? attachedUploadID]
        case "/teach/courses/{course}/lessons/{lesson}/video": ["remove": "true"]
        default: nil
        }
    }
}

extension Optional {
    /// `map` for async transforms.
    fileprivate func asyncMap<Result>(_ transform: (Wrapped) async throws -> Result) async rethrows -> Result? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
