import Foundation
import LyceumCore
import SQLKit

/// SQL for rooms, their stream position, direct-conversation members, read marks and mutes.
enum RoomStore {
    /// Makes the row of a course or group room unless it exists (rooms are made on first use).
    static func ensure(_ room: RoomID, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO chat_rooms (id, kind, scope_id, last_seq, created_at)
            VALUES (\(bind: room.text), \(bind: room.kind.rawValue), \(bind: room.scope), 0, \(bind: now))
            ON CONFLICT DO NOTHING
            """
        ).run()
    }

    /// Makes a direct conversation for the member set `key` unless one exists; `true` when this call made it.
    static func insertDirect(_ room: RoomID, key: String, createdBy: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO chat_rooms (id, kind, scope_id, last_seq, created_by, created_at)
            VALUES (\(bind: room.text), 'direct', \(bind: key), 0, \(bind: createdBy), \(bind: now))
            ON CONFLICT DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    /// The direct conversation of the member set `key`.
    static func direct(key: String, on sql: any SQLDatabase) async throws -> RoomID? {
        try await sql.select().column("id").from("chat_rooms").where("kind", .equal, "direct").where("scope_id", .equal, key).first()
            .flatMap { RoomID(try $0.decode(column: "id", as: String.self)) }
    }

    /// Bumps the room's stream position and returns the new one. The row lock it takes makes concurrent
    /// changes to one room take turns on PostgreSQL (SQLite's single writer already does), so every change
    /// gets the next number and the log has no gap.
    static func nextSeq(_ room: RoomID, on sql: any SQLDatabase) async throws -> Int64 {
        let row = try await sql.raw("UPDATE chat_rooms SET last_seq = last_seq + 1 WHERE id = \(bind: room.text) RETURNING last_seq").first()
        guard let row else { throw AppError.staleReference }
        return try row.decode(column: "last_seq", as: Int64.self)
    }

    /// The stream position of each room that has a row; rooms without one are at 0.
    static func lastSeqs(_ roomIDs: [String], on sql: any SQLDatabase) async throws -> [String: Int64] {
        guard !roomIDs.isEmpty else { return [:] }
        var result: [String: Int64] = [:]
        for row in try await sql.select().columns("id", "last_seq").from("chat_rooms").where("id", .in, roomIDs).all() {
            result[try row.decode(column: "id", as: String.self)] = try row.decode(column: "last_seq", as: Int64.self)
        }
        return result
    }

    // MARK: Direct conversations

    static func addMembers(_ room: RoomID, userIDs: [String], at now: Date, on sql: any SQLDatabase) async throws {
        var insert = sql.insert(into: "chat_room_members").columns("room_id", "user_id", "joined_at")
        for user in userIDs { insert = insert.values(SQLBind(room.text), SQLBind(user), SQLBind(now)) }
        try await insert.ignoringConflicts(with: ["room_id", "user_id"]).run()
    }

    static func isMember(_ room: RoomID, userID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("user_id").from("chat_room_members").where("room_id", .equal, room.text)
            .where("user_id", .equal, userID).first() != nil
    }

    static func memberIDs(_ room: RoomID, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().column("user_id").from("chat_room_members").where("room_id", .equal, room.text)
            .orderBy("joined_at").orderBy("user_id").all().map { try $0.decode(column: "user_id", as: String.self) }
    }

    /// The members of each of these direct rooms.
    static func memberIDs(ofRooms roomIDs: [String], on sql: any SQLDatabase) async throws -> [String: [String]] {
        guard !roomIDs.isEmpty else { return [:] }
        var result: [String: [String]] = [:]
        for row in try await sql.select().columns("room_id", "user_id").from("chat_room_members").where("room_id", .in, roomIDs)
            .orderBy("joined_at").orderBy("user_id").all()
        {
            result[try row.decode(column: "room_id", as: String.self), default: []].append(try row.decode(column: "user_id", as: String.self))
        }
        return result
    }

    /// The direct conversations the user is in, newest first, at most `limit`.
    static func directRooms(of userID: String, limit: Int, on sql: any SQLDatabase) async throws -> [RoomID] {
        try await sql.raw(
            """
            SELECT r.id FROM chat_room_members m JOIN chat_rooms r ON r.id = m.room_id
            WHERE m.user_id = \(bind: userID) ORDER BY r.last_seq DESC, r.created_at DESC, r.id LIMIT \(literal: limit)
            """
        ).all().compactMap { RoomID(try $0.decode(column: "id", as: String.self)) }
    }

    // MARK: Read marks

    /// The user's read mark in each of these rooms; rooms never marked are absent (at 0).
    static func readMarks(userID: String, roomIDs: [String], on sql: any SQLDatabase) async throws -> [String: Int64] {
        guard !roomIDs.isEmpty else { return [:] }
        var result: [String: Int64] = [:]
        for row in try await sql.select().columns("room_id", "last_read_seq").from("chat_read_marks")
            .where("user_id", .equal, userID).where("room_id", .in, roomIDs).all()
        {
            result[try row.decode(column: "room_id", as: String.self)] = try row.decode(column: "last_read_seq", as: Int64.self)
        }
        return result
    }

    /// Each of these users' read mark in one room; users who never marked it are absent (at 0).
    static func readMarks(roomID: String, userIDs: [String], on sql: any SQLDatabase) async throws -> [String: Int64] {
        guard !userIDs.isEmpty else { return [:] }
        var result: [String: Int64] = [:]
        for row in try await sql.select().columns("user_id", "last_read_seq").from("chat_read_marks")
            .where("room_id", .equal, roomID).where("user_id", .in, userIDs).all()
        {
            result[try row.decode(column: "user_id", as: String.self)] = try row.decode(column: "last_read_seq", as: Int64.self)
        }
        return result
    }

    /// Moves the user's read mark to `seq` unless it is already further; returns the mark after the change.
    static func markRead(_ room: RoomID, userID: String, seq: Int64, on sql: any SQLDatabase) async throws -> Int64 {
        let row = try await sql.raw(
            """
            INSERT INTO chat_read_marks (room_id, user_id, last_read_seq) VALUES (\(bind: room.text), \(bind: userID), \(bind: seq))
            ON CONFLICT (room_id, user_id) DO UPDATE SET last_read_seq = CASE
                WHEN excluded.last_read_seq > chat_read_marks.last_read_seq THEN excluded.last_read_seq
                ELSE chat_read_marks.last_read_seq END
            RETURNING last_read_seq
            """
        ).first()
        return try row?.decode(column: "last_read_seq", as: Int64.self) ?? seq
    }

    /// Per room, the messages after the user's read mark that others wrote and did not delete.
    static func unreadCounts(userID: String, roomIDs: [String], on sql: any SQLDatabase) async throws -> [String: Int] {
        guard !roomIDs.isEmpty else { return [:] }
        var result: [String: Int] = [:]
        let rows = try await sql.raw(
            """
            SELECT m.room_id, COUNT(*) AS n FROM chat_messages m
            LEFT JOIN chat_read_marks r ON r.room_id = m.room_id AND r.user_id = \(bind: userID)
            WHERE m.room_id IN (\(binds: roomIDs)) AND m.author_id <> \(bind: userID) AND m.deleted_at IS NULL
                AND m.seq > COALESCE(r.last_read_seq, 0)
            GROUP BY m.room_id
            """
        ).all()
        for row in rows {
            result[try row.decode(column: "room_id", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    // MARK: Mutes

    static func isMuted(_ room: RoomID, userID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("user_id").from("chat_mutes").where("room_id", .equal, room.text)
            .where("user_id", .equal, userID).first() != nil
    }

    static func mutedUserIDs(_ room: RoomID, on sql: any SQLDatabase) async throws -> Set<String> {
        Set(try await sql.select().column("user_id").from("chat_mutes").where("room_id", .equal, room.text).all()
            .map { try $0.decode(column: "user_id", as: String.self) })
    }

    static func mute(_ room: RoomID, userID: String, by mutedBy: String, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "chat_mutes").columns("room_id", "user_id", "muted_by", "created_at")
            .values(SQLBind(room.text), SQLBind(userID), SQLBind(mutedBy), SQLBind(now))
            .ignoringConflicts(with: ["room_id", "user_id"]).run()
    }

    static func unmute(_ room: RoomID, userID: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "chat_mutes").where("room_id", .equal, room.text).where("user_id", .equal, userID).run()
    }
}
