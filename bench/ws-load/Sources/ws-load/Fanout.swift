import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// What the senders learn from the server's answers.
final class SendLog: Sendable {
    private struct State {
        var ackedSeqs: [Int64] = []
        var refused = Tally()
        var answered = 0
        var firstSend: UInt64 = .max
        var lastSend: UInt64 = 0
        var ackMicros: [UInt32] = []
    }

    private let state = NIOLockedValueBox(State())

    func sent(at nanos: UInt64) {
        state.withLockedValue {
            $0.firstSend = min($0.firstSend, nanos)
            $0.lastSend = max($0.lastSend, nanos)
        }
    }

    func answered(_ result: Result<Reply, any Error>, sentAt: UInt64) {
        let now = monotonicNanos()
        state.withLockedValue { state in
            state.answered += 1
            switch result {
            case .success(let reply) where reply.ok:
                state.ackMicros.append(UInt32(clamping: (now &- sentAt) / 1000))
                if let seq = reply.messageSeq { state.ackedSeqs.append(seq) } else { state.refused.add("ack without a message seq") }
            case .success(let reply): state.refused.add("error \(reply.status) \(reply.code)")
            case .failure(let error): state.refused.add(describe(error))
            }
        }
    }

    var answeredCount: Int { state.withLockedValue { $0.answered } }
    var ackedSeqs: [Int64] { state.withLockedValue { $0.ackedSeqs } }
    var refused: Tally { state.withLockedValue { $0.refused } }
    var firstSend: UInt64 { state.withLockedValue { $0.firstSend } }
    var lastSend: UInt64 { state.withLockedValue { $0.lastSend } }
    /// Send to ack (the message stored and published), microseconds.
    var ackLatencies: [UInt32] { state.withLockedValue { $0.ackMicros } }
}

/// Sends one bench message: its body carries the sender, its index and the monotonic send time. On the loop.
func sendBenchMessage(_ connection: LoadConnection, room: String, sender: Int, index: Int, log: SendLog) {
    let now = monotonicNanos()
    log.sent(at: now)
    connection.requestOnLoop("message.send", topic: room, payload: "{\"body\":\"bench \(sender) \(index) \(now)\"}")
        .whenComplete { log.answered($0, sentAt: now) }
}

