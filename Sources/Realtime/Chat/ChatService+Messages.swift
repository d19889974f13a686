import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// History, sending, editing, deleting and reacting.
extension ChatService {
    /// The room's messages before `before` (a `seq`; the newest when `nil`), newest first, `limit` per page.
    /// Deleted messages stay as tombstones without text.
    public func messages(_ principal: Principal?, _ roomID: String, before: Int64?, limit: Int) async throws -> ChatMessagePage {
        let caller = try require(principal)
        let room = try await access(caller, roomID).room
        let size = min(max(limit, ChatRules.pageLimit.lowerBound), ChatRules.pageLimit.upperBound)
        let rows = try await database.read { sql in try await MessageStore.page(roomID: room.text, before: before, limit: size, on: sql) }
        let items = try await hydrate(Array(rows.prefix(size)))
        return ChatMessagePage(items: items, nextBefore: rows.count > size ? items.last?.seq : nil)
    }

    /// Sends a message (at most 4,000 code points, not blank, stored trimmed, Markdown rendered safely), optionally replying
    /// to a message of the same room and carrying up to 5 of the caller's own ready `attachment` uploads. 403 `muted` for a
    /// muted member, 422 `content_blocked` for a blocked word, 422 on `attachmentIds` for files that may not be attached,
    /// 429 when the caller sends faster than the send budget allows.
    public func send(
        _ principal: Principal?, _ roomID: String, body: String, replyTo: String? = nil, attachmentIds: [String] = []
    ) async throws -> ChatMessage {
        let caller = try require(principal)
        let text = try ChatRules.body(body)
        var reply: String?
        if let replyTo {
            guard let id = ChatRules.messageID(replyTo) else { throw AppError.validation(["replyTo": "No such message in this room."]) }
            reply = id
        }
        let room = try await access(caller, roomID).room
        let attachments = try await attachments(caller, ids: attachmentIds)
        try await throttle.check([(key: "chat.send:\(caller.userID)", budget: sendBudget)])
        try await blockedWords.rejectBlockedWords(in: [text])
        let authorName = try await names([caller.userID])[caller.userID] ?? "Former user"
        let html = SafeMarkdown.html(text)
        let replyTo = reply
        let id = UUID().uuidString.lowercased()
        let message = try await change(room, about: id) { sql, seq, now -> (ChatMessage, RealtimeFrame) in
            if room.kind == .course, try await RoomStore.isMuted(room, userID: caller.userID, on: sql) { throw ChatErrors.muted }
            if let replyTo {
                guard let target = try await MessageStore.find(id: replyTo, roomID: room.text, on: sql), !target.isDeleted else {
                    throw AppError.validation(["replyTo": "No such message in this room."])
                }
            }
            let stored = StoredMessage(
                id: id, roomID: room.text, seq: seq, authorID: caller.userID, body: text, bodyHTML: html,
                replyTo: replyTo, createdAt: now, editedAt: nil, deletedAt: nil
            )
            try await MessageStore.insert(stored, on: sql)
            try await MessageAttachmentStore.insert(messageID: id, attachments, on: sql)
            let message = Self.message(stored, authorName: authorName, reactions: [], attachments: attachments)
            return (message, ChatFrames.message(message, event: "message.created", seq: seq))
        }
        guard let message else { throw AppError.internalError }
        return message
    }

    /// Replaces the text of the caller's own message. 404 for a message of someone else's or a deleted one.
    public func edit(_ principal: Principal?, _ roomID: String, messageID: String, body: String) async throws -> ChatMessage {
        let caller = try require(principal)
        let text = try ChatRules.body(body)
        guard let id = ChatRules.messageID(messageID) else { throw ChatErrors.messageNotFound }
        let room = try await access(caller, roomID).room
        try await blockedWords.rejectBlockedWords(in: [text])
        let authorName = try await names([caller.userID])[caller.userID] ?? "Former user"
        let html = SafeMarkdown.html(text)
        let message = try await change(room, about: id) { sql, seq, now -> (ChatMessage, RealtimeFrame) in
            guard let stored = try await MessageStore.find(id: id, roomID: room.text, on: sql), !stored.isDeleted else {
                throw ChatErrors.messageNotFound
            }
            guard stored.authorID == caller.userID else { throw AppError.forbidden("Only the author edits a message.") }
            if room.kind == .course, try await RoomStore.isMuted(room, userID: caller.userID, on: sql) { throw ChatErrors.muted }
            guard try await MessageStore.edit(id: id, body: text, html: html, at: now, on: sql) else { throw ChatErrors.messageNotFound }
            let edited = StoredMessage(
                id: id, roomID: room.text, seq: stored.seq, authorID: stored.authorID, body: text, bodyHTML: html, replyTo: stored.replyTo,
                createdAt: stored.createdAt, editedAt: now, deletedAt: nil
            )
            let reactions = try await MessageStore.reactions(messageIDs: [id], on: sql)[id] ?? []
            let files = try await MessageAttachmentStore.attachments(messageIDs: [id], on: sql)[id] ?? []
            let message = Self.message(edited, authorName: authorName, reactions: reactions, attachments: files)
            try await RoomEventStore.rewriteMessageFrames(room, as: message, on: sql)
            return (message, ChatFrames.message(message, event: "message.edited", seq: seq))
        }
        guard let message else { throw AppError.internalError }
        return message
    }

