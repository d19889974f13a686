import Hummingbird
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// `GET /users/{id}/avatar`: the address every `<img>` of a user's picture uses (the profile page sets and
/// removes it).
struct AvatarPages: Sendable {
    let pictures: ProfilePictures

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("users/:id/avatar", use: show)
    }

    /// 302 to a short-lived signed link of the user's current picture, which the browser may keep a few
    /// minutes (the address changes with the picture); 404 when they have none. Visitors are sent to sign in.
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: request.uri.path) }
        let url = try await pictures.link(principal, userID: try context.parameters.require("id"))
        return Response(
            status: .found,
            headers: [.location: url, .cacheControl: "private, max-age=\(ProfilePictures.redirectLifetimeSeconds)"]
        )
    }
}
