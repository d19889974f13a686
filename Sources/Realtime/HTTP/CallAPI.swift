import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP

/// `GET /api/v1/rooms/{room}/calls` (a room's calls, newest first) and `GET /api/v1/calls/{call}`, for the
/// room's members; anyone else gets 404.
struct CallAPI: Sendable {
    let calls: CallService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("rooms/:room/calls", use: history)
        api.get("calls/:call", use: call)
    }

    @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        let query = request.uri.queryParameters
        let limit = try ChatRules.pageSize(query.get("limit"))
        let page = try await calls.history(caller, roomID: try context.parameters.require("room"), before: query.get("before"), limit: limit)
        return JSONResponse.write(page)
    }

    @Sendable func call(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        return JSONResponse.write(CallEnvelope(try await calls.call(caller, callID: try context.parameters.require("call"))))
    }
}
