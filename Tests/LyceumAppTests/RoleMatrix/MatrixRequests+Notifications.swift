import HTTPTypes

/// The bodies the matrix sends to the Notifications API routes: ones a signed-in caller may send.
extension MatrixRequests {
    static func notificationsAPIBody(_ route: ServedRoute) -> [String: any Sendable]? {
        switch (route.method, route.path) {
        case (.post, "/api/v1/me/notifications/read"): ["all": true]
        case (.put, "/api/v1/me/notifications/preferences"): ["preferences": [["kind": "reply", "inApp": true] as [String: any Sendable]]]
        default: nil
        }
    }
}
