import LyceumContracts
import LyceumCore

/// Who owns which topics and commands: the socket asks it where a `subscribe` or a command goes.
struct RealtimeRouter: Sendable {
    private var topics: [any RealtimeTopics] = []
    private var commands: [String: any RealtimeCommands] = [:]
    /// Whoever follows connections signing in and closing, in the order they were added.
    private(set) var observers: [any RealtimeConnectionObserver] = []

    /// Adds a family of topics; a longer prefix wins over a shorter one.
    mutating func add(topics family: any RealtimeTopics) {
        topics.append(family)
        topics.sort { $0.prefix.utf8.count > $1.prefix.utf8.count }
    }

    /// Adds the handler of a set of commands.
    mutating func add(commands handler: any RealtimeCommands) {
        for type in handler.types { commands[type] = handler }
    }

    /// Adds an observer of connections signing in and closing.
    mutating func add(observer: any RealtimeConnectionObserver) {
        observers.append(observer)
    }

    /// The owner of `topic`, or `nil` when no part of Realtime knows it.
    func owner(of topic: String) -> (any RealtimeTopics)? {
        topics.first { topic.hasPrefix($0.prefix) }
    }

    /// The handler of `type`, or `nil` for an unknown command.
    func handler(of type: String) -> (any RealtimeCommands)? {
        commands[type]
    }

    /// Every family of topics, for the hub's loading of large stored frames.
    var topicFamilies: [any RealtimeTopics] { topics }
}

/// The `user:<id>` topics: a user's own live updates (notifications, rooms they were added to). Every
/// connection is subscribed to its user's topic when it signs in; nobody may subscribe to another's.
struct UserTopics: RealtimeTopics {
    var prefix: String { "user:" }

    /// The topic of `userID`.
    static func topic(of userID: String) -> String { "user:\(userID)" }

    func join(_ principal: Principal, topic: String, since: Int64?) async throws -> TopicJoin {
        guard topic == Self.topic(of: principal.userID) else {
            throw AppError(status: 404, code: "topic_not_found", message: "There is no such topic, or it is not yours.")
        }
        return TopicJoin(position: nil)
    }
}
