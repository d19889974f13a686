import Hummingbird
import LyceumCore
import LyceumHTTP

/// `GET /api/v1/rooms/{room}/members`: a room's members with their presence, paged.
struct PresenceAPI: Sendable {
    let presence: PresenceService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("rooms/:room/members", use: members)
    }

    @Sendable func members(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        let query = request.uri.queryParameters
        let limit = try ChatRules.pageSize(query.get("limit"))
        let page = try await presence.members(caller, try context.parameters.require("room"), limit: limit, after: query.get("after"))
        return JSONResponse.write(page)
    }
}
