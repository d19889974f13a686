import Foundation
import NIOCore
import NIOPosix

/// Raises this process's open-file limit to its hard limit (the script raises the hard limit with `ulimit -n`).
func raiseFileLimit(needed: Int) {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    if limit.rlim_cur < limit.rlim_max {
        limit.rlim_cur = limit.rlim_max
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
    if Int(limit.rlim_cur) < needed + 64 {
        note("warning: the open-file limit is \(limit.rlim_cur), below the \(needed) connections asked for; run `ulimit -n 65536` first")
    }
}

/// A process's resident memory from /proc/PID/status, in KiB: VmRSS and its anonymous part.
struct Resident {
    let rssKB: Int
    let anonKB: Int

    init(pid: Int32) throws {
        let text = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        func field(_ name: String) -> Int {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
        }
        rssKB = field("VmRSS")
        anonKB = field("RssAnon")
    }
}

/// CPU seconds (user + system) a process has used, from /proc/PID/stat.
func cpuSeconds(pid: Int32) -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = text.lastIndex(of: ")")
    else { return nil }
    let fields = text[text.index(after: close)...].split(separator: " ")
    // After the command: state is field 3, utime 14 and stime 15 (1-based over the whole line).
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// This process's CPU seconds.
func ownCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
        + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Measures CPU used by the server and by this tool over a phase.
struct CPUWatch {
    let serverPID: Int32?
    private let start = monotonicNanos()
    private let serverStart: Double?
    private let ownStart = ownCPUSeconds()

    init(serverPID: Int32?) {
        self.serverPID = serverPID
        serverStart = serverPID.flatMap(cpuSeconds(pid:))
    }

    /// "server 1.62 cores, ws-load 0.41 cores over 3.2 s"
    var summary: String {
        let wall = seconds(since: start)
        var parts: [String] = []
        if let serverPID, let serverStart, let now = cpuSeconds(pid: serverPID) {
            parts.append("server \(format((now - serverStart) / wall, 2)) cores")
        }
        parts.append("ws-load \(format((ownCPUSeconds() - ownStart) / wall, 2)) cores")
        return parts.joined(separator: ", ") + " over \(format(wall)) s"
    }
}

/// The kernel's count of connections dropped because a listen queue was full (this network namespace, every
/// listener): a connect that overflows the server's accept backlog waits for a SYN retransmission (1 s, 3 s, …).
func listenOverflows() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/net/netstat", encoding: .utf8) else { return nil }
    let lines = text.split(separator: "\n").filter { $0.hasPrefix("TcpExt:") }
    guard lines.count >= 2 else { return nil }
    let names = lines[0].split(separator: " ")
    let values = lines[1].split(separator: " ")
    guard let index = names.firstIndex(of: "ListenOverflows"), index < values.count else { return nil }
    return Int(values[index])
}

func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Opens `count` connections, at most `concurrency` handshakes (connect, upgrade, auth, welcome) at a time, so
/// the server's accept queue is not flooded. `make(i)` opens and signs in connection `i`.
func openMany(
    _ count: Int, concurrency: Int, label: String,
    make: @escaping @Sendable (Int) async throws -> LoadConnection
) async -> (connections: [LoadConnection?], failures: Tally, seconds: Double) {
    let start = monotonicNanos()
    var connections = [LoadConnection?](repeating: nil, count: count)
    var failures = Tally()
    var done = 0
    var nextReport = max(1000, count / 5)
    await withTaskGroup(of: Opened.self) { group in
        var next = 0
        func record(_ outcome: Opened) {
            if let connection = outcome.connection { connections[outcome.index] = connection }
            if let error = outcome.error { failures.add(error) }
            done += 1
            if done >= nextReport, done < count {
                note("  \(label): \(done)/\(count) after \(format(seconds(since: start))) s")
                nextReport += max(1000, count / 5)
            }
        }
        while next < count {
            if next >= max(1, concurrency), let outcome = await group.next() { record(outcome) }
            let index = next
            next += 1
            group.addTask {
                do {
                    return Opened(index: index, connection: try await make(index), error: nil)
                } catch {
                    return Opened(index: index, connection: nil, error: describe(error))
                }
            }
        }
        for await outcome in group { record(outcome) }
    }
    return (connections, failures, seconds(since: start))
}

/// One connection attempt's outcome.
private struct Opened: Sendable {
    let index: Int
    let connection: LoadConnection?
    let error: String?
}

/// One subscribe's outcome.
private struct Subscribed: Sendable {
    let index: Int
    let reply: Reply?
    let error: String?
}

func describe(_ error: any Error) -> String {
    if let error = error as? LoadError { return error.description }
    if let error = error as? IOError { return "I/O error: \(error.description)" }
    return String(describing: error)
}

/// Waits until `condition` holds, checking every 50 ms; `false` when `timeout` passes first.
func wait(upTo timeout: Double, until condition: () async -> Bool) async -> Bool {
    let start = monotonicNanos()
    while seconds(since: start) < timeout {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return await condition()
}

/// Runs `body` on every connection's event loop and collects the results (nil for closed slots).
func gather<T: Sendable>(_ connections: [LoadConnection?], _ body: @escaping @Sendable (LoadConnection) -> T) async -> [T?] {
    var results: [T?] = []
    results.reserveCapacity(connections.count)
    for connection in connections {
        if let connection {
            results.append(try? await connection.snapshot(body))
        } else {
            results.append(nil)
        }
    }
    return results
}

/// Subscribes every connection to `topic` (at most `concurrency` in flight), returning each ack's position.
func subscribeAll(
    _ connections: [LoadConnection?], topic: String, concurrency: Int, recordLatency: Bool
) async -> (positions: [Int64?], failures: Tally) {
    var positions = [Int64?](repeating: nil, count: connections.count)
    var failures = Tally()
    let indices = connections.indices.filter { connections[$0] != nil }
    await withTaskGroup(of: Subscribed.self) { group in
        var started = 0
        var finished = 0
        func record(_ outcome: Subscribed) {
            finished += 1
            if let reply = outcome.reply {
                if reply.ok {
                    positions[outcome.index] = reply.position
                } else {
                    failures.add("error \(reply.status) \(reply.code): \(reply.message)")
                }
            }
            if let error = outcome.error { failures.add(error) }
        }
        for index in indices {
            if started - finished >= max(1, concurrency), let outcome = await group.next() { record(outcome) }
            started += 1
            let connection = connections[index]!
            group.addTask {
                do {
                    let reply = try await connection.eventLoop.flatSubmit {
                        connection.listening = Listening(topic: topic, recordLatency: recordLatency)
                        return connection.requestOnLoop("subscribe", topic: topic, payload: nil).map { reply in
                            // On the loop, before any event behind the ack is read.
                            if reply.ok, let position = reply.position { connection.tracker = SeqTracker(base: position) }
                            return reply
                        }
                    }.get()
                    return Subscribed(index: index, reply: reply, error: nil)
                } catch {
                    return Subscribed(index: index, reply: nil, error: describe(error))
                }
            }
        }
        for await outcome in group { record(outcome) }
    }
    return (positions, failures)
}

/// `after - before` when both are known.
func difference(_ before: Int?, _ after: Int?) -> Int? {
    guard let before, let after else { return nil }
    return after - before
}
