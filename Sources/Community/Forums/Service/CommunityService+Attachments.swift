import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Files on threads and replies: up to five of the author's own ready uploads of purpose `attachment`, shown
/// with the post and readable by whoever may read it while it is not removed.
extension CommunityService {
    /// The most files one post carries.
    static let attachmentLimit = 5

    /// The files `ids` name, checked with Media: each the caller's own ready `attachment` upload (administrators
    /// may attach anyone's), or one the post already has (`kept`). Problems go into `fields["attachmentIds"]`.
    func attachments(
        _ principal: Principal, ids: [String], keeping kept: [PostAttachment] = [], into fields: inout [String: String]
    ) async throws -> [PostAttachment] {
        var unique: [String] = []
        for id in ids where !unique.contains(id) { unique.append(id) }
        guard unique.count <= Self.attachmentLimit else {
            fields["attachmentIds"] = "A post carries at most \(Self.attachmentLimit) files."
            return []
        }
        var result: [PostAttachment] = []
        for id in unique {
            if let existing = kept.first(where: { $0.uploadID == id }) {
                result.append(existing)
            } else if UUID(uuidString: id) != nil, let upload = try await uploads.attachable(principal, uploadID: id, purposes: ["attachment"]) {
                result.append(PostAttachment(upload))
            } else {
                fields["attachmentIds"] = "Attach only your own uploaded files (images, PDFs, documents)."
                return []
            }
        }
        return result
    }

    /// A short-lived signed link to a file on a live post of the thread, for a reader of the thread; 404 otherwise.
    func attachmentLink(_ principal: Principal?, thread threadID: String, upload uploadID: String) async throws -> String {
        let principal = try require(principal)
        let (post, thread, _) = try await accessiblePost(principal, threadID)
        guard post.isThread, !thread.isRemoved else { throw AppError.notFound("attachment") }
        let attached = try await database.read { sql in try await PostAttachmentStore.isVisible(uploadID: uploadID, inThread: threadID, on: sql) }
        guard attached, let url = try await uploads.embedURL(principal, uploadID: uploadID) else { throw AppError.notFound("attachment") }
        return url
    }

    /// Whether `principal` may read the upload because it is on a live post of a board they may open: one query
    /// for the boards, then the board rules `thread` applies.
    func mayReadAttachment(_ principal: Principal, uploadID: String) async throws -> Bool {
        let facts = try await database.read { sql -> [BoardFacts] in
            var facts: [BoardFacts] = []
            for boardID in try await PostAttachmentStore.visibleBoards(uploadID: uploadID, on: sql) {
                if let found = try await BoardFacts.read(boardID: boardID, userID: principal.userID, on: sql) { facts.append(found) }
            }
            return facts
        }
        for board in facts {
            do {
                _ = try await access(principal, board)
                return true
            } catch let error as AppError where error.status == 403 || error.status == 404 {}
        }
        return false
    }

    /// Drops a deleted upload from every post.
    func uploadDeleted(_ uploadID: String) async throws {
        try await database.write { sql in try await PostAttachmentStore.remove(uploadID: uploadID, on: sql) }
    }
}

/// Media's `forum-attachment` read check: a file on a live thread or reply is readable by whoever may read the thread.
struct ForumAttachmentAccess: UploadReadAccess {
    let community: CommunityService

    func canRead(_ principal: Principal, uploadID: String) async throws -> Bool {
        try await community.mayReadAttachment(principal, uploadID: uploadID)
    }
}
