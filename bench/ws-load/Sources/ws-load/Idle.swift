import Foundation
import NIOCore
import NIOPosix

/// `idle`: N authenticated connections held open; the server's resident memory per connection.
func runIdle(_ arguments: ArraySlice<String>) async throws -> Bool {
    var options = try Options(arguments, flags: ["echo"])
    let endpoint = try Endpoint(try options.string("url"))
    let echo = options.flag("echo")
    let tokens = echo ? ["echo"] : try readTokens(try options.string("tokens"))
    let count = try options.int("connections")
    let pid = Int32(try options.int("server-pid"))
    let concurrency = try options.int("concurrency", default: 100)
    let settle = try options.double("settle", default: 5)
    let threads = try options.int("threads", default: 1)
    let label = try options.string("label", default: echo ? "echo-server" : "lyceum")
    try options.finish()

    raiseFileLimit(needed: count)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
    let stats = SharedStats()

    let before = try Resident(pid: pid)
    note("idle (\(label)): server RSS \(before.rssKB) KiB before; opening \(count) connections, \(concurrency) at a time")
    let cpu = CPUWatch(serverPID: pid)
    let overflowsBefore = listenOverflows()
    let opened = await openMany(count, concurrency: concurrency, label: "signed in") { index in
        try await LoadConnection.signIn(endpoint, token: tokens[index % tokens.count], group: group, stats: stats, echoMode: echo)
    }
    let alive = opened.connections.compactMap { $0 }
    let overflows = difference(overflowsBefore, listenOverflows())
    note("  \(alive.count) signed in, \(opened.failures.total) failed in \(format(opened.seconds)) s (\(cpu.summary))")
    if opened.failures.total > 0 { note("  failures: \(opened.failures)") }

    try await Task.sleep(for: .seconds(settle))
    // Everything the server sent since (closes for idle or revalidation) shows here.
    let stillOpen = await gather(opened.connections) { $0.closed == nil && $0.channel?.isActive == true }.filter { $0 == true }.count
    let after = try Resident(pid: pid)
    let perConnection = Double(after.rssKB - before.rssKB) / Double(max(1, stillOpen))
    let anonPerConnection = Double(after.anonKB - before.anonKB) / Double(max(1, stillOpen))

    // Close them all and see how much the server gives back.
    for connection in alive { _ = connection.drop() }
    try await Task.sleep(for: .seconds(settle))
    let released = try Resident(pid: pid)

    print("")
    print("idle, \(label): \(stillOpen) of \(count) connections signed in and idle for \(format(settle, 0)) s")
    print("  server RSS \(before.rssKB) KiB -> \(after.rssKB) KiB (anonymous \(before.anonKB) -> \(after.anonKB)); \(format(perConnection, 2)) KiB per connection (anonymous \(format(anonPerConnection, 2)))")
    print("  opened in \(format(opened.seconds)) s (\(format(Double(alive.count) / max(opened.seconds, 0.001), 0))/s, \(concurrency) at a time); failures: \(opened.failures); listen queue overflows: \(overflows.map(String.init) ?? "n/a")")
    print("  after closing all: RSS \(released.rssKB) KiB (\(format(Double(released.rssKB - before.rssKB) / 1024, 1)) MiB above the start)")
    if !stats.closeCounts.isEmpty { print("  closes from the server: \(stats.closeCounts)") }
    print(
        "RESULT idle label=\(label) connections=\(count) open=\(stillOpen) failed=\(opened.failures.total) kb_per_connection=\(format(perConnection, 2)) anon_kb_per_connection=\(format(anonPerConnection, 2)) rss_before_kb=\(before.rssKB) rss_after_kb=\(after.rssKB) rss_released_kb=\(released.rssKB) open_seconds=\(format(opened.seconds, 2))"
    )
    try await group.shutdownGracefully()
    return stillOpen == count
}
