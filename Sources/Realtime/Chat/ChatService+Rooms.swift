import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// The caller's rooms, direct conversations, room detail, read marks and mutes.
extension ChatService {
    /// The caller's rooms: the rooms of the courses they take (published) or teach, of their study groups, and
    /// their direct conversations (the 200 most active), most recently active first.
    public func rooms(_ principal: Principal?) async throws -> [ChatRoomSummary] {
        let caller = try require(principal)
        let courseIDs = try await courses.courseIDs(of: caller.userID)
        let groupIDs = try await groups.groupIDs(of: caller.userID)
        let courseTitles = try await courses.courses(ids: courseIDs)
        let groupNames = try await groups.groups(ids: groupIDs)
        var titled: [(RoomID, String?)] = courseIDs.compactMap { id in courseTitles[id].map { (RoomID.course(id), $0.title) } }
        titled += groupIDs.compactMap { id in groupNames[id].map { (RoomID.group(id), $0.name) } }

        let named = titled
        let facts = try await database.read { sql in
            let direct = try await RoomStore.directRooms(of: caller.userID, limit: ChatRules.directRoomsListed, on: sql)
            let members = try await RoomStore.memberIDs(ofRooms: direct.map(\.text), on: sql)
            let ids = named.map(\.0.text) + direct.map(\.text)
            return (
                direct: direct, members: members, lastSeqs: try await RoomStore.lastSeqs(ids, on: sql),
                unread: try await RoomStore.unreadCounts(userID: caller.userID, roomIDs: ids, on: sql),
                newest: try await MessageStore.newest(roomIDs: ids, on: sql)
            )
        }
        titled += facts.direct.map { ($0, nil) }
        let people = Set(facts.members.values.flatMap { $0 }).union(facts.newest.values.map(\.authorID))
        let summaries = try await users.summaries(ids: Array(people))
        let rooms = titled.map { room, title in
            let newest = facts.newest[room.text]
            return ChatRoomSummary(
                id: room.text, kind: room.kind,
                title: title ?? Self.directTitle(members: facts.members[room.text] ?? [], for: caller.userID, names: summaries),
                lastSeq: facts.lastSeqs[room.text] ?? 0, unread: facts.unread[room.text] ?? 0,
                lastMessage: newest.map {
                    ChatMessagePreview(
                        id: $0.id, seq: $0.seq, authorId: $0.authorID, authorName: summaries[$0.authorID]?.displayName ?? "Former user",
                        text: ChatRules.preview($0.body), createdAt: $0.createdAt
                    )
                }
            )
        }
        return rooms.sorted { lhs, rhs in
            let left = lhs.lastMessage?.createdAt ?? .distantPast
            let right = rhs.lastMessage?.createdAt ?? .distantPast
            return left != right ? left > right : (lhs.title, lhs.id) < (rhs.title, rhs.id)
        }
    }

    /// Opens the direct conversation between the caller and `memberIDs` (2 to 20 distinct active users, the
    /// caller included), or returns the one those people already have. `created` says which; a new one is
    /// announced to its other members (`room.added`).
    public func openDirect(_ principal: Principal?, memberIDs: [String]) async throws -> (room: ChatRoomDetail, created: Bool) {
        let caller = try require(principal)
        guard memberIDs.count < ChatRules.directMembers.upperBound else {
            throw AppError.validation(["memberIds": "A conversation has at most \(ChatRules.directMembers.upperBound) people, you included."])
        }
        var members = [caller.userID]
        for text in memberIDs {
            guard let id = ChatRules.userID(text) else { throw AppError.validation(["memberIds": "Name each person by their user id."]) }
            if !members.contains(id) { members.append(id) }
        }
        guard ChatRules.directMembers.contains(members.count) else {
            throw AppError.validation(["memberIds": "Name at least one other person."])
        }
        let summaries = try await users.summaries(ids: members)
        guard members.allSatisfy({ summaries[$0]?.isActive == true }) else {
            throw AppError.validation(["memberIds": "Every person must be an active user."])
        }
        let key = ChatRules.directKey(members)
        let candidate = RoomID(kind: .direct, scope: UUID().uuidString.lowercased())
        let now = clock.nowForStorage()
        let people = members
        let (room, created) = try await database.transaction { sql -> (RoomID, Bool) in
            if try await RoomStore.insertDirect(candidate, key: key, createdBy: caller.userID, at: now, on: sql) {
                try await RoomStore.addMembers(candidate, userIDs: people, at: now, on: sql)
                return (candidate, true)
            }
            guard let existing = try await RoomStore.direct(key: key, on: sql) else { throw AppError.staleReference }
            return (existing, false)
        }
        if created { await announceAdded(room, members: people, openedBy: caller.userID, summaries: summaries) }
        return (try await detail(caller, try await access(caller, room)), created)
    }

