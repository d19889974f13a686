import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumWeb

/// What other domains' events push over the socket: the `thread:` and `course:` topics, and the outbox
/// subscriptions that publish `reply.created` (`ForumReplyPosted`), `announcement.published`
/// (`AnnouncementPublished`) and `quiz.graded` (`QuizAttemptGraded`, on the student's `user:` topic) once
/// their cause committed. The outbox runs each at least once, so a retried job may push an event twice.
///
/// When a student leaves a course (`StudentUnenrolled`), their subscriptions to its `course:` topic end
/// (`subscription.ended`, reason `unenrolled`) unless they may still hear it. `thread:` subscriptions are
/// checked only when joined.
struct LiveUpdates: Sendable {
    let threads: ThreadTopics
    let courses: CourseTopics
    let users: any UserDirectory
    let publisher: any RealtimePublisher

    /// Builds the topics from the directories Courses, Community and Identity provide.
    init(context: ModuleContext, publisher: any RealtimePublisher) throws {
        threads = ThreadTopics(threads: try context.require((any ForumThreadAccess).self))
        courses = CourseTopics(courses: try context.require((any CourseDirectory).self))
        users = try context.require((any UserDirectory).self)
        self.publisher = publisher
    }

    /// Adds the `thread:` and `course:` topics.
    func addTopics(to router: inout RealtimeRouter) {
        router.add(topics: threads)
        router.add(topics: courses)
    }

    /// Subscribes to the events above.
    func register(in registry: JobRegistry, subscriber prefix: String = "realtime") {
        registry.subscribe(ForumReplyPosted.self, as: "\(prefix).live-reply") { [publisher] event, _ in
            await publisher.publish(LiveFrames.replyCreated(event))
        }
        registry.subscribe(AnnouncementPublished.self, as: "\(prefix).live-announcement") { [publisher] event, _ in
            await publisher.publish(LiveFrames.announcementPublished(event))
        }
        registry.subscribe(QuizAttemptGraded.self, as: "\(prefix).live-quiz-graded") { [publisher] event, _ in
            await publisher.publish(LiveFrames.quizGraded(event))
        }
        registry.subscribe(StudentUnenrolled.self, as: "\(prefix).live-unenrolled") { [self] event, _ in
            try await courseEnded(userID: event.userID, courseID: event.courseID)
        }
    }

    /// Ends the user's subscriptions to the course's topic unless they may still hear it (re-enrolled, or
    /// staff of the course all along).
    private func courseEnded(userID: String, courseID: String) async throws {
        if let user = try await users.summaries(ids: [userID])[userID], user.isActive {
            let principal = Principal(userID: user.id, role: user.role, sessionID: "")
            if try await courses.mayHear(principal, courseID: courseID) { return }
        }
        await publisher.endSubscriptions(userID: userID, topic: CourseTopics.topic(of: courseID), reason: "unenrolled")
    }
}
