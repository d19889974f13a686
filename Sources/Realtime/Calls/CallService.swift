import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import NIOCore

/// Calls in chat rooms: who may start, ring, join, end and see them, the seats of the mesh, and the relay of
/// WebRTC signals between participants. The server carries signalling only; media flows between browsers.
///
/// A call lives in a room and only the room's members (as `ChatService` decides at each command) take part
/// or see it; anything else answers 404 `call_not_found`. A room has one active call at a time, a call at
/// most `CallRules.maxJoined` seats, and a user one seat, held by one socket connection: joining from
/// another connection moves the seat. Each change runs in a transaction that takes the call's row lock
/// first, so changes to one call take turns; its frames are published after the commit.
public struct CallService: Sendable {
    let chat: ChatService
    /// The connections of this replica that hold seats.
    let seats: CallSeatTracker
    let logger: Logger

    var database: any Database { chat.database }
    var publisher: any RealtimePublisher { chat.publisher }

    /// Creates the service over `chat`, whose rooms, members and publisher calls share.
    public init(chat: ChatService, logger: Logger) {
        self.chat = chat
        self.seats = CallSeatTracker()
        self.logger = logger
    }

    // MARK: Commands

    /// Starts a call in the room, seating the caller on `connectionID` and ringing `invite` (by default the
    /// other members of a direct room, nobody elsewhere). 409 `call_in_progress` when the room has one.
    public func start(_ caller: Principal, roomID: String, invite: [String]?, connectionID: String) async throws -> Call {
        let access = try await chat.access(caller, roomID)
        let room = access.room
        let invitees =
            if let invite {
                try await members(invite, of: room, besides: caller, field: "invite")
            } else {
                room.kind == .direct ? access.directMembers.filter { $0 != caller.userID } : []
            }
        let id = UUID().uuidString.lowercased()
        let now = chat.clock.nowForStorage()
        let rung = try await database.transaction { sql -> [String] in
            guard try await CallStore.insert(id: id, roomID: room.text, startedBy: caller.userID, at: now, on: sql) else {
                throw CallErrors.inProgress(try await CallStore.active(roomID: room.text, on: sql)?.id)
            }
            try await CallStore.join(id, userID: caller.userID, connectionID: connectionID, at: now, on: sql)
            return try await CallStore.invite(id, userIDs: invitees, at: now, on: sql)
        }
        try await seated(id, userID: caller.userID, connectionID: connectionID)
        let call = try await self.call(id)
        // A starter whose connection closed meanwhile ended the call already (`call.ended` went out).
        guard call.endedAt == nil else { return call }
        await publisher.publish(CallFrames.call(call, event: "call.started", topic: room.topic))
        await ring(call, rung, from: caller.userID)
        return call
    }

    /// Rings more members of the room; the caller must be joined. Users already joined or ringing are left alone.
    public func ring(_ caller: Principal, callID: String, userIDs: [String]) async throws -> Call {
        let (stored, access) = try await find(callID, for: caller)
        let invitees = try await members(userIDs, of: access.room, besides: caller, field: "userIds")
        let now = chat.clock.nowForStorage()
        let rung = try await database.transaction { sql -> [String] in
            guard let call = try await CallStore.lock(stored.id, on: sql), call.isActive else { throw CallErrors.ended }
            guard try await CallStore.participant(call.id, userID: caller.userID, on: sql)?.state == .joined else { throw CallErrors.notInCall }
            return try await CallStore.invite(call.id, userIDs: invitees, at: now, on: sql)
        }
        let call = try await self.call(stored.id)
        await ring(call, rung, from: caller.userID)
        return call
    }

    /// Seats the caller on `connectionID`: an invitee answering, or any member joining the active call. A seat
    /// the caller holds on another connection moves here (and the others hear `call.participant.joined`
    /// again). 409 `call_full` when every seat is taken, `call_ended` after the end.
    public func accept(_ caller: Principal, callID: String, connectionID: String) async throws -> Call {
        let (stored, _) = try await find(callID, for: caller)
        let now = chat.clock.nowForStorage()
        let before = try await database.transaction { sql -> StoredParticipant? in
            guard let call = try await CallStore.lock(stored.id, on: sql), call.isActive else { throw CallErrors.ended }
            let current = try await CallStore.participant(call.id, userID: caller.userID, on: sql)
            if current?.state == .joined, current?.connectionID == connectionID { return current }
            if current?.state != .joined, try await CallStore.joinedCount(call.id, on: sql) >= CallRules.maxJoined { throw CallErrors.full }
            try await CallStore.join(call.id, userID: caller.userID, connectionID: connectionID, at: now, on: sql)
            return current
        }
        if before?.state != .joined || before?.connectionID != connectionID {
            try await seated(stored.id, userID: caller.userID, connectionID: connectionID)
            let name = try await chat.names([caller.userID])[caller.userID] ?? "Former user"
            await publisher.publish(CallFrames.joined(stored.id, userID: caller.userID, name: name))
        }
        if before?.state == .invited {
            await publisher.publish(CallFrames.ringingEnded(stored.id, userID: caller.userID, reason: "accepted"))
        }
        return try await call(stored.id)
    }