    /// Deletes a message: its author, the course's staff in a course room, and admins may. Deleting a deleted
    /// message changes nothing and succeeds.
    public func delete(_ principal: Principal?, _ roomID: String, messageID: String) async throws {
        let caller = try require(principal)
        guard let id = ChatRules.messageID(messageID) else { throw ChatErrors.messageNotFound }
        let access = try await access(caller, roomID)
        let room = access.room
        _ = try await change(room, about: id) { sql, seq, now -> (Bool, RealtimeFrame) in
            guard let stored = try await MessageStore.find(id: id, roomID: room.text, on: sql) else { throw ChatErrors.messageNotFound }
            guard stored.authorID == caller.userID || access.moderates else {
                throw AppError.forbidden("Only the author, the course's staff and admins delete a message.")
            }
            guard try await MessageStore.delete(id: id, at: now, on: sql) else { throw Unchanged() }
            try await MessageAttachmentStore.remove(messageID: id, on: sql)
            let tombstone = StoredMessage(
                id: id, roomID: room.text, seq: stored.seq, authorID: stored.authorID, body: "", bodyHTML: "", replyTo: stored.replyTo,
                createdAt: stored.createdAt, editedAt: stored.editedAt, deletedAt: now
            )
            let authorName = try await self.names([stored.authorID])[stored.authorID] ?? "Former user"
            try await RoomEventStore.rewriteMessageFrames(room, as: Self.message(tombstone, authorName: authorName, reactions: []), on: sql)
            return (true, ChatFrames.deleted(room, messageID: id, at: now, seq: seq))
        }
    }

    /// Adds the caller's reaction to a live message (at most 20 distinct reactions per message); adding one
    /// the caller already has changes nothing. Returns the message.
    public func react(_ principal: Principal?, _ roomID: String, messageID: String, emoji: String) async throws -> ChatMessage {
        try await reaction(principal, roomID, messageID: messageID, emoji: emoji, adding: true)
    }

    /// Removes the caller's reaction; removing one the caller does not have changes nothing. Returns the message.
    public func unreact(_ principal: Principal?, _ roomID: String, messageID: String, emoji: String) async throws -> ChatMessage {
        try await reaction(principal, roomID, messageID: messageID, emoji: emoji, adding: false)
    }

    private func reaction(_ principal: Principal?, _ roomID: String, messageID: String, emoji: String, adding: Bool) async throws -> ChatMessage {
        let caller = try require(principal)
        let emoji = try ChatRules.emoji(emoji)
        guard let id = ChatRules.messageID(messageID) else { throw ChatErrors.messageNotFound }
        let room = try await access(caller, roomID).room
        _ = try await change(room, about: id) { sql, seq, now -> (Bool, RealtimeFrame) in
            guard let stored = try await MessageStore.find(id: id, roomID: room.text, on: sql), !stored.isDeleted else {
                throw ChatErrors.messageNotFound
            }
            if adding {
                let existing = try await MessageStore.reactions(messageIDs: [id], on: sql)[id] ?? []
                if !existing.contains(where: { $0.emoji == emoji }) && existing.count >= ChatRules.emojiPerMessage {
                    throw AppError.conflict("too_many_reactions", "This message has as many different reactions as it can take.")
                }
                guard try await MessageStore.addReaction(messageID: id, userID: caller.userID, emoji: emoji, at: now, on: sql) else { throw Unchanged() }
            } else {
                guard try await MessageStore.removeReaction(messageID: id, userID: caller.userID, emoji: emoji, on: sql) else { throw Unchanged() }
            }
            let reactions = try await MessageStore.reactions(messageIDs: [id], on: sql)[id] ?? []
            let frame = ChatFrames.reaction(
                room, event: adding ? "reaction.added" : "reaction.removed", messageID: id, emoji: emoji, userID: caller.userID,
                reactions: reactions, seq: seq
            )
            return (true, frame)
        }
        let stored = try await database.read { sql in try await MessageStore.find(id: id, roomID: room.text, on: sql) }
        guard let stored else { throw ChatErrors.messageNotFound }
        return try await hydrate([stored])[0]
    }
}
