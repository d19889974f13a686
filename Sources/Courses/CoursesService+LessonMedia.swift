import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// A lesson's video and attachments as one viewer sees them, with links signed for that viewer only.
struct LessonMedia: Sendable {
    /// The uploaded video, when the lesson has one that still exists.
    let video: AttachedUpload?
    /// A short-lived signed link of the uploaded video, when there is one the viewer may play.
    let videoSource: String?
    /// The external video address, when the lesson has one instead.
    let externalVideoURL: String?
    /// The attached files, in order; deleted uploads are left out.
    let attachments: [AttachedUpload]
}

/// Why a lesson's attachments or video may not be changed, beyond the course's editing rules.
enum LessonMediaRules {
    /// At most this many files per lesson.
    static let maxAttachments = 20
    /// The upload purposes a lesson attachment may have.
    static let attachmentPurposes: Set<String> = ["attachment", "audio"]
    /// The upload purpose of a lesson video.
    static let videoPurposes: Set<String> = ["video"]
}

extension CoursesService {
    /// The files attached to a lesson, for anyone who may read the lesson (the rule of `lesson`).
    public func lessonAttachments(_ principal: Principal?, _ idOrSlug: String, lessonID: String) async throws -> [AttachedUpload] {
        let ids = try await database.read { sql in
            let (_, lesson, _) = try await readableLesson(idOrSlug, lessonID: lessonID, for: principal, on: sql)
            return try await LessonMediaStore.attachmentIDs(lessonID: lesson.id, on: sql)
        }
        return try await attachedInOrder(ids)
    }

    /// Attaches an upload of the caller's (purpose `attachment` or `audio`, ready) to a lesson of a course they
    /// may edit. 422 on `uploadId` when the upload is not one they may attach, 422 `too_many_attachments` past
    /// `LessonMediaRules.maxAttachments`, 409 `already_attached` when it is attached to this lesson already.
    public func attach(_ principal: Principal?, _ idOrSlug: String, lessonID: String, uploadID: String) async throws -> AttachedUpload {
        let principal = try require(principal)
        try await requireEditableLesson(principal, idOrSlug, lessonID: lessonID)
        guard let upload = try await uploads.attachable(principal, uploadID: uploadID, purposes: LessonMediaRules.attachmentPurposes) else {
            throw AppError.validation(["uploadId": "must be a ready attachment or audio file you uploaded"])
        }
        let now = now()
        do {
            try await changing { sql in
                let course = try await editableCourse(idOrSlug, for: principal, on: sql)
                guard try await StructureStore.lesson(id: lessonID, courseID: course.id, on: sql) != nil else { throw AppError.notFound("lesson") }
                let (count, next) = try await LessonMediaStore.count(lessonID: lessonID, on: sql)
                guard count < LessonMediaRules.maxAttachments else {
                    throw AppError(
                        status: 422, code: "too_many_attachments",
                        message: "A lesson may have at most \(LessonMediaRules.maxAttachments) attachments.",
                        fields: ["uploadId": "a lesson may have at most \(LessonMediaRules.maxAttachments) attachments"]
                    )
                }
                try await LessonMediaStore.attach(
                    lessonID: lessonID, uploadID: upload.id, position: next, addedBy: principal.userID, at: now, on: sql
                )
            }
        } catch let error where DatabaseFailure(error) == .uniqueViolation {
            throw AppError.conflict("already_attached", "This file is already attached to the lesson.")
        }
        return upload
    }

