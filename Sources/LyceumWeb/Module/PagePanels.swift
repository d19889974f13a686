import Logging
import LyceumContracts
import Synchronization

/// A place on another module's page where modules may add a panel of their own.
public enum PanelSlot: String, Sendable, CaseIterable {
    /// The course page, below the enrollment area (`PanelRequest.courseID` is set).
    case coursePage
    /// The signed-in home page.
    case dashboard
    /// A study group's page (`PanelRequest.groupID` is set).
    case groupPage
}

/// What a panel is drawn for.
public struct PanelRequest: Sendable {
    /// The viewer, `nil` for a visitor (whose page may be cached and shared: show nothing personal).
    public let principal: Principal?
    /// The course the page shows, for `coursePage`.
    public let courseID: String?
    /// The course's URL name, for links back to it.
    public let courseSlug: String?
    /// The study group the page shows, for `groupPage`.
    public let groupID: String?

    /// Creates a request.
    public init(principal: Principal?, courseID: String? = nil, courseSlug: String? = nil, groupID: String? = nil) {
        self.principal = principal
        self.courseID = courseID
        self.courseSlug = courseSlug
        self.groupID = groupID
    }
}

/// Lets a module show a panel on a page another module owns (Community's announcements on Courses' course
/// page and dashboard) without either importing the other: the owner renders whatever the slot's providers
/// return, in registration order.
public final class PagePanels: Sendable {
    /// Draws one panel: escaped HTML, or `nil` when there is nothing to show.
    public typealias Provider = @Sendable (PanelRequest) async throws -> String?

    private let providers = Mutex<[PanelSlot: [Provider]]>([:])
    private let logger: Logger

    /// Creates an empty registry; failing panels are logged to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Adds a provider for `slot`; call while the application starts, before requests are served.
    public func add(_ slot: PanelSlot, _ provider: @escaping Provider) {
        providers.withLock { $0[slot, default: []].append(provider) }
    }

    /// The HTML of every panel for `slot`, joined. A panel that fails is logged and left out, so one module's
    /// failure never takes another module's page down.
    public func html(for slot: PanelSlot, _ request: PanelRequest, logger requestLogger: Logger? = nil) async -> String {
        var html = ""
        for provider in providers.withLock({ $0[slot] ?? [] }) {
            do {
                if let panel = try await provider(request) { html += panel }
            } catch {
                (requestLogger ?? logger).error("A panel for \(slot.rawValue) failed: \(error)")
            }
        }
        return html
    }
}
