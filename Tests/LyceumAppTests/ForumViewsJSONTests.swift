@testable import Community
import Foundation
import LyceumCore
import LyceumHTTP
import NIOCore
import Testing

@Suite("Forum views: the hand-written JSON")
struct ForumViewsJSONTests {
    static let created = Date(timeIntervalSince1970: 1_790_000_000)

    static func post(
        id: String, threadID: String?, parentID: String? = nil, anonymous: Bool = false, title: String? = nil,
        body: String, tags: [String] = [], lessonID: String? = nil, acceptedReplyID: String? = nil,
        editedAt: Date? = nil, deletedAt: Date? = nil
    ) -> ForumPost {
        ForumPost(
            id: id, boardID: "board-1", threadID: threadID, parentID: parentID, authorID: "author-" + id, anonymous: anonymous,
            kind: threadID == nil ? .question : nil, title: title, body: body, tags: tags, lessonID: lessonID, score: -3,
            replyCount: 2, acceptedReplyID: acceptedReplyID, pinned: true, locked: false, createdAt: created,
            editedAt: editedAt, lastActivityAt: created.addingTimeInterval(90), deletedAt: deletedAt
        )
    }

    static let files = [
        PostAttachment(uploadID: "u1", filename: "Notes \"draft\" é.pdf", size: 4_096_000_000, contentType: "application/pdf"),
        PostAttachment(uploadID: "u2", filename: "moon.png", size: 2_048, contentType: "image/png"),
    ]

    static func view(_ post: ForumPost, author: PostAuthor, myVote: Int, attachments: [PostAttachment] = []) -> PostView {
        PostView(
            post: post, author: author, myVote: myVote, bodyHTML: post.isRemoved ? "" : post.bodyHTML,
            isMine: myVote == 0, canEdit: myVote > 0, canDelete: true, attachments: attachments
        )
    }

    /// Both encodings parsed, so key order and whitespace do not matter but every key and value does.
    static func parsed(_ value: some Encodable & JSONWritable) throws -> (written: NSDictionary, encoded: NSDictionary) {
        let written = try JSONSerialization.jsonObject(with: Data(JSONWriter.encode(value).readableBytesView))
        let encoded = try JSONSerialization.jsonObject(with: JSONCoding.encoder.encode(value))
        return (try #require(written as? NSDictionary), try #require(encoded as? NSDictionary))
    }

    @Test("a thread with replies (nested, anonymous, removed, edited, escaped text) writes what JSONEncoder writes")
    func threadDetail() throws {
        let thread = Self.post(
            id: "t1", threadID: nil, title: "Why \"phases\"? \\ é 🌙", body: "Line one\nline\ttwo <b>", tags: ["moon", "ph\u{1}ases"],
            lessonID: "lesson-9", acceptedReplyID: "r1", editedAt: Self.created.addingTimeInterval(60)
        )
        let replies = [
            Self.view(
                Self.post(id: "r1", threadID: "t1", body: "**Sunlight**"), author: PostAuthor(id: "author-r1", displayName: "Ada"), myVote: 1,
                attachments: Self.files
            ),
            Self.view(Self.post(id: "r2", threadID: "t1", parentID: "r1", anonymous: true, body: "I agree"), author: PostAuthor(id: nil, displayName: "Anonymous"), myVote: -1),
            Self.view(Self.post(id: "r3", threadID: "t1", body: "gone", deletedAt: Self.created), author: PostAuthor(id: "author-r3", displayName: "Bo"), myVote: 0),
        ]
        let access = BoardAccess(
            board: ForumBoard(id: "board-1", scope: .course("course-1"), title: "Course board", description: "Talk", allowAnonymous: true, createdAt: Self.created),
            role: .staff, suspended: false
        )
        let detail = ThreadDetailView(ThreadDetail(
            access: access, thread: Self.view(thread, author: PostAuthor(id: "author-t1", displayName: "Asker"), myVote: 0, attachments: [Self.files[1]]),
            replies: replies, canAccept: true
        ))
        let (written, encoded) = try Self.parsed(detail)
        #expect(written == encoded)
        #expect((written["replies"] as? [Any])?.count == 3)
        let firstReply = try #require((written["replies"] as? [NSDictionary])?.first)
        #expect((firstReply["attachments"] as? [NSDictionary])?.map { $0["contentPath"] as? String } == ["/api/v1/uploads/u1/content", "/api/v1/uploads/u2/content"])
    }

    @Test("a page of threads on a group board, with and without a next cursor, writes what JSONEncoder writes")
    func threadPage() throws {
        let access = BoardAccess(
            board: ForumBoard(id: "board-2", scope: .group("group-1"), title: "Group", description: "", allowAnonymous: false, createdAt: Self.created),
            role: .member, suspended: true
        )
        let threads = [Self.view(Self.post(id: "t2", threadID: nil, title: "Plain", body: "Hello"), author: PostAuthor(id: "author-t2", displayName: "Cy"), myVote: 1)]
        for cursor in ["next-page", nil] {
            let (written, encoded) = try Self.parsed(ThreadPageView(ThreadPage(access: access, threads: threads, nextCursor: cursor)))
            #expect(written == encoded)
            #expect((written["nextCursor"] as? String) == cursor)
        }
    }
}
