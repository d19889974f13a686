import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Files on messages: up to five of the sender's own ready uploads of purpose `attachment`, carried by the
/// message's frames and history, readable by the room's members while the message is not deleted.
extension ChatService {
    /// The most files one message carries.
    static let attachmentLimit = 5

    /// The files `ids` name, checked with Media: each the caller's own ready `attachment` upload (administrators may
    /// attach anyone's); 422 on `attachmentIds` otherwise, before anything is written.
    func attachments(_ caller: Principal, ids: [String]) async throws -> [ChatAttachment] {
        var unique: [String] = []
        for id in ids where !unique.contains(id) { unique.append(id) }
        guard unique.count <= Self.attachmentLimit else {
            throw AppError.validation(["attachmentIds": "A message carries at most \(Self.attachmentLimit) files."])
        }
        var result: [ChatAttachment] = []
        for id in unique {
            guard UUID(uuidString: id) != nil, let upload = try await uploads.attachable(caller, uploadID: id, purposes: ["attachment"]) else {
                throw AppError.validation(["attachmentIds": "Attach only your own uploaded files (images, PDFs, documents)."])
            }
            result.append(ChatAttachment(id: upload.id, filename: upload.filename, size: upload.size, contentType: upload.contentType))
        }
        return result
    }

    /// A short-lived signed link to a file on a live message of the room, for a member; 404 otherwise.
    public func attachmentLink(_ principal: Principal?, _ roomID: String, uploadID: String) async throws -> String {
        let caller = try require(principal)
        let room = try await access(caller, roomID).room
        let attached = try await database.read { sql in try await MessageAttachmentStore.isVisible(uploadID: uploadID, roomID: room.text, on: sql) }
        guard attached, let url = try await uploads.embedURL(caller, uploadID: uploadID) else { throw AppError.notFound("attachment") }
        return url
    }

    /// Whether `principal` may read the upload because a live message of a room they are in carries it: one
    /// query for the rooms, then the room's membership rule.
    func mayReadAttachment(_ principal: Principal, uploadID: String) async throws -> Bool {
        let rooms = try await database.read { sql in try await MessageAttachmentStore.rooms(uploadID: uploadID, on: sql) }
        for text in rooms {
            guard let room = RoomID(text) else { continue }
            do {
                _ = try await access(principal, room)
                return true
            } catch let error as AppError where error.code == ChatErrors.roomNotFound.code {}
        }
        return false
    }

    /// Drops a deleted upload from every message, and in the same transaction from the stored frames a resume replays.
    func uploadDeleted(_ uploadID: String) async throws {
        let carrying = try await database.read { sql in try await MessageAttachmentStore.messages(uploadID: uploadID, on: sql) }
        let names = try await names(carrying.map(\.authorID))
        try await database.transaction { sql in
            let affected = try await MessageAttachmentStore.messages(uploadID: uploadID, on: sql)
            try await MessageAttachmentStore.remove(uploadID: uploadID, on: sql)
            let ids = affected.map(\.id)
            let reactions = try await MessageStore.reactions(messageIDs: ids, on: sql)
            let files = try await MessageAttachmentStore.attachments(messageIDs: ids, on: sql)
            for stored in affected {
                guard let room = RoomID(stored.roomID) else { continue }
                let message = Self.message(
                    stored, authorName: names[stored.authorID] ?? "Former user", reactions: reactions[stored.id] ?? [], attachments: files[stored.id] ?? []
                )
                try await RoomEventStore.rewriteMessageFrames(room, as: message, on: sql)
            }
        }
    }
}

/// Media's `chat-attachment` read check: a file on a live message is readable by the members of its room.
struct ChatAttachmentAccess: UploadReadAccess {
    let chat: ChatService

    func canRead(_ principal: Principal, uploadID: String) async throws -> Bool {
        try await chat.mayReadAttachment(principal, uploadID: uploadID)
    }
}
