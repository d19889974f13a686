import Hummingbird
import LyceumContracts
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// Live conversation inside the course: chat rooms, direct messages, presence, live updates and call
/// signalling over one WebSocket (`GET /api/v1/realtime`), fanned out across replicas through `PubSub`.
///
/// - Chat (`ChatService`): course, group and direct rooms, their messages, reactions, read marks and mutes,
///   with REST under `/api/v1/rooms`, the `room:` topics (`chatTopics`) and commands (`chatCommands`) for the
///   socket, and a stored event log per room that resumes replay. Membership is asked of Courses
///   (`CourseDirectory`), Community (`StudyGroupDirectory`) and the room's own members for direct ones; its
///   ends arrive as `StudentUnenrolled` and `GroupMembershipEnded` and end the user's subscriptions.
public struct RealtimeModule: LyceumModule {
    /// The chat service.
    public let chat: ChatService

    public var name: String { "realtime" }
    public var migrations: [Migration] { ChatMigrations.all }
    public var openAPIFragment: String { RealtimeOpenAPI.fragment }

    /// The `room:` topics, for the socket.
    public var chatTopics: any RealtimeTopics { ChatTopics(chat: chat) }
    /// The chat commands, for the socket.
    public var chatCommands: any RealtimeCommands { ChatCommands(chat: chat) }

    /// Builds the module from the platform services.
    public init(context: ModuleContext) throws {
        chat = try ChatService(context: context, publisher: UnwiredPublisher(logger: context.logger))
        context.provide(chat, as: ChatService.self)
    }

    /// Ends socket subscriptions when a course or group membership ends.
    public func registerJobs(_ registry: JobRegistry) {
        ChatEvents.register(in: registry, chat: chat)
    }

    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        ChatAPI(chat: chat).addRoutes(to: api)
    }
}