/// `fanout`: M senders into a room of N members; deliveries per second, publish-to-delivery latency, and a
/// check that every member heard every message.
func runFanout(_ arguments: ArraySlice<String>) async throws -> Bool {
    var options = try Options(arguments)
    let endpoint = try Endpoint(try options.string("url"))
    let tokens = try readTokens(try options.string("tokens"))
    let senderTokens = try options.optionalString("sender-tokens").map(readTokens)
    let room = try options.string("room")
    let members = try options.int("members")
    let senders = try options.int("senders", default: 20)
    let messages = try options.int("messages", default: 25)
    let rate = try options.double("rate", default: 10)
    let concurrency = try options.int("concurrency", default: 100)
    let threads = try options.int("threads", default: 1)
    let timeout = try options.double("timeout", default: 30)
    let serverPID = try options.optionalInt("server-pid").map(Int32.init)
    try options.finish()

    guard senders >= 1, senders <= members else { throw UsageError("--senders must be between 1 and --members") }
    if let senderTokens, senderTokens.count < senders {
        throw UsageError("--sender-tokens holds \(senderTokens.count) tokens for \(senders) senders (one user each)")
    }
    if messages > 30 {
        note("warning: the server lets a user send 30 messages, then one every 2 s; --messages \(messages) will be refused past 30")
    }
    if rate > 20 { note("warning: the command budget refills 20 a second; --rate \(rate) will be refused once the burst of 40 is spent") }

    raiseFileLimit(needed: members)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
    let stats = SharedStats()
    // Members 0..<senders are the senders, one user each; the rest take the member tokens in turn.
    @Sendable func token(for index: Int) -> String {
        if let senderTokens { return index < senders ? senderTokens[index] : tokens[(index - senders) % tokens.count] }
        return tokens[index % tokens.count]
    }

    note("fanout: opening \(members) member connections, \(concurrency) at a time")
    let opened = await openMany(members, concurrency: concurrency, label: "signed in") { index in
        try await LoadConnection.signIn(endpoint, token: token(for: index), group: group, stats: stats)
    }
    if opened.failures.total > 0 { note("  sign-in failures: \(opened.failures)") }
    note("  subscribing to \(room)")
    let subscribed = await subscribeAll(opened.connections, topic: room, concurrency: concurrency, recordLatency: true)
    if subscribed.failures.total > 0 { note("  subscribe failures: \(subscribed.failures)") }
    let connections = opened.connections.enumerated().map { subscribed.positions[$0.offset] == nil ? nil : $0.element }
    let memberCount = connections.compactMap { $0 }.count
    let senderConnections = connections.prefix(senders).compactMap { $0 }
    guard senderConnections.count == senders else {
        print("FAIL fanout: only \(senderConnections.count) of \(senders) senders signed in and subscribed")
        return false
    }

    // Pace: each sender sends `rate` a second, the senders staggered evenly within each period.
    let log = SendLog()
    let total = senders * messages
    let interval = 1.0 / rate
    let start = NIODeadline.now() + .milliseconds(200)
    let cpu = CPUWatch(serverPID: serverPID)
    note("  \(memberCount) members subscribed; \(senders) senders × \(messages) messages at \(format(rate, 0))/s each")
    for (sender, connection) in senderConnections.enumerated() {
        connection.eventLoop.execute {
            for index in 0..<messages {
                let offset = (Double(index) + Double(sender) / Double(senders)) * interval
                connection.eventLoop.scheduleTask(deadline: start + .nanoseconds(Int64(offset * 1e9))) {
                    sendBenchMessage(connection, room: room, sender: sender, index: index, log: log)
                }
            }
        }
    }
    let expectedSendSeconds = Double(messages) * interval
    _ = await wait(upTo: expectedSendSeconds + timeout) { log.answeredCount == total }
    let acked = log.ackedSeqs
    let expected = memberCount * acked.count
    let complete = await wait(upTo: timeout) { stats.deliveries.load(ordering: .relaxed) >= expected }
    let cpuSummary = cpu.summary
    if !complete { try await Task.sleep(for: .seconds(1)) }

    // Check every member against every acknowledged message.
    struct MemberResult: Sendable {
        var missing = 0
        var duplicates = 0
        var received = 0
        var closed: String?
        var latencies: [UInt32] = []
    }
    let ackedSet = acked
    let results = await gather(connections) { connection -> MemberResult in
        var result = MemberResult()
        if let tracker = connection.tracker {
            for seq in ackedSet where !tracker.contains(seq) { result.missing += 1 }
            result.duplicates = tracker.duplicates
            result.received = tracker.received
        }
        result.closed = connection.closed.map { "\($0.code) \($0.reason)" }
        result.latencies = connection.takeLatencies()
        return result
    }
    var latencies: [UInt32] = []
    latencies.reserveCapacity(expected)
    var membersMissing = 0
    var missingTotal = 0
    var duplicates = 0
    var closes = Tally()
    for case let result? in results {
        latencies.append(contentsOf: result.latencies)
        if result.missing > 0 { membersMissing += 1 }
        missingTotal += result.missing
        duplicates += result.duplicates
        if let closed = result.closed { closes.add(closed) }
    }
    let delivered = stats.deliveries.load(ordering: .relaxed)
    let firstSend = log.firstSend
    let lastDelivery = stats.lastDeliveryNanos.load(ordering: .relaxed)
    let window = Double(lastDelivery &- firstSend) / 1e9
    let sendWindow = Double(log.lastSend &- firstSend) / 1e9
    let percentiles = Percentiles(&latencies)
    let perSecond = Double(delivered) / max(window, 0.001)
    var ackLatencies = log.ackLatencies
    let acks = Percentiles(&ackLatencies)

    print("")
    print("fanout: \(memberCount) members in \(room), \(senders) senders × \(messages) messages (\(format(rate, 0))/s per sender)")
    print("  sent \(total), acknowledged \(acked.count) over \(format(sendWindow, 2)) s; refused: \(log.refused)")
    print("  delivered \(delivered) of \(expected) message.created frames in \(format(window, 2)) s (first send to last delivery): \(format(perSecond, 0)) deliveries/s")
    print("  publish-to-delivery latency (send written -> frame read, same clock): p50 \(format(percentiles.p50 / 1000, 2)) ms, p99 \(format(percentiles.p99 / 1000, 2)) ms, max \(format(percentiles.max / 1000, 2)) ms (\(percentiles.count) samples)")
    print("  send -> ack (stored, published): p50 \(format(acks.p50 / 1000, 2)) ms, p99 \(format(acks.p99 / 1000, 2)) ms, max \(format(acks.max / 1000, 2)) ms")
    print("  CPU during the sends: \(cpuSummary)")
    if opened.failures.total + subscribed.failures.total > 0 {
        print("  members that did not join: \(opened.failures.total + subscribed.failures.total) (\(opened.failures); \(subscribed.failures))")
    }
    if !closes.counts.isEmpty { print("  members closed by the server: \(closes)") }
    if !stats.errorCounts.isEmpty { print("  error frames: \(stats.errorCounts)") }
    let ok = missingTotal == 0 && acked.count == total && memberCount == members
    if missingTotal > 0 {
        print("FAIL fanout: \(membersMissing) of \(memberCount) members missed \(missingTotal) deliveries in all")
    } else if acked.count != total {
        print("FAIL fanout: only \(acked.count) of \(total) sends were acknowledged (\(log.refused))")
    } else if memberCount != members {
        print("FAIL fanout: only \(memberCount) of \(members) members joined")
    } else {
        print("  count check: every one of the \(memberCount) members received all \(acked.count) messages (\(duplicates) duplicates)")
    }
    print(
        "RESULT fanout members=\(memberCount) senders=\(senders) rate=\(format(rate, 1)) messages=\(acked.count) deliveries=\(delivered) expected=\(expected) deliveries_per_second=\(format(perSecond, 0)) p50_ms=\(format(percentiles.p50 / 1000, 2)) p99_ms=\(format(percentiles.p99 / 1000, 2)) max_ms=\(format(percentiles.max / 1000, 2)) ack_p99_ms=\(format(acks.p99 / 1000, 2)) missing=\(missingTotal) ok=\(ok)"
    )
    for connection in connections.compactMap({ $0 }) { _ = connection.drop() }
    try await Task.sleep(for: .milliseconds(500))
    try await group.shutdownGracefully()
    return ok
}
