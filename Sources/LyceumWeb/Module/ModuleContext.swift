import Logging
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import Synchronization

/// What a module is built from: the platform services, and the public interfaces of modules built before it.
///
/// A module publishes the interfaces others may use (`provide`), and asks for the ones it needs (`require`).
/// Domains thereby depend on each other's protocols in `LyceumContracts`, never on each other's targets.
public final class ModuleContext: Sendable {
    /// The database every module's stores use.
    public let database: any Database
    /// The clock every module reads time from.
    public let clock: WallClock
    /// The application's logger.
    public let logger: Logger
    /// Outgoing email, for the mail job; domains queue `SendMail` jobs instead of calling it.
    public let mailer: any Mailer
    /// Composes emails from the modules' templates in the shared layout.
    public let mail: MailComposer
    /// The durable job queue and event outbox.
    public let jobs: JobQueue
    /// Messages between replicas.
    public let pubSub: any PubSub
    /// Encoded answers shared by anonymous visitors, dropped when content changes.
    public let responseCache: any ResponseCache
    /// Counts requests against budgets (sign-in attempts, API calls).
    public let rateLimiter: any RateLimiter
    /// Panels modules add to each other's pages.
    public let panels: PagePanels
    private let provided = Mutex<[ObjectIdentifier: any Sendable]>([:])

    /// Creates the context.
    public init(
        database: any Database, clock: WallClock, logger: Logger, mailer: any Mailer, mail: MailComposer, jobs: JobQueue,
        pubSub: any PubSub, responseCache: any ResponseCache, rateLimiter: any RateLimiter
    ) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.mailer = mailer
        self.mail = mail
        self.jobs = jobs
        self.pubSub = pubSub
        self.responseCache = responseCache
        self.rateLimiter = rateLimiter
        panels = PagePanels(logger: logger)
    }

    /// Publishes `value` as the implementation of `interface` for modules built later.
    public func provide<Interface>(_ value: Interface, as interface: Interface.Type) where Interface: Sendable {
        provided.withLock { $0[ObjectIdentifier(interface)] = value }
    }

    /// The implementation of `interface` a module built earlier published.
    /// - Throws: `ModuleWiringError` when no module provides it (the module list is out of order).
    public func require<Interface>(_ interface: Interface.Type) throws(ModuleWiringError) -> Interface {
        guard let value = provided.withLock({ $0[ObjectIdentifier(interface)] }) as? Interface else {
            throw ModuleWiringError(interface: String(describing: interface))
        }
        return value
    }
}

/// A module asked for an interface no earlier module provides: a wiring mistake in the module list.
public struct ModuleWiringError: Error, CustomStringConvertible {
    /// The interface that was missing.
    public let interface: String

    public var description: String {
        "No module provides \(interface); list the module that provides it earlier in the module list."
    }
}
