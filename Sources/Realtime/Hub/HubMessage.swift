/// What replicas tell each other on the `realtime` pub/sub channel: a frame for a topic's subscribers, a
/// reference to a stored frame too large to travel (PostgreSQL's `NOTIFY` carries under 8,000 bytes), or
/// the end of a user's subscriptions to a topic. Lines separated by `\n`; the frame, last, may hold any text.
enum HubMessage: Equatable {
    case frame(RealtimeFrame)
    case storedFrame(topic: String, seq: Int64)
    case endSubscriptions(userID: String, topic: String, reason: String)

    /// The pub/sub channel.
    static let channel = "realtime"
    /// Frames larger than this travel by reference.
    static let inlineLimit = 7_000

    /// The message's text.
    var encoded: String {
        switch self {
        case .frame(let frame): "F\n\(frame.topic)\n\(frame.seq.map(String.init) ?? "-")\n\(frame.text)"
        case .storedFrame(let topic, let seq): "R\n\(topic)\n\(seq)"
        case .endSubscriptions(let userID, let topic, let reason): "E\n\(userID)\n\(topic)\n\(reason)"
        }
    }

    /// How `frame` travels: inline when small, else by reference when it is stored.
    static func carrying(_ frame: RealtimeFrame) -> HubMessage {
        if frame.text.utf8.count > inlineLimit, let seq = frame.seq { return .storedFrame(topic: frame.topic, seq: seq) }
        return .frame(frame)
    }

    /// Reads a message; `nil` for text this version does not know.
    init?(_ text: String) {
        var lines = text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false)
        guard lines.count >= 3 else { return nil }
        let kind = lines.removeFirst()
        switch kind {
        case "F":
            guard lines.count == 3 else { return nil }
            let seq: Int64? = lines[1] == "-" ? nil : Int64(lines[1])
            guard lines[1] == "-" || seq != nil else { return nil }
            self = .frame(RealtimeFrame(topic: String(lines[0]), seq: seq, text: String(lines[2])))
        case "R":
            guard lines.count == 2, let seq = Int64(lines[1]) else { return nil }
            self = .storedFrame(topic: String(lines[0]), seq: seq)
        case "E":
            guard lines.count == 3 else { return nil }
            self = .endSubscriptions(userID: String(lines[0]), topic: String(lines[1]), reason: String(lines[2]))
        default:
            return nil
        }
    }
}
