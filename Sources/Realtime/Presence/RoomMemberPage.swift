import Foundation
import LyceumCore

/// A member of a room with their presence, as `GET /rooms/{room}/members` and `presence.list` answer.
struct RoomMemberPresence: Sendable, Equatable, JSONWritable {
    let userID: String
    let displayName: String
    /// `staff` or `student` in a course room; `nil` (left out) in others.
    let role: String?
    let status: PresenceStatus
    /// Now for members online or away; when an offline member was last connected, `nil` if never.
    let lastSeenAt: Date?
    /// The `seq` of the last message the member has read in the room (their read receipt); 0 for none.
    var lastReadSeq: Int64 = 0

    /// The member with their read mark.
    func withReadMark(_ seq: Int64) -> RoomMemberPresence {
        var member = self
        member.lastReadSeq = seq
        return member
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("userId")
        writer.string(userID)
        writer.key("displayName")
        writer.string(displayName)
        if let role {
            writer.key("role")
            writer.string(role)
        }
        writer.key("status")
        writer.string(status.rawValue)
        writer.key("lastSeenAt")
        if let lastSeenAt { writer.date(lastSeenAt) } else { writer.null() }
        writer.key("lastReadSeq")
        writer.int(Int(lastReadSeq))
        writer.endObject()
    }
}

/// `{"members": [...], "nextCursor": "…" | null}`: online members first, then away, then offline, each by name.
struct RoomMemberPage: Sendable, Equatable, JSONWritable {
    let members: [RoomMemberPresence]
    /// Pass as `after` for the next page; `nil` on the last page.
    let nextCursor: String?

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("members")
        writer.beginArray()
        for member in members { writer.value(member) }
        writer.endArray()
        writer.key("nextCursor")
        writer.string(nextCursor)
        writer.endObject()
    }
}

/// Where a member stands in the list's order, and the opaque `after` cursor that names that place.
struct RoomMemberPlace: Comparable, Sendable {
    let rank: Int
    let name: String
    let userID: String

    init(_ member: RoomMemberPresence) {
        rank = member.status.rank
        name = member.displayName.lowercased()
        userID = member.userID
    }

    /// Parses a cursor; 400 `invalid_cursor` for anything this server did not hand out.
    init(cursor: String) throws(AppError) {
        let invalid = AppError.badRequest("invalid_cursor", "after must be a nextCursor this list handed out.")
        guard cursor.utf8.count <= 1_024 else { throw invalid }
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let parts = Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) }?.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard let parts, parts.count == 3, let rank = Int(parts[0]) else { throw invalid }
        self.rank = rank
        userID = String(parts[1])
        name = String(parts[2])
    }

    /// The cursor naming this place.
    var cursor: String {
        Data("\(rank)\n\(userID)\n\(name)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func < (lhs: RoomMemberPlace, rhs: RoomMemberPlace) -> Bool {
        (lhs.rank, lhs.name, lhs.userID) < (rhs.rank, rhs.name, rhs.userID)
    }
}
