import Foundation
import HTTPTypes
import HummingbirdTesting
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
@testable import Realtime
import Testing

/// The messages pages, the chat panels on course pages and the call page: who sees what, and what a refused
/// form says. The chat and the call themselves run over the socket (RealtimeChatSocketTests,
/// RealtimeCallTests) and in Chromium (scripts/lib/e2e_realtime.py).
@Suite("Real-time pages")
struct RealtimePagesTests {
    @Test("the messages page lists the viewer's rooms and starts a conversation by display name", arguments: TestEngine.available)
    func messages(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast(studentName: "Pat Page", classmateName: "Quinn Page")
            let courseRoom = "course-\(cast.course.id)"
            #expect(try await Browser(app).get("/messages").status == .seeOther, "visitors are sent to sign in")

            let pat = try await Browser.signedIn(app, as: cast.student)
            let list = try await pat.get("/messages")
            #expect(list.status == .ok)
            #expect(list.text.contains(#"<li data-room="\#(courseRoom)"><a href="/messages/\#(courseRoom)""#))
            #expect(list.text.contains(#"aria-current="page">Messages</a>"#))

            let unknown = try await pat.post("/messages", form: ["names": "Nobody Here"])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("Nobody else is called “Nobody Here”."))
            #expect(unknown.text.contains(#"value="Nobody Here""#), "the refused form keeps what was typed")
            let blank = try await pat.post("/messages", form: ["names": " , "])
            #expect(blank.status == .unprocessableContent && blank.text.contains("Name at least one person."))
            let refused = try await pat.post("/messages", form: ["names": "Quinn Page"], csrf: "")
            #expect(refused.status == .forbidden, "the form needs its CSRF token")

            let started = try await pat.post("/messages", form: ["names": "quinn page"])
            #expect(started.status == .seeOther)
            let location = try #require(started.headers[.location])
            #expect(location.hasPrefix("/messages/dm-"))
            let again = try await pat.post("/messages", form: ["names": "Quinn Page"])
            #expect(again.headers[.location] == location, "naming the same people opens the same conversation")

            let conversation = try await pat.get(location)
            #expect(conversation.status == .ok)
            #expect(conversation.text.contains(#"data-chat="room:\#(location.dropFirst("/messages/".count))""#))
            #expect(conversation.text.contains("Direct conversation · Quinn Page"))
            let quinn = try await Browser.signedIn(app, as: cast.classmate)
            #expect(try await quinn.get(location).status == .ok)
            let outsider = try await Browser.signedIn(app, as: cast.outsider)
            #expect(try await outsider.get(location).status == .notFound, "outsiders cannot open the conversation")
            #expect(try await outsider.get("/messages/\(courseRoom)").status == .notFound)
            #expect(try await outsider.get("/messages/not-a-room").status == .notFound)
        }
    }

    @Test("the course page carries the chat panel and the course's live topic for members only", arguments: TestEngine.available)
    func coursePanel(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let path = "/courses/\(cast.course.slug)"
            let panel = #"data-chat="room:course-\#(cast.course.id)""#
            let student = try await Browser.signedIn(app, as: cast.student).get(path)
            #expect(student.text.contains(panel))
            #expect(student.text.contains(#"data-live-topic="course:\#(cast.course.id)""#))
            #expect(student.text.contains(#"href="/calls/new?room=course-\#(cast.course.id)""#))
            #expect(try await Browser.signedIn(app, as: cast.owner).get(path).text.contains(panel), "staff chat with their students")
            #expect(!(try await Browser.signedIn(app, as: cast.outsider).get(path).text.contains(panel)), "outsiders see no chat")
            #expect(!(try await Browser(app).get(path).text.contains("data-chat")), "a visitor's shared page has no chat")
        }
    }

    @Test("the call page starts or joins a call in a room the viewer belongs to", arguments: TestEngine.available)
    func callPage(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let student = try await Browser.signedIn(app, as: cast.student)
            let start = try await student.get("/calls/new?room=\(room)")
            #expect(start.status == .ok)
            #expect(start.text.contains(#"data-room="\#(room)""#) && !start.text.contains("data-call-id"))
            #expect(start.text.contains(#"data-ice-servers="[]""#), "no STUN or TURN configured: an empty list")
            #expect(start.text.firstMatch(of: /<script src="\/static\/call\.js\?v=[0-9a-f]+" defer>/) != nil)
            let outsider = try await Browser.signedIn(app, as: cast.outsider)
            #expect(try await outsider.get("/calls/new?room=\(room)").status == .notFound)
            #expect(try await student.get("/calls/new").status == .notFound, "a call needs a room")

            let caller = try await CallClient(app, cast.student)
            let started = try await caller.ack("call.start", topic: "room:\(room)", payload: [:])
            let callID = try #require((started["call"] as? [String: Any])?["id"] as? String)
            let join = try await Browser.signedIn(app, as: cast.classmate).get("/calls/\(callID)")
            #expect(join.status == .ok && join.text.contains(#"data-call-id="\#(callID)""#))
            #expect(try await outsider.get("/calls/\(callID)").status == .notFound)
            #expect(try await student.get("/calls/no-such-call").status == .notFound)

            try await caller.ack("call.end", topic: "call:\(callID)")
            let ended = try await student.get("/calls/\(callID)")
            #expect(ended.status == .seeOther && ended.headers[.location] == "/messages/\(room)", "an ended call returns to its room")
            await caller.socket.drop()
        }
    }

    @Test("signed-in pages load the live client and the modules' every-page scripts; visitors load none", arguments: TestEngine.available)
    func scripts(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let student = try await app.register()
            let page = try await Browser.signedIn(app, as: student).get("/courses")
            let scripts = page.text.matches(of: /<script src="\/static\/([a-z]+)\.js\?v=[0-9a-f]+" defer>/).map { String($0.1) }
            #expect(scripts == ["live", "uploads", "chat", "ring", "updates"], "Media's upload widget comes first, in module order")
            for name in scripts {
                let asset = try await Browser(app).get("/static/\(name).js")
                #expect(asset.status == .ok && asset.headers[.contentType] == "text/javascript; charset=utf-8")
            }
            #expect(!(try await Browser(app).get("/courses").text.contains("/static/live.js")))
        }
    }
}
