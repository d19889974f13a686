import LyceumContracts
import Hummingbird
import LyceumHTTP
import LyceumPlatform
import ServiceLifecycle

/// A named Mustache template a module contributes to the page renderer.
public struct PageTemplate: Sendable {
    /// The name pages render it by; unique across modules.
    public let name: String
    /// The template text; pages fill the layout's `content` block.
    public let text: String

    /// Creates a template.
    public init(_ name: String, _ text: String) {
        self.name = name
        self.text = text
    }
}

/// Everything the application needs from one domain. `buildApplication` loops over the list of modules,
/// so adding a domain adds one line there and nothing else.
public protocol LyceumModule: Sendable {
    /// A short lowercase name for logs and errors ("identity", "courses").
    var name: String { get }
    /// The module's migrations, numbered inside its own range (see ARCHITECTURE.md).
    var migrations: [Migration] { get }
    /// Its templates, registered with the shared layout.
    var templates: [PageTemplate] { get }
    /// The emails it sends, registered with the shared mail layout (`ModuleContext.mail` composes them).
    var mailTemplates: [MailTemplate] { get }
    /// Its part of the OpenAPI document: JSON with `paths` (relative to `/api/v1`) and `components`.
    var openAPIFragment: String { get }
    /// Its parts of the OpenAPI document, for a module that describes its areas separately; by default
    /// its one `openAPIFragment`. Fragments may not describe the same path or component twice.
    var openAPIFragments: [String] { get }
    /// Long-lived background work, run in the application's service group.
    var backgroundServices: [any Service] { get }
    /// WebSocket endpoints served beside the router, at the SwiftNIO level.
    var webSocketEndpoints: [any WebSocketEndpoint] { get }
    /// Files the module serves under `/static/`, such as its page scripts.
    var webAssets: [WebAsset] { get }

    /// Registers its job handlers, its subscriptions to other modules' events and its recurring jobs.
    /// Called once every module is built, before any request or worker runs.
    func registerJobs(_ registry: JobRegistry)
    /// Adds its JSON API routes to the `/api/v1` group (bearer authentication already applied).
    func addAPIRoutes(to api: RouterGroup<AppRequestContext>)
    /// Adds its browser pages to the pages group (web session, CSRF and security headers already applied).
    func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer)
    /// Adds routes outside `/api/v1` and the pages, with neither authentication nor CSRF checks: links whose
    /// request carries its own authority, such as signed download and upload URLs.
    func addPublicRoutes(to root: RouterGroup<AppRequestContext>)
    /// Adds pages outside the session and CSRF checks, for links that carry their own authority and must
    /// work without signing in (a signed unsubscribe link, which mail clients also `POST` to). They render
    /// in the layout, signed out.
    func addPublicPages(to root: RouterGroup<AppRequestContext>, renderer: PageRenderer)
    /// Adds its part of the demo school, after the modules listed before it.
    func seedDemo(_ school: DemoSchoolSeed) async throws
}

extension LyceumModule {
    /// No migrations.
    public var migrations: [Migration] { [] }
    /// No templates.
    public var templates: [PageTemplate] { [] }
    /// No emails.
    public var mailTemplates: [MailTemplate] { [] }
    /// No API operations.
    public var openAPIFragment: String { "{}" }
    /// The one fragment.
    public var openAPIFragments: [String] { [openAPIFragment] }
    /// No background work.
    public var backgroundServices: [any Service] { [] }
    /// No WebSocket endpoints.
    public var webSocketEndpoints: [any WebSocketEndpoint] { [] }
    public var webAssets: [WebAsset] { [] }
    /// No jobs and no event subscriptions.
    public func registerJobs(_ registry: JobRegistry) {}
    /// No API routes.
    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {}
    /// No pages.
    public func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer) {}
    /// No public routes.
    public func addPublicRoutes(to root: RouterGroup<AppRequestContext>) {}
    /// No public pages.
    public func addPublicPages(to root: RouterGroup<AppRequestContext>, renderer: PageRenderer) {}
    /// Nothing for the demo school.
    public func seedDemo(_ school: DemoSchoolSeed) async throws {}
}
