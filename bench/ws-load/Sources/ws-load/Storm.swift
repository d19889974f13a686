import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// `storm`: N subscribed clients dropped at once, then all reconnecting at once and resuming from their last
/// seq while a sender keeps writing to the room; checks no client misses a seq and reports the recovery time.
func runStorm(_ arguments: ArraySlice<String>) async throws -> Bool {
    var options = try Options(arguments)
    let endpoint = try Endpoint(try options.string("url"))
    let tokens = try readTokens(try options.string("tokens"))
    let room = try options.string("room")
    let clients = try options.int("clients")
    let senders = try options.int("senders", default: 8)
    let senderTokens = try options.optionalString("sender-tokens").map(readTokens) ?? Array(tokens.suffix(senders))
    let rate = try options.double("rate", default: 10)
    let warmup = try options.double("warmup", default: 2)
    let tail = try options.double("tail", default: 3)
    let concurrency = try options.int("concurrency", default: 100)
    let reconnectConcurrency = try options.int("reconnect-concurrency", default: 0)
    let threads = try options.int("threads", default: 1)
    let timeout = try options.double("timeout", default: 60)
    let serverPID = try options.optionalInt("server-pid").map(Int32.init)
    try options.finish()
    guard senderTokens.count >= senders else { throw UsageError("\(senders) senders need as many tokens (one user each)") }

    raiseFileLimit(needed: clients * 2 + senders)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
    let stats = SharedStats()

    note("storm: opening \(clients) clients and \(senders) senders")
    let opened = await openMany(clients, concurrency: concurrency, label: "signed in") { index in
        try await LoadConnection.signIn(endpoint, token: tokens[index % tokens.count], group: group, stats: stats)
    }
    let subscribed = await subscribeAll(opened.connections, topic: room, concurrency: concurrency, recordLatency: false)
    let first = opened.connections.enumerated().map { subscribed.positions[$0.offset] == nil ? nil : $0.element }
    let joined = first.compactMap { $0 }.count
    let senderSockets = await openMany(senders, concurrency: senders, label: "senders") { index in
        try await LoadConnection.signIn(endpoint, token: senderTokens[index], group: group, stats: stats)
    }.connections.compactMap { $0 }
    guard joined == clients, senderSockets.count == senders else {
        print("FAIL storm: \(joined) of \(clients) clients and \(senderSockets.count) of \(senders) senders joined (\(opened.failures); \(subscribed.failures))")
        return false
    }

    // The sender: `rate` messages a second in all, taking the sender users in turn (each user may send 30
    // at once, then one every 2 s; a refusal is counted and the next user sends the next message).
    let log = SendLog()
    let sent = NIOLockedValueBox(0)
    let sendLoop = group.next()
    let sending = sendLoop.scheduleRepeatedTask(initialDelay: .zero, delay: .nanoseconds(Int64(1e9 / rate))) { _ in
        let index = sent.withLockedValue { value in
            value += 1
            return value - 1
        }
        let connection = senderSockets[index % senders]
        connection.eventLoop.execute { sendBenchMessage(connection, room: room, sender: index % senders, index: index, log: log) }
    }
    note("  \(joined) clients subscribed; sending \(format(rate, 0)) messages/s; dropping every client in \(format(warmup, 0)) s")
    try await Task.sleep(for: .seconds(warmup))

    // Drop everyone at once (TCP closed without a WebSocket close frame), then reconnect everyone at once.
    let cpu = CPUWatch(serverPID: serverPID)
    let overflowsBefore = listenOverflows()
    let dropped = monotonicNanos()
    let closing = first.compactMap { $0 }.map { $0.drop() }
    for future in closing { _ = try? await future.get() }
    let trackers = await gather(first) { $0.tracker }
    let dropSeconds = seconds(since: dropped)
    note("  dropped \(joined) clients in \(format(dropSeconds, 2)) s; reconnecting \(reconnectConcurrency == 0 ? "all at once" : "\(reconnectConcurrency) at a time")")

    struct Resumed: Sendable {
        var welcomed: UInt64 = 0
        var acked: UInt64 = 0
        var recovered = true
        var since: Int64 = 0
        var position: Int64 = 0
    }
    let resumed = NIOLockedValueBox([Resumed](repeating: Resumed(), count: clients))
    let second = await openMany(clients, concurrency: reconnectConcurrency == 0 ? clients : reconnectConcurrency, label: "resumed") { index in
        guard let tracker = trackers[index] ?? nil else { throw LoadError.lost }
        let connection = try await LoadConnection.signIn(endpoint, token: tokens[index % tokens.count], group: group, stats: stats)
        let welcomed = monotonicNanos()
        let resumeFrom = try await connection.eventLoop.submit { tracker.contiguous }.get()
        let reply = try await connection.eventLoop.flatSubmit {
            connection.listening = Listening(topic: room, recordLatency: false)
            connection.tracker = tracker
            return connection.requestOnLoop("subscribe", topic: room, payload: "{\"since\":\(resumeFrom)}").map { reply in
                if reply.ok, let position = reply.position { connection.expectCatchUp(to: position) }
                return reply
            }
        }.get()
        guard reply.ok else { throw LoadError.refused(reply) }
        let acked = monotonicNanos()
        resumed.withLockedValue {
            $0[index] = Resumed(welcomed: welcomed, acked: acked, recovered: reply.recovered ?? false, since: resumeFrom, position: reply.position ?? 0)
        }
        return connection
    }
    let reconnected = second.connections.compactMap { $0 }.count
    _ = await wait(upTo: timeout) {
        await gather(second.connections) { $0.caughtUpNanos != nil }.allSatisfy { $0 ?? true }
    }
    let caughtUp = await gather(second.connections) { $0.caughtUpNanos }
    let recoveredAt = monotonicNanos()
    let cpuSummary = cpu.summary
    let overflows = difference(overflowsBefore, listenOverflows())

    // Keep sending a little, stop, and wait for the last messages to reach everyone.
    try await Task.sleep(for: .seconds(tail))
    let stopped = sendLoop.makePromise(of: Void.self)
    sending.cancel(promise: stopped)
    try await stopped.futureResult.get()
    let issued = sent.withLockedValue { $0 }
    _ = await wait(upTo: timeout) { log.answeredCount == issued }
    let final = log.ackedSeqs.max() ?? 0
    _ = await wait(upTo: timeout) {
        await gather(second.connections) { ($0.tracker?.contiguous ?? final) >= final }.allSatisfy { $0 ?? true }
    }

    // The gap check: every seq from where each client started to the last message sent.
    let checks = await gather(second.connections) { connection -> (missing: Int, duplicates: Int, closed: String?) in
        (connection.tracker?.missing(through: final) ?? -1, connection.tracker?.duplicates ?? 0, connection.closed.map { "\($0.code) \($0.reason)" })
    }
    var clientsWithGaps = 0
    var missing = 0
    var duplicates = 0
    var closes = Tally()
    for case let check? in checks {
        if check.missing != 0 { clientsWithGaps += 1 }
        missing += max(0, check.missing)
        duplicates += check.duplicates
        if let closed = check.closed { closes.add(closed) }
    }
    let times = resumed.withLockedValue { $0 }
    var welcomeMillis: [UInt32] = []
    var ackMillis: [UInt32] = []
    var recoveryMillis: [UInt32] = []
    var notRecovered = 0
    for index in 0..<clients where second.connections[index] != nil {
        let time = times[index]
        welcomeMillis.append(UInt32((time.welcomed &- dropped) / 1_000_000))
        ackMillis.append(UInt32((time.acked &- dropped) / 1_000_000))
        if let done = caughtUp[index] ?? nil { recoveryMillis.append(UInt32((done &- dropped) / 1_000_000)) }
        if !time.recovered { notRecovered += 1 }
    }
    let welcome = Percentiles(&welcomeMillis)
    let ack = Percentiles(&ackMillis)
    let recovery = Percentiles(&recoveryMillis)
    let base = trackers.compactMap { $0 ?? nil }.map(\.base).min() ?? 0
    let replayed = (0..<clients).filter { second.connections[$0] != nil }.map { max(0, times[$0].position - times[$0].since) }

    print("")
    print("storm: \(clients) clients in \(room) dropped at once and resumed at once (\(reconnectConcurrency == 0 ? "no cap" : "\(reconnectConcurrency) at a time")), \(format(rate, 0)) messages/s throughout")
    print("  reconnected \(reconnected) of \(clients); failures: \(second.failures); listen queue overflows (SYNs dropped, retried after 1 s+): \(overflows.map(String.init) ?? "n/a")")
    print("  after the drop (ms): welcome p50 \(format(welcome.p50, 0)) / p99 \(format(welcome.p99, 0)) / max \(format(welcome.max, 0)); subscribe ack p50 \(format(ack.p50, 0)) / p99 \(format(ack.p99, 0)) / max \(format(ack.max, 0))")
    print("  caught up (every seq up to the ack's position seen) p50 \(format(recovery.p50, 0)) / p99 \(format(recovery.p99, 0)) / max \(format(recovery.max, 0)) ms; \(recovery.count) of \(reconnected) caught up; recovered:false \(notRecovered)")
    print("  CPU from the drop to recovery: \(cpuSummary) (\(format(Double(recoveredAt &- dropped) / 1e9, 2)) s)")
    print("  missed while away and replayed on resume: \(replayed.min() ?? 0) to \(replayed.max() ?? 0) events per client (since -> ack position)")
    print("  messages: \(issued) sent, \(log.ackedSeqs.count) acknowledged, seq \(base + 1)...\(final); refused: \(log.refused)")
    if !closes.counts.isEmpty { print("  clients closed by the server: \(closes)") }
    if !stats.errorCounts.isEmpty { print("  error frames: \(stats.errorCounts)") }
    let ok = reconnected == clients && missing == 0 && notRecovered == 0 && recovery.count == reconnected
    if missing > 0 {
        print("FAIL storm: \(clientsWithGaps) clients missed \(missing) seqs in all")
    } else if !ok {
        print("FAIL storm: not every client came back and caught up")
    } else {
        print("  gap check: all \(reconnected) clients saw every seq from their start to \(final) (\(duplicates) duplicates ignored)")
    }
    print(
        "RESULT storm clients=\(clients) reconnected=\(reconnected) recovery_p50_ms=\(format(recovery.p50, 0)) recovery_p99_ms=\(format(recovery.p99, 0)) recovery_max_ms=\(format(recovery.max, 0)) welcome_max_ms=\(format(welcome.max, 0)) listen_overflows=\(overflows ?? -1) missing=\(missing) not_recovered=\(notRecovered) messages=\(log.ackedSeqs.count) ok=\(ok)"
    )
    for connection in second.connections.compactMap({ $0 }) + senderSockets { _ = connection.drop() }
    try await Task.sleep(for: .milliseconds(500))
    try await group.shutdownGracefully()
    return ok
}
