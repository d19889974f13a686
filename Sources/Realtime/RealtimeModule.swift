import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import LyceumWeb
import ServiceLifecycle

/// Live conversation inside the course: chat rooms, direct messages, presence, live updates and call
/// signalling over one WebSocket (`GET /api/v1/realtime`, docs/realtime-protocol.md), fanned out across
/// replicas through `PubSub`.
///
/// - Socket: served at the SwiftNIO level (`RealtimeEndpoint`, `RealtimeConnection`), with no task per
///   connection. `RealtimeHub` keeps this replica's connections and delivers every frame published on any
///   replica; the router sends `subscribe` to the owner of the topic's family and commands to their handler.
/// - Chat (`ChatService`): course, group and direct rooms, their messages, reactions, read marks and mutes,
///   with REST under `/api/v1/rooms`, the `room:` topics and commands for the socket, and a stored event log
///   per room that resumes replay. Messages carry files (Media's uploads), which members read through the
///   `chat-attachment` kind of `UploadReadAccessRegistry` and which `UploadDeleted` removes. Membership is asked of Courses (`CourseDirectory`), Community
///   (`StudyGroupDirectory`) and the room's own members for direct ones; its ends arrive as
///   `StudentUnenrolled` and `GroupMembershipEnded` and end the user's subscriptions.
/// - Calls (`CallService`): WebRTC signalling for calls in chat rooms, with the `call:` topics, `call.*`
///   commands, and their history under `/api/v1/rooms/{room}/calls` and `/api/v1/calls`.
/// - `user:` topics carry a user's own live updates (notifications, graded quizzes, direct conversations they
///   were added to); `thread:` and `course:` topics a forum thread's new replies and a course's announcements
///   (`LiveUpdates`), pushed from Community's and Courses' events through the outbox.
/// - Presence (`PresenceService`): online, away or offline per user across replicas, announced on the user's
///   rooms, with member lists under `/api/v1/rooms/{room}/members`.
public struct RealtimeModule: LyceumModule {
    /// The hub, which every part publishes through.
    public let hub: RealtimeHub
    /// The chat service.
    public let chat: ChatService
    /// The call service.
    public let calls: CallService
    private let callLiveness: CallLiveness
    private let presence: PresenceService
    private let endpoint: RealtimeEndpoint
    private let live: LiveUpdates
    private let iceServers: IceServers
    private let clock: WallClock
    private let panels: PagePanels

    public var name: String { "realtime" }
    public var migrations: [Migration] { ChatMigrations.all + CallMigrations.all + PresenceMigrations.all }
    public var openAPIFragments: [String] { [RealtimeOpenAPI.fragment, CallsOpenAPI.fragment, PresenceOpenAPI.fragment] }
    public var backgroundServices: [any Service] { [hub, callLiveness, presence] }
    public var webSocketEndpoints: [any WebSocketEndpoint] { [endpoint] }
    public var templates: [PageTemplate] { RealtimeTemplates.all }
    public var webAssets: [WebAsset] {
        [
            .script("chat.js", ChatScript.text, onEverySignedInPage: true),
            .script("ring.js", RingScript.text, onEverySignedInPage: true),
            .script("updates.js", UpdatesScript.text, onEverySignedInPage: true),
            .script("call.js", CallScript.text),
        ]
    }

    /// Builds the module from the platform services, Identity's authenticator and the membership directories;
    /// the socket's figures go to `metrics`.
    public init(context: ModuleContext, configuration: RealtimeConfiguration, metrics: RealtimeMetrics) throws {
        hub = RealtimeHub(pubSub: context.pubSub, sweepInterval: configuration.sweepInterval, metrics: metrics, logger: context.logger)
        iceServers = configuration.iceServers
        clock = context.clock
        panels = context.panels
        chat = try ChatService(context: context, publisher: hub)
        try context.require(UploadReadAccessRegistry.self).register("chat-attachment", ChatAttachmentAccess(chat: chat))
        let connectionIDs = ConnectionIDs()
        presence = PresenceService(
            replicaID: connectionIDs.replica, chat: chat, publisher: hub, configuration: configuration, database: context.database,
            clock: context.clock, logger: context.logger
        )
        let chatTopics = ChatTopics(chat: chat)
        hub.addStoredFrames(from: chatTopics)
        var router = RealtimeRouter()
        router.add(topics: UserTopics())
        router.add(topics: chatTopics)
        router.add(commands: ChatCommands(chat: chat))
        live = try LiveUpdates(context: context, publisher: hub)
        live.addTopics(to: &router)
        calls = CallService(chat: chat, logger: context.logger)
        let callTopics = CallTopics(calls: calls)
        hub.addStoredFrames(from: callTopics)
        router.add(topics: callTopics)
        router.add(commands: CallCommands(calls: calls))
        callLiveness = CallLiveness(calls: calls, heartbeat: configuration.callHeartbeatInterval, timeout: configuration.callSeatTimeout)
        router.add(observer: callLiveness)
        router.add(commands: PresenceCommands(presence: presence))
        router.add(observer: presence.tracker)
        endpoint = RealtimeEndpoint(
            services: SocketServices(
                hub: hub, router: router, authenticator: try context.require((any CallerAuthenticator).self),
                configuration: configuration, connectionIDs: connectionIDs, logger: context.logger
            )
        )
        context.provide(hub, as: RealtimeHub.self)
        context.provide(chat, as: ChatService.self)
        context.provide(calls, as: CallService.self)
    }

    /// Ends socket subscriptions when a course or group membership ends, pushes other domains' live updates,
    /// and prunes room events no resume can ask for (daily).
    public func registerJobs(_ registry: JobRegistry) {
        ChatEvents.register(in: registry, chat: chat)
        CallEvents.register(in: registry, calls: calls)
        ChatService.registerEventPruning(in: registry, chat: chat)
        live.register(in: registry)
    }

    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("/realtime") { _, _ -> Response in
            throw AppError(status: 426, code: "upgrade_required", message: "This is the real-time WebSocket; open it with a WebSocket handshake.")
        }
        let iceServers = iceServers
        let clock = clock
        api.get("/realtime/ice-servers") { _, context -> Response in
            let principal = try context.requirePrincipal()
            var response = try JSONResponse.encode(iceServers.list(for: principal.userID, at: clock.now()))
            response.headers[.cacheControl] = "private, no-store"
            return response
        }
        ChatAPI(chat: chat).addRoutes(to: api)
        CallAPI(calls: calls).addRoutes(to: api)
        PresenceAPI(presence: presence).addRoutes(to: api)
    }

    /// The messages and call pages, and the chat panels on the course and group pages.
    public func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer) {
        RealtimePages(chat: chat, calls: calls, iceServers: iceServers, clock: clock, renderer: renderer).addRoutes(to: pages)
        ChatPanel.register(in: panels, chat: chat)
    }
}
