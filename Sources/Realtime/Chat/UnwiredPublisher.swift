import Logging

/// The publisher chat uses until the socket hub is wired into `RealtimeModule`: frames are stored in the
/// room's event log (clients get them from history and resumes) and dropped here.
struct UnwiredPublisher: RealtimePublisher {
    let logger: Logger

    func publish(_ frame: RealtimeFrame) async {
        logger.trace("No socket hub to publish to", metadata: ["topic": "\(frame.topic)"])
    }

    func endSubscriptions(userID: String, topic: String, reason: String) async {}
}