    /// Turns the ring down; the call hears `call.declined` and the caller's other connections stop ringing.
    /// Declining again, or after the call ended, changes nothing; 409 `not_ringing` for a user never rung.
    public func decline(_ caller: Principal, callID: String) async throws {
        let (stored, _) = try await find(callID, for: caller)
        let declined = try await database.transaction { sql -> Bool in
            if try await CallStore.decline(stored.id, userID: caller.userID, on: sql) { return true }
            let state = try await CallStore.participant(stored.id, userID: caller.userID, on: sql)?.state
            guard state == .declined || state == .missed else { throw CallErrors.notRinging }
            return false
        }
        guard declined else { return }
        await publisher.publish(CallFrames.participant(stored.id, userID: caller.userID, event: "call.declined"))
        await publisher.publish(CallFrames.ringingEnded(stored.id, userID: caller.userID, reason: "declined"))
    }

    /// Gives up the caller's seat (from any of their connections); the call ends when nobody is left joined.
    /// Leaving without a seat changes nothing.
    public func leave(_ caller: Principal, callID: String) async throws {
        let (stored, _) = try await find(callID, for: caller)
        try await free(CallSeat(callID: stored.id, userID: caller.userID, connectionID: ""), onConnectionOnly: false, endReason: "empty")
    }

    /// Ends the call for everyone: its starter, the staff of a course room (and admins), or in a direct room
    /// anyone joined. Ending an ended call changes nothing.
    public func end(_ caller: Principal, callID: String) async throws {
        let (stored, access) = try await find(callID, for: caller)
        guard stored.isActive else { return }
        if stored.startedBy != caller.userID, !access.moderates {
            let state = try await database.read { sql in try await CallStore.participant(stored.id, userID: caller.userID, on: sql)?.state }
            guard access.room.kind == .direct, state == .joined else { throw CallErrors.mayNotEnd }
        }
        let now = chat.clock.nowForStorage()
        let missed = try await database.transaction { sql in try await CallStore.end(stored.id, reason: "ended", at: now, on: sql) }
        if let missed { try await announceEnd(stored.id, missed: missed) }
    }

    /// Relays a WebRTC signal to another joined participant, on their `user:` topic; `data` is the sender's
    /// JSON, untouched. The sender must hold their seat on `connectionID`.
    public func signal(_ caller: Principal, callID: String, connectionID: String, to recipient: String, kind: String, data: ByteBuffer) async throws {
        guard CallRules.signalKinds.contains(kind) else {
            throw AppError.validation(["kind": "A signal is an offer, an answer, a candidate or renegotiate."])
        }
        guard let recipient = ChatRules.userID(recipient), recipient != caller.userID else {
            throw AppError.validation(["to": "Name another participant by their user id."])
        }
        guard let id = CallRules.callID(callID) else { throw CallErrors.notFound }
        let (call, participants) = try await database.read { sql in
            let call = try await CallStore.find(id, on: sql)
            return (call, try await CallStore.participants(of: [id], on: sql)[id] ?? [])
        }
        guard let call else { throw CallErrors.notFound }
        guard let sender = participants.first(where: { $0.userID == caller.userID }) else {
            // Never rung nor joined: only a member of the room may learn that the call exists.
            _ = try await find(callID, for: caller)
            throw CallErrors.notInCall
        }
        guard call.isActive else { throw CallErrors.ended }
        guard sender.state == .joined, sender.connectionID == connectionID else { throw CallErrors.notInCall }
        // A seat outlives nothing: whoever left the room (unenrolled, removed from the group) since joining
        // signals no more, even before their membership's end reaches the call.
        guard let room = RoomID(call.roomID), try await chat.isMember(userID: caller.userID, of: room) else { throw CallErrors.notInCall }
        guard participants.contains(where: { $0.userID == recipient && $0.state == .joined }) else { throw CallErrors.recipientNotInCall }
        let frame = CallFrames.signal(call.id, from: caller.userID, to: recipient, kind: kind, data: data)
        guard frame.text.utf8.count > HubMessage.inlineLimit else { return await publisher.publish(frame) }
        // Too large for NOTIFY: stored, and published by reference on the call's topic; `CallTopics.storedFrame`
        // hands every replica's hub the frame for the recipient's topic.
        let now = chat.clock.nowForStorage()
        let number = try await database.transaction { sql in
            try await CallStore.storeSignal(callID: call.id, topic: frame.topic, frame: frame.text, at: now, on: sql)
        }
        await publisher.publish(RealtimeFrame(topic: CallFrames.topic(call.id), seq: number, text: frame.text))
    }

    // MARK: Reading

    /// The call, for a member of its room.
    public func call(_ principal: Principal?, callID: String) async throws -> Call {
        let (stored, _) = try await find(callID, for: try chat.require(principal))
        return try await call(stored.id)
    }

