import Foundation
import HTTPTypes
import HummingbirdTesting
import LyceumApp
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
@testable import Realtime
import SQLKit
import Testing

/// Call signalling over the socket, end to end through the live server: ringing, joining, the relay of
/// signals between participants, who is refused, seats freed when connections close or go stale, and the
/// history REST shows afterwards.
@Suite("Real-time calls")
struct RealtimeCallTests {
    /// A signal's `data` as a browser might send it: nested, with escapes, numbers and non-ASCII text.
    static let offer = #"{"type":"offer","sdp":"v=0\r\no=- 4611 2 IN IP4 127.0.0.1\r\ns=-\r\n","extra":[1.5,true,null,{"é":"\u00e9 \"q\""}]}"#

    @Test("two members of a direct room ring, join, exchange signals and hang up; outsiders see nothing", arguments: TestEngine.available)
    func directCall(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let alice = try await app.register()
            let bob = try await app.register()
            let room = try await app.directRoom([alice, bob])
            try await app.waitUntilRealtimeListens()
            let a = try await CallClient(app, alice)
            let b = try await CallClient(app, bob)
            try await a.ack("subscribe", topic: "room:\(room)")

            let started = try #require(try await a.ack("call.start", topic: "room:\(room)")["call"] as? [String: Any])
            let callID = try #require(started["id"] as? String)
            let topic = "call:\(callID)"
            #expect(participantStates(started) == [alice.id: "joined", bob.id: "invited"])
            #expect(started["roomId"] as? String == room && started["startedBy"] as? String == alice.id && started["endedAt"] is NSNull)
            #expect((try await a.event("call.started", on: "room:\(room)")["call"] as? [String: Any])?["id"] as? String == callID)

            let ringing = try await b.event("call.ringing", on: "user:\(bob.id)")
            #expect((ringing["call"] as? [String: Any])?["id"] as? String == callID)
            #expect((ringing["from"] as? [String: Any])?["userId"] as? String == alice.id)
            #expect((ringing["from"] as? [String: Any])?["displayName"] as? String == "Test Student")

            let followed = try await a.ack("subscribe", topic: topic)
            #expect(((followed["details"] as? [String: Any])?["call"] as? [String: Any])?["id"] as? String == callID)
            #expect(followed["position"] == nil || followed["position"] is NSNull)
            try await b.ack("subscribe", topic: topic)
            let accepted = try #require(try await b.ack("call.accept", topic: topic)["call"] as? [String: Any])
            #expect(participantStates(accepted) == [alice.id: "joined", bob.id: "joined"])
            for client in [a, b] {
                let joined = try await client.event("call.participant.joined", on: topic)
                #expect(joined["userId"] as? String == bob.id && joined["callId"] as? String == callID)
            }
            #expect(try await b.event("call.ringing.ended", on: "user:\(bob.id)")["reason"] as? String == "accepted")

            // The one who joined offers to everyone already there; they answer; candidates flow both ways.
            let offer = try JSONSerialization.jsonObject(with: Data(Self.offer.utf8))
            try await b.socket.send(#"{"type":"call.signal","id":"s1","topic":"\#(topic)","payload":{"to":"\#(alice.id)","kind":"offer","data":\#(Self.offer)}}"#)
            let relayed = try await a.event("call.signal", on: "user:\(alice.id)")
            #expect(relayed["callId"] as? String == callID && relayed["from"] as? String == bob.id && relayed["kind"] as? String == "offer")
            #expect(try canonicalJSON(relayed["data"] as Any) == canonicalJSON(offer))
            try await a.ack("call.signal", topic: topic, payload: ["to": bob.id, "kind": "answer", "data": ["type": "answer", "sdp": "v=0\r\n"]])
            let answer = try await b.event("call.signal", on: "user:\(bob.id)")
            #expect(answer["from"] as? String == alice.id && answer["kind"] as? String == "answer")
            #expect((answer["data"] as? [String: Any])?["sdp"] as? String == "v=0\r\n")
            try await b.ack("call.signal", topic: topic, payload: ["to": alice.id, "kind": "candidate", "data": "candidate:1 1 udp 2122260223 10.0.0.2 54321 typ host"])
            #expect(try await a.event("call.signal")["data"] as? String == "candidate:1 1 udp 2122260223 10.0.0.2 54321 typ host")

            // An outsider cannot follow, join or signal; nobody signals someone outside the call or themselves.
            let carol = try await app.register()
            let c = try await CallClient(app, carol)
            #expect(try await c.refused("subscribe", topic: topic) == "call_not_found")
            #expect(try await c.refused("call.accept", topic: topic) == "call_not_found")
            #expect(try await c.refused("call.signal", topic: topic, payload: ["to": alice.id, "kind": "offer", "data": [:] as [String: String]]) == "call_not_found")
            #expect(try await a.refused("call.signal", topic: topic, payload: ["to": carol.id, "kind": "offer", "data": 1]) == "not_in_call")
            #expect(try await a.refused("call.signal", topic: topic, payload: ["to": alice.id, "kind": "offer", "data": 1]) == "validation_failed")
            #expect(try await a.refused("call.signal", topic: topic, payload: ["to": bob.id, "kind": "chat", "data": 1]) == "validation_failed")
            #expect(try await c.refused("call.start", topic: "room:\(room)") == "room_not_found")
            #expect(try await app.request(.get, "/api/v1/calls/\(callID)", token: carol.accessToken).status == .notFound)

            let again = try await b.send("call.start", topic: "room:\(room)")
            #expect((again["payload"] as? [String: Any])?["code"] as? String == "call_in_progress")
            #expect(((again["payload"] as? [String: Any])?["fields"] as? [String: Any])?["callId"] as? String == callID)

            try await b.ack("call.leave", topic: topic)
            #expect(try await a.event("call.participant.left", on: topic)["userId"] as? String == bob.id)
            try await a.ack("call.leave", topic: topic)
            let ended = try #require(try await a.event("call.ended", on: topic)["call"] as? [String: Any])
            #expect(ended["endReason"] as? String == "empty" && ended["durationSeconds"] is Int)
            #expect((try await a.event("call.ended", on: "room:\(room)")["call"] as? [String: Any])?["id"] as? String == callID)
            #expect(try await b.refused("call.accept", topic: topic) == "call_ended")

            let history = try await app.request(.get, "/api/v1/rooms/\(room)/calls", token: bob.accessToken)
            #expect(history.status == .ok)
            let items = history.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1 && items.first?["id"] as? String == callID && items.first?["durationSeconds"] is Int)
            #expect(participantStates(items.first ?? [:]) == [alice.id: "left", bob.id: "left"])
            #expect(try await app.request(.get, "/api/v1/rooms/\(room)/calls", token: carol.accessToken).status == .notFound)
        }
    }

    @Test("a decline reaches the call and stops the decliner's other tabs; the unanswered are missed at the end", arguments: TestEngine.available)
    func declinedAndMissed(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let alice = try await app.register()
            let bob = try await app.register()
            let carol = try await app.register()
            let room = try await app.directRoom([alice, bob, carol])
            try await app.waitUntilRealtimeListens()
            let a = try await CallClient(app, alice)
            let b = try await CallClient(app, bob)
            let otherTab = try await CallClient(app, bob)
            let c = try await CallClient(app, carol)

            let call = try #require(try await a.ack("call.start", topic: "room:\(room)", payload: ["invite": [bob.id, carol.id]])["call"] as? [String: Any])
            let callID = try #require(call["id"] as? String)
            let topic = "call:\(callID)"
            try await a.ack("subscribe", topic: topic)
            for client in [b, otherTab, c] { _ = try await client.event("call.ringing") }

            try await b.ack("call.decline", topic: topic)
            #expect(try await a.event("call.declined", on: topic)["userId"] as? String == bob.id)
            #expect(try await otherTab.event("call.ringing.ended")["reason"] as? String == "declined")
            try await b.ack("call.decline", topic: topic)
            #expect(try await a.refused("call.decline", topic: topic) == "not_ringing")
            #expect(try await c.refused("call.end", topic: topic) == "forbidden")

            try await a.ack("call.end", topic: topic)
            #expect(try await c.event("call.ringing.ended")["reason"] as? String == "ended")
            let ended = try #require(try await a.event("call.ended", on: topic)["call"] as? [String: Any])
            #expect(ended["endReason"] as? String == "ended")
            #expect(participantStates(ended) == [alice.id: "left", bob.id: "declined", carol.id: "missed"])
            #expect(participantStates(try await app.callJSON(callID, as: carol)) == [alice.id: "left", bob.id: "declined", carol.id: "missed"])
        }
    }

    @Test("a seat moves to the connection that accepts last; closing the seat's connection leaves the call", arguments: TestEngine.available)
    func connectionLifecycle(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let alice = try await app.register()
            let bob = try await app.register()
            let room = try await app.directRoom([alice, bob])
            try await app.waitUntilRealtimeListens()
            let a = try await CallClient(app, alice)
            let firstTab = try await CallClient(app, bob)
            let secondTab = try await CallClient(app, bob)
            let callID = try #require((try await a.ack("call.start", topic: "room:\(room)")["call"] as? [String: Any])?["id"] as? String)
            let topic = "call:\(callID)"
            try await a.ack("subscribe", topic: topic)

            try await firstTab.ack("call.accept", topic: topic)
            #expect(try await a.event("call.participant.joined", on: topic)["userId"] as? String == bob.id)
            try await secondTab.ack("call.accept", topic: topic)
            #expect(try await a.event("call.participant.joined", on: topic)["userId"] as? String == bob.id)
            // The first tab no longer holds the seat: it may not signal, and closing it frees nothing.
            #expect(try await firstTab.refused("call.signal", topic: topic, payload: ["to": alice.id, "kind": "offer", "data": 1]) == "not_in_call")
            await firstTab.socket.drop()
            try await secondTab.ack("call.signal", topic: topic, payload: ["to": alice.id, "kind": "offer", "data": 1])
            _ = try await a.event("call.signal")
            #expect(!a.hasPending("call.participant.left"))
            #expect(participantStates(try await app.callJSON(callID, as: alice))[bob.id] == "joined")

            await secondTab.socket.drop()
            #expect(try await a.event("call.participant.left", on: topic)["userId"] as? String == bob.id)
            await a.socket.drop()
            try await withDeadline(.seconds(10), "the call ending with its last connection") {
                while try await app.callJSON(callID, as: bob)["endedAt"] is NSNull { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(try await app.callJSON(callID, as: bob)["endReason"] as? String == "empty")
        }
    }

    @Test("a call has six seats: the seventh joiner gets call_full", arguments: TestEngine.available)
    func seatLimit(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            var users: [APIUser] = []
            for _ in 0..<7 { users.append(try await app.register()) }
            let room = try await app.directRoom(users)
            try await app.waitUntilRealtimeListens()
            var clients: [CallClient] = []
            for user in users { clients.append(try await CallClient(app, user)) }
            let call = try #require(try await clients[0].ack("call.start", topic: "room:\(room)")["call"] as? [String: Any])
            #expect(participantStates(call).values.filter { $0 == "invited" }.count == 6)
            let topic = "call:\(try #require(call["id"] as? String))"
            for client in clients[1..<6] { try await client.ack("call.accept", topic: topic) }
            #expect(try await clients[6].refused("call.accept", topic: topic) == "call_full")
            try await clients[5].ack("call.leave", topic: topic)
            try await clients[6].ack("call.accept", topic: topic)
        }
    }

    @Test("a seat its replica stopped refreshing is freed by the sweeper, and the call hears it left", arguments: TestEngine.available)
    func staleSeat(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live, configure: { configuration in
            configuration.realtime.callHeartbeatInterval = .milliseconds(200)
            configuration.realtime.callSeatTimeout = .seconds(2)
        }) { app in
            let alice = try await app.register()
            let bob = try await app.register()
            let room = try await app.directRoom([alice, bob])
            try await app.waitUntilRealtimeListens()
            let a = try await CallClient(app, alice)
            let b = try await CallClient(app, bob)
            let callID = try #require((try await a.ack("call.start", topic: "room:\(room)")["call"] as? [String: Any])?["id"] as? String)
            let topic = "call:\(callID)"
            try await a.ack("subscribe", topic: topic)
            try await b.ack("call.accept", topic: topic)
            _ = try await a.event("call.participant.joined", on: topic)

            // Bob's seat now looks held by a connection of a replica that died a minute ago.
            let past = Date().addingTimeInterval(-60)
            try await app.services.database.write { sql in
                try await sql.raw(
                    "UPDATE call_participants SET connection_id = 'dead-1', seen_at = \(bind: past) WHERE call_id = \(bind: callID) AND user_id = \(bind: bob.id)"
                ).run()
            }
            #expect(try await a.event("call.participant.left", on: topic, timeout: .seconds(10))["userId"] as? String == bob.id)
            // Alice's seat, refreshed by her replica, outlives the timeout.
            try await Task.sleep(for: .seconds(3))
            #expect(participantStates(try await app.callJSON(callID, as: alice)) == [alice.id: "joined", bob.id: "left"])
        }
    }

    @Test("a call is signalled between clients on two replicas, a large offer included")
    func acrossReplicas() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        try await RealtimeReplicaTests.withTwoReplicas { one, two in
            let alice = try await one.register()
            let bob = try await two.register()
            let room = try await one.directRoom([alice, bob])
            try await one.waitUntilRealtimeListens()
            try await two.waitUntilRealtimeListens()
            let a = try await CallClient(one, alice)
            let b = try await CallClient(two, bob)

            let callID = try #require((try await a.ack("call.start", topic: "room:\(room)")["call"] as? [String: Any])?["id"] as? String)
            let topic = "call:\(callID)"
            try await a.ack("subscribe", topic: topic)
            _ = try await b.event("call.ringing")
            try await b.ack("call.accept", topic: topic)
            #expect(try await a.event("call.participant.joined", on: topic)["userId"] as? String == bob.id)

            // About 12 KB: over NOTIFY's limit, so it crosses by reference.
            let sdp = String(repeating: "a=candidate:1 1 udp 2122260223 10.0.0.2 54321 typ host\r\n", count: 220)
            try await b.ack("call.signal", topic: topic, payload: ["to": alice.id, "kind": "offer", "data": ["type": "offer", "sdp": sdp]])
            let offer = try await a.event("call.signal", on: "user:\(alice.id)")
            #expect(offer["from"] as? String == bob.id && (offer["data"] as? [String: Any])?["sdp"] as? String == sdp)
            try await a.ack("call.signal", topic: topic, payload: ["to": bob.id, "kind": "answer", "data": ["type": "answer", "sdp": "v=0\r\n"]])
            #expect(try await b.event("call.signal", on: "user:\(bob.id)")["kind"] as? String == "answer")
        }
    }

    @Test("a member's value is found byte for byte, whatever surrounds it")
    func jsonMember() {
        let text = #"{"type":"call.signal","payload":{"to":"x","da\u0074a2":0,"data": {"a":"}\"]","b":[1,{"c":[]}]} ,"kind":"offer"}}"#
        let data = JSONMember.value(at: ["payload", "data"], in: Data(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
        #expect(data == #"{"a":"}\"]","b":[1,{"c":[]}]}"#)
        #expect(JSONMember.value(at: ["payload", "data2"], in: Data(text.utf8)).map { String(decoding: $0, as: UTF8.self) } == "0")
        #expect(JSONMember.value(at: ["payload", "missing"], in: Data(text.utf8)) == nil)
        #expect(JSONMember.value(at: ["type", "data"], in: Data(text.utf8)) == nil)
        #expect(JSONMember.value(at: ["payload", "to"], in: Data(#"{"payload":{"to":-1.5e3}}"#.utf8)).map { String(decoding: $0, as: UTF8.self) } == "-1.5e3")
    }
}
