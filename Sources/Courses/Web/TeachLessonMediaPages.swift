import Foundation
import HTTPTypes
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The lesson editor's file forms: attach an uploaded file, remove one, set or remove the uploaded video. The
/// shared upload widget uploads the chosen file and posts its id here; each change returns to the lesson
/// editor with a notice, and a refusal shows the editor again with the reason.
extension TeachItemPages {
    /// The video and attachment controls of a saved lesson.
    func mediaEditor(_ slug: String, lesson: Lesson, context: AppRequestContext) async throws -> Content.LessonMediaEditor {
        let media = try await courses.lessonMedia(context.principal, lesson: lesson)
        let base = "/teach/courses/\(slug)/lessons/\(lesson.id)"
        return Content.LessonMediaEditor(
            files: media.attachments.map {
                .init(filename: $0.filename, size: FileSizeText.text($0.size), removeAction: "\(base)/attachments/\($0.id)/remove")
            },
            attachAction: "\(base)/attachments", canAttach: media.attachments.count < LessonMediaRules.maxAttachments,
            maxAttachments: LessonMediaRules.maxAttachments, videoAction: "\(base)/video", uploadedVideo: media.video?.filename
        )
    }

    @Sendable func attachFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let slug = try context.parameters.require("course")
        let lessonID = try context.parameters.require("lesson")
        do {
            let upload = try await courses.attach(context.principal, slug, lessonID: lessonID, uploadID: form["uploadId"])
            return backToLesson(slug, lessonID, done: "Attached “\(upload.filename)”.", context)
        } catch let error as AppError where error.status == 422 || error.status == 409 {
            let reason = error.fields["uploadId"].map { "The file was not attached: it \($0)." } ?? "The file was not attached: \(error.message)"
            return try await refuse(slug, lessonID, reason: reason, status: .init(code: error.status), context: context)
        }
    }

    @Sendable func removeFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("course")
        let lessonID = try context.parameters.require("lesson")
        try await courses.detach(context.principal, slug, lessonID: lessonID, uploadID: try context.parameters.require("upload"))
        return backToLesson(slug, lessonID, done: "Removed the attachment.", context)
    }

    /// Sets the uploaded video (`videoUploadId`, which replaces a video address) or removes it (`remove=true`).
    @Sendable func setVideo(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let slug = try context.parameters.require("course")
        let lessonID = try context.parameters.require("lesson")
        var input = LessonInput()
        input.videoUploadId = form["remove"] == "true" ? "" : form["videoUploadId"].trimmingCharacters(in: .whitespaces)
        if input.videoUploadId?.isEmpty == true, form["remove"] != "true" {
            return try await refuse(slug, lessonID, reason: "Choose a video file to upload first.", status: .unprocessableContent, context: context)
        }
        do {
            _ = try await courses.updateLesson(context.principal, slug, lessonID: lessonID, input: input)
            return backToLesson(slug, lessonID, done: form["remove"] == "true" ? "Removed the video." : "Set the lesson's video.", context)
        } catch let error as AppError where error.status == 422 {
            let reason = error.fields["videoUploadId"].map { "The video was not set: it \($0)." } ?? "The video was not set: \(error.message)"
            return try await refuse(slug, lessonID, reason: reason, status: .unprocessableContent, context: context)
        }
    }

    private func backToLesson(_ slug: String, _ lessonID: String, done: String, _ context: AppRequestContext) -> Response {
        FlashNotice.redirect(to: "/teach/courses/\(slug)/lessons/\(lessonID)", notice: done, context: context)
    }

    private func refuse(
        _ slug: String, _ lessonID: String, reason: String, status: HTTPResponse.Status, context: AppRequestContext
    ) async throws -> Response {
        try renderLessonEditor(try await lessonEditorContent(slug, lessonID: lessonID, context: context), context: context, error: reason, status: status)
    }
}
