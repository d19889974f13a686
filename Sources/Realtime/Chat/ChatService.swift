import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumWeb
import SQLKit

/// Chat rooms and direct conversations: who may be in a room, its messages, reactions, read marks and mutes,
/// and the stored event stream a socket client resumes from. Every rule and authorization check lives here,
/// so REST, the socket and pages share them.
///
/// Membership always comes from the owning domain: a course room admits the course's active students (once
/// the course is published) and its staff, as `CourseDirectory` says at the moment of the call; a group room
/// the members `StudyGroupDirectory` lists; a direct conversation its own members. A room the caller is not in
/// answers 404 `room_not_found`, whether or not it exists.
///
/// Every change to a room runs in one transaction that bumps the room's `last_seq` first (which makes
/// changes to one room take turns), writes the change and stores the event's encoded frame under that `seq`;
/// the frame is published only after the commit.
public struct ChatService: Sendable {
    let database: any Database
    let courses: any CourseDirectory
    let groups: any StudyGroupDirectory
    let users: any UserDirectory
    let blockedWords: any BlockedWordsFilter
    let uploads: any UploadCatalog
    let clock: WallClock
    let throttle: ActionThrottle
    let sendBudget: RateBudget?
    /// Where frames go after their change commits (the socket hub, on every replica).
    public let publisher: any RealtimePublisher
    let logger: Logger

    /// Messages one user may send: a burst of 30, then one every two seconds.
    public static let defaultSendBudget = RateBudget(capacity: 30, period: 60)

    /// Creates the service.
    /// - Parameters:
    ///   - uploads: checks the files attached to messages and signs links to them.
    ///   - sendBudget: messages per user through `rateLimiter`; `nil` sends unthrottled.
    ///   - publisher: receives every frame after its change commits.
    public init(
        database: any Database, courses: any CourseDirectory, groups: any StudyGroupDirectory, users: any UserDirectory,
        blockedWords: any BlockedWordsFilter, uploads: any UploadCatalog, clock: WallClock, rateLimiter: any RateLimiter, sendBudget: RateBudget? = defaultSendBudget,
        publisher: any RealtimePublisher, logger: Logger
    ) {
        self.database = database
        self.courses = courses
        self.groups = groups
        self.users = users
        self.blockedWords = blockedWords
        self.uploads = uploads
        self.clock = clock
        self.throttle = ActionThrottle(limiter: rateLimiter, clock: clock)
        self.sendBudget = sendBudget
        self.publisher = publisher
        self.logger = logger
    }

    /// Creates the service from the platform, the directories Identity, Courses and Community provide, and Media's catalog.
    public init(context: ModuleContext, publisher: any RealtimePublisher, sendBudget: RateBudget? = defaultSendBudget) throws {
        self.init(
            database: context.database, courses: try context.require((any CourseDirectory).self),
            groups: try context.require((any StudyGroupDirectory).self), users: try context.require((any UserDirectory).self),
            blockedWords: try context.require((any BlockedWordsFilter).self), uploads: try context.require((any UploadCatalog).self),
            clock: context.clock, rateLimiter: context.rateLimiter,
            sendBudget: sendBudget, publisher: publisher, logger: context.logger
        )
    }

    func require(_ principal: Principal?) throws(AppError) -> Principal {
        guard let principal else { throw AppError.unauthenticated() }
        return principal
    }

    // MARK: Who is in a room

    /// The caller's place in a room they may be in.
    struct RoomAccess: Sendable {
        let room: RoomID
        let title: String
        /// Course staff (and admins, who are staff everywhere) of a course room: they mute members.
        let courseStaff: Bool
        /// May delete others' messages: course staff and admins.
        let moderates: Bool
        /// The members of a direct conversation (empty for other kinds).
        let directMembers: [String]
    }

    /// The room the caller names, if they are in it; 404 `room_not_found` otherwise.
    func access(_ caller: Principal, _ roomText: String) async throws -> RoomAccess {
        guard let room = RoomID(roomText) else { throw ChatErrors.roomNotFound }
        return try await access(caller, room)
    }

