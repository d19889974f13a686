import Foundation
import LyceumCore
import SQLKit

/// A call's row.
struct StoredCall: Sendable {
    let id: String
    let roomID: String
    let startedBy: String
    let startedAt: Date
    let endedAt: Date?
    let endReason: String?

    var isActive: Bool { endedAt == nil }
}

/// A participant's row.
struct StoredParticipant: Sendable {
    let userID: String
    let state: CallParticipantState
    let joinedAt: Date?
    let leftAt: Date?
    let connectionID: String?
}

/// A seat: who holds it in which call, on which connection.
struct CallSeat: Sendable, Hashable {
    let callID: String
    let userID: String
    let connectionID: String
}

/// SQL for calls, their participants and the signals that cross replicas by reference.
enum CallStore {
    private static let callColumns = "id, room_id, started_by, started_at, ended_at, end_reason"

    /// Makes the call unless its room has an active one; `true` when this call made it.
    static func insert(id: String, roomID: String, startedBy: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO calls (id, room_id, started_by, started_at) VALUES (\(bind: id), \(bind: roomID), \(bind: startedBy), \(bind: now))
            ON CONFLICT DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    /// The room's active call.
    static func active(roomID: String, on sql: any SQLDatabase) async throws -> StoredCall? {
        try await sql.raw("SELECT \(unsafeRaw: callColumns) FROM calls WHERE room_id = \(bind: roomID) AND ended_at IS NULL").first().map(decode)
    }

    static func find(_ id: String, on sql: any SQLDatabase) async throws -> StoredCall? {
        try await sql.raw("SELECT \(unsafeRaw: callColumns) FROM calls WHERE id = \(bind: id)").first().map(decode)
    }

    /// Reads the call and takes its row lock on PostgreSQL (SQLite's single writer already serialises), so
    /// changes to one call's seats take turns and the seat limit holds.
    static func lock(_ id: String, on sql: any SQLDatabase) async throws -> StoredCall? {
        try await sql.raw("UPDATE calls SET room_id = room_id WHERE id = \(bind: id) RETURNING \(unsafeRaw: callColumns)").first().map(decode)
    }

    /// Ends the call unless it ended already; `true` when this call ended it. Invitees who never answered
    /// become `missed` and joined participants `left`; the missed users are returned.
    static func end(_ id: String, reason: String, at now: Date, on sql: any SQLDatabase) async throws -> [String]? {
        let ended = try await sql.raw(
            "UPDATE calls SET ended_at = \(bind: now), end_reason = \(bind: reason) WHERE id = \(bind: id) AND ended_at IS NULL RETURNING id"
        ).first()
        guard ended != nil else { return nil }
        try await sql.raw(
            """
            UPDATE call_participants SET state = 'left', left_at = \(bind: now), connection_id = NULL
            WHERE call_id = \(bind: id) AND state = 'joined'
            """
        ).run()
        return try await sql.raw(
            "UPDATE call_participants SET state = 'missed' WHERE call_id = \(bind: id) AND state = 'invited' RETURNING user_id"
        ).all().map { try $0.decode(column: "user_id", as: String.self) }
    }

    /// A page of the room's calls, newest first, started before the call `before` names.
    static func history(roomID: String, before: StoredCall?, limit: Int, on sql: any SQLDatabase) async throws -> [StoredCall] {
        guard let before else {
            return try await sql.select().columns("id", "room_id", "started_by", "started_at", "ended_at", "end_reason").from("calls")
                .where("room_id", .equal, roomID).orderBy("started_at", .descending).orderBy("id", .descending).limit(limit).all().map(decode)
        }
        // The cursor's time is read in SQL, not bound from Swift: a `Date` read back from SQLite's REAL can differ
        // from the stored value in its last bit, so a bound equality would skip calls started in the same
        // millisecond as the cursor.
        return try await sql.raw(
            """
            SELECT id, room_id, started_by, started_at, ended_at, end_reason FROM calls, (SELECT started_at AS anchor_time FROM calls WHERE id = \(bind: before.id)) anchor
            WHERE room_id = \(bind: roomID) AND (started_at < anchor.anchor_time OR (started_at = anchor.anchor_time AND id < \(bind: before.id)))
            ORDER BY started_at DESC, id DESC LIMIT \(bind: limit)
            """
        ).all().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> StoredCall {
        StoredCall(
            id: try row.decode(column: "id", as: String.self), roomID: try row.decode(column: "room_id", as: String.self),
            startedBy: try row.decode(column: "started_by", as: String.self), startedAt: try row.decode(column: "started_at", as: Date.self),
            endedAt: try row.decode(column: "ended_at", as: Date?.self), endReason: try row.decode(column: "end_reason", as: String?.self)
        )
    }

    // MARK: Participants

    /// The participants of each call, in the order they were first rung or joined.
    static func participants(of callIDs: [String], on sql: any SQLDatabase) async throws -> [String: [StoredParticipant]] {
        guard !callIDs.isEmpty else { return [:] }
        var result: [String: [StoredParticipant]] = [:]
        let rows = try await sql.raw(
            """
            SELECT call_id, user_id, state, joined_at, left_at, connection_id FROM call_participants WHERE call_id IN (\(binds: callIDs))
            ORDER BY COALESCE(invited_at, joined_at), user_id
            """
        ).all()
        for row in rows {
            let participant = StoredParticipant(
                userID: try row.decode(column: "user_id", as: String.self),
                state: CallParticipantState(rawValue: try row.decode(column: "state", as: String.self)) ?? .left,
                joinedAt: try row.decode(column: "joined_at", as: Date?.self), leftAt: try row.decode(column: "left_at", as: Date?.self),
                connectionID: try row.decode(column: "connection_id", as: String?.self)
            )
            result[try row.decode(column: "call_id", as: String.self), default: []].append(participant)
        }
        return result
    }

    /// The user's row in the call.
    static func participant(_ callID: String, userID: String, on sql: any SQLDatabase) async throws -> StoredParticipant? {
        try await participants(of: [callID], on: sql)[callID]?.first { $0.userID == userID }
    }

    /// Rings the users: new rows are `invited`, and so are users who declined, left or missed; joined and
    /// ringing users are left alone. Returns the users rung now.
    static func invite(_ callID: String, userIDs: [String], at now: Date, on sql: any SQLDatabase) async throws -> [String] {
        var rung: [String] = []
        for user in userIDs {
            let row = try await sql.raw(
                """
                INSERT INTO call_participants (call_id, user_id, state, invited_at) VALUES (\(bind: callID), \(bind: user), 'invited', \(bind: now))
                ON CONFLICT (call_id, user_id) DO UPDATE SET state = 'invited', invited_at = excluded.invited_at
                WHERE call_participants.state IN ('declined', 'left', 'missed')
                RETURNING user_id
                """
            ).first()
            if row != nil { rung.append(user) }
        }
        return rung
    }

    /// Seats the user on `connectionID`: a new seat starts now, a seat already held moves to the connection.
    static func join(_ callID: String, userID: String, connectionID: String, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO call_participants (call_id, user_id, state, joined_at, connection_id, seen_at)
            VALUES (\(bind: callID), \(bind: userID), 'joined', \(bind: now), \(bind: connectionID), \(bind: now))
            ON CONFLICT (call_id, user_id) DO UPDATE SET
                joined_at = CASE WHEN call_participants.state = 'joined' THEN call_participants.joined_at ELSE excluded.joined_at END,
                state = 'joined', left_at = NULL, connection_id = excluded.connection_id, seen_at = excluded.seen_at
            """
        ).run()
    }

    /// Turns a ringing invitation down; `true` when the user was ringing.
    static func decline(_ callID: String, userID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE call_participants SET state = 'declined' WHERE call_id = \(bind: callID) AND user_id = \(bind: userID) AND state = 'invited'
            RETURNING user_id
            """
        ).first() != nil
    }

    /// Frees the user's seat, only if still held on `connectionID` when one is given; `true` when freed.
    static func leave(_ callID: String, userID: String, connectionID: String?, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        var onConnection: SQLQueryString = ""
        if let connectionID { onConnection = "AND connection_id = \(bind: connectionID)" }
        return try await sql.raw(
            """
            UPDATE call_participants SET state = 'left', left_at = \(bind: now), connection_id = NULL
            WHERE call_id = \(bind: callID) AND user_id = \(bind: userID) AND state = 'joined' \(onConnection)
            RETURNING user_id
            """
        ).first() != nil
    }

    /// How many seats the call has taken.
    static func joinedCount(_ callID: String, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM call_participants WHERE call_id = \(bind: callID) AND state = 'joined'").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    // MARK: Seats and liveness

    /// The seats held on `connectionID`.
    static func seats(onConnection connectionID: String, on sql: any SQLDatabase) async throws -> [CallSeat] {
        try await sql.raw(
            "SELECT call_id, user_id FROM call_participants WHERE state = 'joined' AND connection_id = \(bind: connectionID)"
        ).all().map { CallSeat(callID: try $0.decode(column: "call_id", as: String.self), userID: try $0.decode(column: "user_id", as: String.self), connectionID: connectionID) }
    }

    /// Marks the seats held on these connections as seen now.
    static func refresh(connectionIDs: [String], at now: Date, on sql: any SQLDatabase) async throws {
        guard !connectionIDs.isEmpty else { return }
        try await sql.raw(
            "UPDATE call_participants SET seen_at = \(bind: now) WHERE state = 'joined' AND connection_id IN (\(binds: connectionIDs))"
        ).run()
    }

    /// Seats not seen since `before`: their replica stopped refreshing them.
    static func staleSeats(before: Date, limit: Int, on sql: any SQLDatabase) async throws -> [CallSeat] {
        try await sql.raw(
            """
            SELECT call_id, user_id, connection_id FROM call_participants
            WHERE state = 'joined' AND seen_at < \(bind: before) LIMIT \(literal: limit)
            """
        ).all().map {
            CallSeat(
                callID: try $0.decode(column: "call_id", as: String.self), userID: try $0.decode(column: "user_id", as: String.self),
                connectionID: try $0.decode(column: "connection_id", as: String?.self) ?? ""
            )
        }
    }

    // MARK: Large signals

    /// Keeps a signal's frame for the recipient's replica to read; returns its number.
    static func storeSignal(callID: String, topic: String, frame: String, at now: Date, on sql: any SQLDatabase) async throws -> Int64 {
        let row = try await sql.raw(
            """
            INSERT INTO call_signals (call_id, topic, frame, created_at) VALUES (\(bind: callID), \(bind: topic), \(bind: frame), \(bind: now))
            RETURNING id
            """
        ).first()
        guard let row else { throw AppError.internalError }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// The stored signal `id` of `callID`: the recipient's topic and the frame.
    static func signal(_ id: Int64, callID: String, on sql: any SQLDatabase) async throws -> (topic: String, frame: String)? {
        try await sql.raw("SELECT topic, frame FROM call_signals WHERE id = \(bind: id) AND call_id = \(bind: callID)").first().map {
            (try $0.decode(column: "topic", as: String.self), try $0.decode(column: "frame", as: String.self))
        }
    }

    /// Forgets signals stored before `before`.
    static func deleteSignals(before: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM call_signals WHERE created_at < \(bind: before)").run()
    }
}