    /// The room with its members and where the caller stands in it.
    public func room(_ principal: Principal?, _ roomID: String) async throws -> ChatRoomDetail {
        let caller = try require(principal)
        return try await detail(caller, try await access(caller, roomID))
    }

    func detail(_ caller: Principal, _ access: RoomAccess) async throws -> ChatRoomDetail {
        let room = access.room
        let roomMembers = try await members(of: access)
        let memberIDs = roomMembers.map(\.userID)
        let staff = Set(roomMembers.filter(\.staff).map(\.userID))
        let facts = try await database.read { sql in
            (
                lastSeq: try await RoomStore.lastSeqs([room.text], on: sql)[room.text] ?? 0,
                mark: try await RoomStore.readMarks(userID: caller.userID, roomIDs: [room.text], on: sql)[room.text] ?? 0,
                unread: try await RoomStore.unreadCounts(userID: caller.userID, roomIDs: [room.text], on: sql)[room.text] ?? 0,
                muted: try await RoomStore.mutedUserIDs(room, on: sql)
            )
        }
        let names = try await names(memberIDs)
        let members = memberIDs.map { ChatMember(id: $0, displayName: names[$0] ?? "Former user", staff: staff.contains($0), muted: facts.muted.contains($0)) }
        return ChatRoomDetail(
            id: room.text, kind: room.kind, title: access.title, lastSeq: facts.lastSeq, lastReadSeq: facts.mark, unread: facts.unread,
            muted: facts.muted.contains(caller.userID), moderates: access.moderates, members: members
        )
    }

    /// Moves the caller's read mark to `seq` (never backwards) and tells the room's other members (an
    /// ephemeral `room.read` event, not stored). 422 when `seq` is beyond the room's newest event.
    public func markRead(_ principal: Principal?, _ roomID: String, seq: Int64) async throws -> ChatReadMark {
        let caller = try require(principal)
        let access = try await access(caller, roomID)
        let room = access.room
        let now = clock.nowForStorage()
        let mark = try await database.transaction { sql -> ChatReadMark in
            let last = try await RoomStore.lastSeqs([room.text], on: sql)[room.text] ?? 0
            guard (0...last).contains(seq) else {
                throw AppError.validation(["seq": "Mark at most the room's newest event, \(last)."])
            }
            try await RoomStore.ensure(room, at: now, on: sql)
            let mark = try await RoomStore.markRead(room, userID: caller.userID, seq: seq, on: sql)
            let unread = try await RoomStore.unreadCounts(userID: caller.userID, roomIDs: [room.text], on: sql)[room.text] ?? 0
            return ChatReadMark(roomId: room.text, lastReadSeq: mark, unread: unread)
        }
        await publisher.publish(ChatFrames.read(room, userID: caller.userID, lastReadSeq: mark.lastReadSeq))
        return mark
    }