    /// Detaches an upload from a lesson of a course the caller may edit; 404 when it is not attached. The upload
    /// itself stays with its owner.
    public func detach(_ principal: Principal?, _ idOrSlug: String, lessonID: String, uploadID: String) async throws {
        try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            guard try await StructureStore.lesson(id: lessonID, courseID: course.id, on: sql) != nil else { throw AppError.notFound("lesson") }
            guard try await LessonMediaStore.detach(lessonID: lessonID, uploadID: uploadID, on: sql) else {
                throw AppError.notFound("attachment")
            }
        }
    }

    /// A signed link of one attachment of a lesson, for a viewer who may read the lesson; 404 when the upload is
    /// not attached to it (or is gone).
    func attachmentLink(_ principal: Principal?, _ idOrSlug: String, lessonID: String, uploadID: String) async throws -> String {
        let attached = try await database.read { sql in
            let (_, lesson, _) = try await readableLesson(idOrSlug, lessonID: lessonID, for: principal, on: sql)
            return try await LessonMediaStore.isAttached(lessonID: lesson.id, uploadID: uploadID, on: sql)
        }
        guard attached, let principal, let link = try await uploads.embedURL(principal, uploadID: uploadID) else {
            throw AppError.notFound("attachment")
        }
        return link
    }

    /// The video and attachments of a lesson the viewer has already been allowed to read (`lesson`). Signed
    /// links are made only for a signed-in viewer: anonymous readers of a preview lesson see the files listed
    /// and are asked to sign in to fetch them.
    func lessonMedia(_ principal: Principal?, lesson: Lesson) async throws -> LessonMedia {
        let ids = try await database.read { sql in try await LessonMediaStore.attachmentIDs(lessonID: lesson.id, on: sql) }
        let found = try await uploads.attached(ids: ids + (lesson.videoUploadID.map { [$0] } ?? []))
        let video = lesson.videoUploadID.flatMap { found[$0] }
        let source = try await video.asyncMap { video in try await principal.asyncMap { try await uploads.embedURL($0, uploadID: video.id) } ?? nil } ?? nil
        return LessonMedia(
            video: video, videoSource: source, externalVideoURL: lesson.videoURL,
            attachments: ids.compactMap { found[$0] }
        )
    }

    /// Whether `principal` may read a lesson that uses the upload as `use`: the rule of `lesson`, for every
    /// lesson using it at once.
    func mayRead(_ principal: Principal, uploadID: String, use: LessonMediaStore.Use) async throws -> Bool {
        let facts = try await database.read { sql in
            try await LessonMediaStore.readFacts(uploadID: uploadID, use: use, userID: principal.userID, on: sql)
        }
        return facts.contains { lesson in
            let canTeach = principal.isAdmin || lesson.isOwner || lesson.staffRole != nil
            let courseVisible = lesson.courseStatus == CourseStatus.published.rawValue || canTeach
            return courseVisible && (canTeach || !lesson.isHiddenFromStudents) && (lesson.isPreview || canTeach || lesson.isEnrolled)
        }
    }

    /// Drops every lesson's reference to a deleted upload (safe to run twice).
    func forgetUpload(_ uploadID: String) async throws {
        let courseIDs = try await database.transaction { sql in try await LessonMediaStore.forget(uploadID: uploadID, on: sql) }
        if !courseIDs.isEmpty { await onChange(courseIDs) }
    }

    /// The upload `videoUploadId` names when the caller, who must be able to edit the course, may use it as a
    /// lesson video; `nil` when they may not (the caller answers 422).
    func attachableVideo(_ principal: Principal?, _ idOrSlug: String, uploadID: String) async throws -> AttachedUpload? {
        let principal = try require(principal)
        _ = try await database.read { sql in try await editableCourse(idOrSlug, for: principal, on: sql) }
        return try await uploads.attachable(principal, uploadID: uploadID, purposes: LessonMediaRules.videoPurposes)
    }

    private func requireEditableLesson(_ principal: Principal, _ idOrSlug: String, lessonID: String) async throws {
        try await database.read { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            guard try await StructureStore.lesson(id: lessonID, courseID: course.id, on: sql) != nil else { throw AppError.notFound("lesson") }
        }
    }

    private func attachedInOrder(_ ids: [String]) async throws -> [AttachedUpload] {
        let found = try await uploads.attached(ids: ids)
        return ids.compactMap { found[$0] }
    }
}
