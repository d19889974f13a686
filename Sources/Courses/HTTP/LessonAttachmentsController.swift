import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP

/// `/api/v1/courses/{course}/lessons/{lesson}/attachments`: the files attached to a lesson.
struct LessonAttachmentsController: Sendable {
    let courses: CoursesService

    /// The routes, to mount at `/api/v1`.
    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("courses/:course/lessons/:lesson/attachments", use: list)
        routes.post("courses/:course/lessons/:lesson/attachments", use: attach)
        routes.delete("courses/:course/lessons/:lesson/attachments/:upload", use: detach)
        return routes
    }

    struct AttachBody: Decodable {
        let uploadId: String
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let attachments = try await courses.lessonAttachments(
            context.principal, try context.parameters.require("course"), lessonID: try context.parameters.require("lesson")
        )
        return try JSONResponse.encode(ItemsView(items: attachments.map(LessonAttachmentView.init), nextCursor: nil))
    }

    @Sendable func attach(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(AttachBody.self, context: context)
        let upload = try await courses.attach(
            context.principal, try context.parameters.require("course"), lessonID: try context.parameters.require("lesson"),
            uploadID: body.uploadId
        )
        return try JSONResponse.encode(["attachment": LessonAttachmentView(upload)], status: .created)
    }

    @Sendable func detach(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await courses.detach(
            context.principal, try context.parameters.require("course"), lessonID: try context.parameters.require("lesson"),
            uploadID: try context.parameters.require("upload")
        )
        return JSONResponse.noContent()
    }
}

/// `{uploadId, filename, size, contentType, downloadPath}`: a file attached to a lesson.
struct LessonAttachmentView: Codable {
    let uploadId: String
    let filename: String
    let size: Int64
    let contentType: String
    /// The API path that redirects a reader to a short-lived signed link of the bytes.
    let downloadPath: String

    init(_ upload: AttachedUpload) {
        uploadId = upload.id
        filename = upload.filename
        size = upload.size
        contentType = upload.contentType
        downloadPath = upload.contentPath
    }
}
