import LyceumContracts
import LyceumCore
import NIOCore

/// The live updates' event frames. All are ephemeral (no `seq`): a client that reconnects reloads through REST.
///
/// - `reply.created` on `thread:<threadId>`: `{"threadId", "postId", "authorId" (null when anonymous),
///   "authorName", "excerpt", "url"}`.
/// - `announcement.published` on `course:<courseId>`: `{"courseId", "announcementId", "title", "excerpt", "url"}`.
/// - `quiz.graded` on the student's `user:` topic: `{"courseId", "quizId", "attemptId", "score", "maxScore",
///   "passed", "url"}`.
/// - `room.added` on a member's `user:` topic: `{"room": …}`, the room as `GET /api/v1/rooms/{id}` answers
///   that member.
enum LiveFrames {
    static func replyCreated(_ event: ForumReplyPosted) -> RealtimeFrame {
        RealtimeFrame.event(topic: ThreadTopics.topic(of: event.threadID), seq: nil, event: "reply.created", capacity: 512) { writer in
            writer.beginObject()
            writer.key("threadId")
            writer.string(event.threadID)
            writer.key("postId")
            writer.string(event.replyID)
            writer.key("authorId")
            writer.string(event.authorID)
            writer.key("authorName")
            writer.string(event.authorName)
            writer.key("excerpt")
            writer.string(event.excerpt)
            writer.key("url")
            writer.string(event.link)
            writer.endObject()
        }
    }

    static func announcementPublished(_ event: AnnouncementPublished) -> RealtimeFrame {
        RealtimeFrame.event(topic: CourseTopics.topic(of: event.courseID), seq: nil, event: "announcement.published", capacity: 768) { writer in
            writer.beginObject()
            writer.key("courseId")
            writer.string(event.courseID)
            writer.key("announcementId")
            writer.string(event.announcementID)
            writer.key("title")
            writer.string(event.title)
            writer.key("excerpt")
            writer.string(event.excerpt)
            writer.key("url")
            writer.string(event.link)
            writer.endObject()
        }
    }

    static func quizGraded(_ event: QuizAttemptGraded) -> RealtimeFrame {
        RealtimeFrame.event(topic: UserTopics.topic(of: event.userID), seq: nil, event: "quiz.graded") { writer in
            writer.beginObject()
            writer.key("courseId")
            writer.string(event.courseID)
            writer.key("quizId")
            writer.string(event.quizID)
            writer.key("attemptId")
            writer.string(event.attemptID)
            writer.key("score")
            if let score = event.score { writer.int(score) } else { writer.null() }
            writer.key("maxScore")
            if let maxScore = event.maxScore { writer.int(maxScore) } else { writer.null() }
            writer.key("passed")
            writer.bool(event.passed)
            writer.key("url")
            writer.string("/attempts/\(event.attemptID)")
            writer.endObject()
        }
    }

    /// `room` is the room's JSON as `GET /api/v1/rooms/{id}` answers `userID` (`{"room": {…}}`).
    static func roomAdded(userID: String, room: ByteBuffer) -> RealtimeFrame {
        RealtimeFrame.event(topic: UserTopics.topic(of: userID), seq: nil, event: "room.added", capacity: 128 + room.readableBytes) { writer in
            writer.raw(room)
        }
    }
}
