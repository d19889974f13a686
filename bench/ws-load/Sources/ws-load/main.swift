import Foundation

// ws-load: load tests for Lyceum's real-time socket (docs/realtime-protocol.md). See bench/ws-load/README.md.
let usage = """
    usage: ws-load <mode> [options]

      idle    --url ws://127.0.0.1:PORT/api/v1/realtime --tokens FILE --connections N --server-pid PID
              [--concurrency 100] [--settle 5] [--label NAME] [--echo]
      fanout  --url … --tokens FILE --room room:course-… --members N [--senders 20] [--messages 25]
              [--rate 10] [--sender-tokens FILE] [--concurrency 100] [--timeout 30] [--server-pid PID]
      storm   --url … --tokens FILE --room room:course-… --clients N [--senders 8] [--rate 10]
              [--sender-tokens FILE] [--warmup 2] [--tail 3] [--reconnect-concurrency 0] [--timeout 60]
              [--server-pid PID]

    Every mode also takes --threads N: the tool's event loops (default 1, which leaves the server most of a
    2-core machine; a second thread there costs more in contention than it adds).
    Tokens: one access token per line; connections take them in turn. Exit status 1 when a check fails.
    """

let arguments = CommandLine.arguments.dropFirst()
do {
    let ok: Bool
    switch arguments.first {
    case "idle": ok = try await runIdle(arguments.dropFirst())
    case "fanout": ok = try await runFanout(arguments.dropFirst())
    case "storm": ok = try await runStorm(arguments.dropFirst())
    default:
        print(usage)
        exit(arguments.first == "help" || arguments.first == "--help" ? 0 : 2)
    }
    exit(ok ? 0 : 1)
} catch let error as UsageError {
    note("ws-load: \(error)\n\n\(usage)")
    exit(2)
} catch {
    note("ws-load: \(error)")
    exit(1)
}