    /// Mutes a student of a course room (the course's staff and admins): they read but may not send.
    public func mute(_ principal: Principal?, _ roomID: String, userID: String) async throws {
        let caller = try require(principal)
        let (room, target) = try await muteTarget(caller, roomID, userID)
        let now = clock.nowForStorage()
        try await database.transaction { sql in
            try await RoomStore.ensure(room, at: now, on: sql)
            try await RoomStore.mute(room, userID: target, by: caller.userID, at: now, on: sql)
        }
    }

    /// Lets a muted member send again.
    public func unmute(_ principal: Principal?, _ roomID: String, userID: String) async throws {
        let caller = try require(principal)
        let (room, target) = try await muteTarget(caller, roomID, userID)
        try await database.transaction { sql in try await RoomStore.unmute(room, userID: target, on: sql) }
    }

    /// The course room and the student to mute or unmute: 403 unless the caller is the course's staff (or an
    /// admin) and the room a course's; 404 `member_not_found` unless the user is a student of the course.
    private func muteTarget(_ caller: Principal, _ roomID: String, _ userText: String) async throws -> (RoomID, String) {
        let access = try await access(caller, roomID)
        guard access.room.kind == .course, access.courseStaff else {
            throw AppError.forbidden("Only a course's staff mute members, and only in the course's room.")
        }
        let notFound = AppError(status: 404, code: "member_not_found", message: "No such student in this course.")
        guard let userID = ChatRules.userID(userText), let user = try await users.summaries(ids: [userID])[userID] else { throw notFound }
        let standing = try await courses.standing(of: Principal(userID: user.id, role: user.role, sessionID: ""), inCourse: access.room.scope)
        guard standing == .student else {
            if standing == .staff { throw AppError.validation(["user": "The course's staff cannot be muted."]) }
            throw notFound
        }
        return (access.room, userID)
    }

    // MARK: Resume

    /// Checks that the caller is in the room of `topic` and returns the stored frames after `since` (up to
    /// 500, oldest first; `recovered` is `false` when more were missed, or when `since` is ahead of the room),
    /// the room's position, and `{"roomId", "title", "kind"}` as details.
    public func join(_ principal: Principal, topic: String, since: Int64?) async throws -> TopicJoin {
        guard let room = RoomID(topic: topic) else { throw ChatErrors.roomNotFound }
        let access = try await access(principal, room)
        if let since, since < 0 {
            throw AppError.badRequest("invalid_since", "since must be a seq the client saw, a whole number from 0.")
        }
        let limit = ChatRules.resumeLimit
        let (position, frames) = try await database.read { sql -> (Int64, [RealtimeFrame]) in
            guard let since else { return (try await RoomStore.lastSeqs([room.text], on: sql)[room.text] ?? 0, []) }
            let frames = try await RoomEventStore.frames(room, after: since, limit: limit + 1, on: sql)
            let last = try await RoomStore.lastSeqs([room.text], on: sql)[room.text] ?? 0
            return (max(last, frames.last?.seq ?? 0), frames)
        }
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        writer.key("roomId")
        writer.string(room.text)
        writer.key("title")
        writer.string(access.title)
        writer.key("kind")
        writer.string(room.kind.rawValue)
        writer.endObject()
        // Everything missed is there when the replay starts right after `since` (events behind the resume
        // window are pruned) and fits in one replay.
        let contiguous = since.map { since in frames.first.map { $0.seq == since + 1 } ?? (since == position) } ?? true
        let recovered = contiguous && frames.count <= limit && (since ?? 0) <= position
        return TopicJoin(position: position, missed: Array(frames.prefix(limit)), recovered: recovered, details: writer.buffer)
    }

    /// The stored frame at `seq` of a room's topic, for frames too large to cross replicas inline. No caller
    /// check: the hub delivers it only to connections that joined the topic.
    func storedFrame(topic: String, seq: Int64) async throws -> RealtimeFrame? {
        guard let room = RoomID(topic: topic), seq > 0 else { return nil }
        return try await database.read { sql in try await RoomEventStore.frames(room, after: seq - 1, limit: 1, on: sql) }
            .first { $0.seq == seq }
    }
}
