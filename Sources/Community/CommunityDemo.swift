import LyceumContracts
import LyceumWeb

/// The community part of the demo school: on the first demo student's course, a pinned welcome announcement,
/// a question answered by a classmate and the teacher with the classmate's answer accepted and voted up, a
/// pinned discussion, and an open study group with a post in its feed. Everything goes through the service,
/// so it is checked and notified as if the people had done it in the pages.
enum CommunityDemo {
    static func seed(_ community: CommunityService, school: DemoSchoolSeed) async throws {
        guard let first = school.students.first, let courseID = try await community.courses.courseIDs(of: first.userID).first else { return }
        let enrolled = Set(try await community.courses.studentIDs(ofCourse: courseID))
        let staff = Set(try await community.courses.staffIDs(ofCourse: courseID))
        let classmates = school.students.filter { enrolled.contains($0.userID) }
        guard classmates.count >= 2, let teacher = school.instructors.first(where: { staff.contains($0.userID) }) else { return }
        let (asker, helper) = (classmates[0], classmates[1])

        _ = try await community.createAnnouncement(teacher, courseID: courseID, input: AnnouncementInput(
            title: "Welcome, and how to get help",
            body: "Ask anything on the **course board**: classmates often answer within the hour, and I read it every day.",
            pinned: true
        ))
        let board = try await community.courseBoard(teacher, course: courseID).board.id
        let question = try await community.createThread(asker, board: board, draft: ThreadDraft(
            title: "Why does the Moon show phases?",
            body: "I see it change *every night*. Is it the Earth's shadow?", kind: .question, tags: ["moon", "phases"]
        )).thread.post.id
        let answer = try await community.reply(helper, thread: question, draft: ReplyDraft(
            body: "Not the shadow: the Sun always lights half of the Moon, and as it orbits we see more or less of that lit half."
        ))
        _ = try await community.reply(teacher, thread: question, draft: ReplyDraft(
            body: "Exactly right. The Earth's shadow only touches the Moon during a lunar eclipse.", parentId: answer.post.id
        ))
        _ = try await community.vote(asker, post: .reply(answer.post.id), value: 1)
        _ = try await community.accept(asker, thread: question, replyID: answer.post.id)
        let introductions = try await community.createThread(teacher, board: board, draft: ThreadDraft(
            title: "Introduce yourself", body: "Where do you observe from, and what would you most like to see?", kind: .discussion
        )).thread.post.id
        _ = try await community.pin(teacher, thread: introductions, pinned: true)

        let group = try await community.createGroup(asker, draft: GroupDraft(
            name: "Night-sky observers", description: "We meet on clear evenings to compare what we saw.", courseId: courseID,
            visibility: .open, memberLimit: 12
        ))
        _ = try await community.joinGroup(helper, group.id)
        _ = try await community.createGroupPost(asker, group: group.id, draft: ThreadDraft(
            body: "Clear skies forecast for Friday. Who is in for 21:00?"
        ))
        school.report("community:   1 announcement, 2 threads (1 answered), study group \"\(group.name)\"")
    }
}