    /// The room's calls, newest first: `limit` of them started before the call `before`.
    public func history(_ principal: Principal?, roomID: String, before: String?, limit: Int) async throws -> CallPage {
        let access = try await chat.access(try chat.require(principal), roomID)
        let room = access.room.text
        let stored = try await database.read { sql -> [StoredCall] in
            var cursor: StoredCall?
            if let before {
                guard let id = CallRules.callID(before), let call = try await CallStore.find(id, on: sql), call.roomID == room else {
                    throw AppError.badRequest("invalid_before", "before must be the id of a call in this room.")
                }
                cursor = call
            }
            return try await CallStore.history(roomID: room, before: cursor, limit: limit + 1, on: sql)
        }
        let items = try await calls(Array(stored.prefix(limit)))
        return CallPage(items: items, nextBefore: stored.count > limit ? items.last?.id : nil)
    }

    /// Checks that the caller may see `topic`'s call and answers it as the subscription's details.
    func join(_ principal: Principal, topic: String) async throws -> TopicJoin {
        guard topic.hasPrefix(CallFrames.topicPrefix) else { throw CallErrors.notFound }
        let (stored, _) = try await find(String(topic.dropFirst(CallFrames.topicPrefix.count)), for: principal)
        return TopicJoin(position: nil, details: JSONWriter.encode(CallEnvelope(try await call(stored.id))))
    }

    /// A signal stored because it was too large to publish inline, as the frame for its recipient's topic.
    func storedSignal(topic: String, number: Int64) async throws -> RealtimeFrame? {
        guard topic.hasPrefix(CallFrames.topicPrefix) else { return nil }
        let callID = String(topic.dropFirst(CallFrames.topicPrefix.count))
        return try await database.read { sql in try await CallStore.signal(number, callID: callID, on: sql) }
            .map { RealtimeFrame(topic: $0.topic, seq: nil, text: $0.frame) }
    }

    // MARK: Helpers

    /// The call and the caller's place in its room; 404 `call_not_found` unless both exist.
    func find(_ callID: String, for caller: Principal) async throws -> (StoredCall, ChatService.RoomAccess) {
        guard let id = CallRules.callID(callID), let call = try await database.read({ sql in try await CallStore.find(id, on: sql) }),
            let room = RoomID(call.roomID)
        else { throw CallErrors.notFound }
        do {
            return (call, try await chat.access(caller, room))
        } catch let error as AppError where error.code == ChatErrors.roomNotFound.code {
            throw CallErrors.notFound
        }
    }

    /// The users named, each a member of `room` other than the caller, without repeats; 422 naming `field`.
    private func members(_ texts: [String], of room: RoomID, besides caller: Principal, field: String) async throws -> [String] {
        var ids: [String] = []
        for text in texts {
            guard let id = ChatRules.userID(text) else { throw AppError.validation([field: "Name each person by their user id."]) }
            if id != caller.userID, !ids.contains(id) { ids.append(id) }
        }
        guard ids.count <= CallRules.maxRung else { throw AppError.validation([field: "Ring at most \(CallRules.maxRung) people at once."]) }
        for id in ids where !(try await chat.isMember(userID: id, of: room)) {
            throw AppError.validation([field: "Ring only members of the room."])
        }
        return ids
    }

    /// Rings each of `userIDs` on their `user:` topic.
    private func ring(_ call: Call, _ userIDs: [String], from caller: String) async {
        guard !userIDs.isEmpty else { return }
        let name = call.participants.first { $0.userId == caller }?.displayName ?? "Former user"
        for user in userIDs { await publisher.publish(CallFrames.ringing(call, to: user, from: caller, name: name)) }
    }

    /// The call with its participants' names.
    func call(_ id: String) async throws -> Call {
        guard let stored = try await database.read({ sql in try await CallStore.find(id, on: sql) }) else { throw CallErrors.notFound }
        return try await calls([stored])[0]
    }

    private func calls(_ stored: [StoredCall]) async throws -> [Call] {
        guard !stored.isEmpty else { return [] }
        let participants = try await database.read { sql in try await CallStore.participants(of: stored.map(\.id), on: sql) }
        let names = try await chat.names(participants.values.flatMap { $0.map(\.userID) })
        return stored.map { call in
            Call(
                id: call.id, roomId: call.roomID, startedBy: call.startedBy, startedAt: call.startedAt, endedAt: call.endedAt,
                endReason: call.endReason,
                participants: (participants[call.id] ?? []).map {
                    CallParticipant(userId: $0.userID, displayName: names[$0.userID] ?? "Former user", state: $0.state, joinedAt: $0.joinedAt, leftAt: $0.leftAt)
                }
            )
        }
    }
}

extension ChatService {
    /// Whether `userID`, an active user, is in `room` as its rules say now.
    func isMember(userID: String, of room: RoomID) async throws -> Bool {
        guard let user = try await users.summaries(ids: [userID])[userID], user.isActive else { return false }
        do {
            _ = try await access(Principal(userID: user.id, role: user.role, sessionID: ""), room)
            return true
        } catch let error as AppError where error.code == ChatErrors.roomNotFound.code {
            return false
        }
    }
}
