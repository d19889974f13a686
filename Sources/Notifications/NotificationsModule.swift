import Hummingbird
import LyceumContracts
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// In-app notifications: delivers every `NotificationRequested` (and the Courses events that notify a
/// student) as one notification per recipient, and serves the bell, the list and the preferences.
public struct NotificationsModule: LyceumModule {
    private let context: ModuleContext

    public var name: String { "notifications" }

    /// Builds the module from the platform services.
    public init(context: ModuleContext) {
        self.context = context
    }
}