    func access(_ caller: Principal, _ room: RoomID) async throws -> RoomAccess {
        switch room.kind {
        case .course:
            guard let course = try await courses.course(room.scope), course.id == room.scope else { throw ChatErrors.roomNotFound }
            switch try await courses.standing(of: caller, inCourse: course.id) {
            case .staff:
                return RoomAccess(room: room, title: course.title, courseStaff: true, moderates: true, directMembers: [])
            case .student where course.isPublished:
                return RoomAccess(room: room, title: course.title, courseStaff: false, moderates: caller.isAdmin, directMembers: [])
            case .student, .outsider:
                throw ChatErrors.roomNotFound
            }
        case .group:
            guard try await groups.isGroupMember(userID: caller.userID, groupID: room.scope) else { throw ChatErrors.roomNotFound }
            let title = try await groups.groups(ids: [room.scope])[room.scope]?.name ?? "Study group"
            return RoomAccess(room: room, title: title, courseStaff: false, moderates: caller.isAdmin, directMembers: [])
        case .direct:
            let members = try await database.read { sql in try await RoomStore.memberIDs(room, on: sql) }
            guard members.contains(caller.userID) else { throw ChatErrors.roomNotFound }
            let names = try await users.summaries(ids: members)
            return RoomAccess(
                room: room, title: Self.directTitle(members: members, for: caller.userID, names: names), courseStaff: false,
                moderates: caller.isAdmin, directMembers: members
            )
        }
    }

    /// The other members' names, sorted; "Just you" never happens (2 members at least).
    static func directTitle(members: [String], for userID: String, names: [String: UserSummary]) -> String {
        let others = members.filter { $0 != userID }.map { names[$0]?.displayName ?? "Former user" }.sorted()
        return others.isEmpty ? "Direct conversation" : others.joined(separator: ", ")
    }

    // MARK: Changes

    /// Signals that a change found nothing to do; its transaction rolls back so the stream does not move.
    struct Unchanged: Error {}

    /// Runs one change to `room`: takes the room's next `seq` first (so changes to one room take turns and
    /// each sees the ones before it), lets `body` write the change and build its frame, stores the frame, and
    /// publishes it after the commit. Returns `nil` when `body` threw `Unchanged`. `messageID` names the
    /// message the change is about, for rewriting its stored frames when it is edited or deleted.
    func change<Result: Sendable>(
        _ room: RoomID, about messageID: String?,
        _ body: @escaping @Sendable (any SQLDatabase, Int64, Date) async throws -> (Result, RealtimeFrame)
    ) async throws -> Result? {
        let now = clock.nowForStorage()
        let outcome: (Result, RealtimeFrame)
        do {
            outcome = try await database.transaction { sql in
                try await RoomStore.ensure(room, at: now, on: sql)
                let seq = try await RoomStore.nextSeq(room, on: sql)
                let (result, frame) = try await body(sql, seq, now)
                try await RoomEventStore.append(frame, room: room, messageID: messageID, at: now, on: sql)
                return (result, frame)
            }
        } catch is Unchanged {
            return nil
        }
        await publisher.publish(outcome.1)
        return outcome.0
    }

    /// The display name of each user, "Former user" for ids Identity no longer knows.
    func names(_ ids: some Collection<String>) async throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        let summaries = try await users.summaries(ids: Array(Set(ids)))
        var result: [String: String] = [:]
        for id in ids { result[id] = summaries[id]?.displayName ?? "Former user" }
        return result
    }

    /// Stored messages with their authors' names, their reactions and their files (one query each, one directory call).
    func hydrate(_ stored: [StoredMessage]) async throws -> [ChatMessage] {
        guard !stored.isEmpty else { return [] }
        let ids = stored.map(\.id)
        let (reactions, files) = try await database.read { sql in
            (try await MessageStore.reactions(messageIDs: ids, on: sql), try await MessageAttachmentStore.attachments(messageIDs: ids, on: sql))
        }
        let names = try await names(stored.map(\.authorID))
        return stored.map {
            Self.message($0, authorName: names[$0.authorID] ?? "Former user", reactions: reactions[$0.id] ?? [], attachments: files[$0.id] ?? [])
        }
    }

    static func message(_ stored: StoredMessage, authorName: String, reactions: [ChatReaction], attachments: [ChatAttachment] = []) -> ChatMessage {
        ChatMessage(
            id: stored.id, roomId: stored.roomID, seq: stored.seq, authorId: stored.authorID, authorName: authorName, body: stored.body,
            bodyHtml: stored.bodyHTML, replyTo: stored.replyTo, createdAt: stored.createdAt, editedAt: stored.editedAt,
            deletedAt: stored.deletedAt, reactions: reactions, attachments: stored.isDeleted ? [] : attachments
        )
    }
}

/// The chat errors clients branch on.
enum ChatErrors {
    static let roomNotFound = AppError(status: 404, code: "room_not_found", message: "No such room, or you are not in it.")
    static let messageNotFound = AppError(status: 404, code: "message_not_found", message: "No such message in this room.")
    static let muted = AppError(status: 403, code: "muted", message: "The course's staff muted you in this room.")
}
