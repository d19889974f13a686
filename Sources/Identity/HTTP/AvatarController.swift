import Hummingbird
import LyceumCore
import LyceumHTTP

/// `/api/v1/me/avatar`: the caller's profile picture.
struct AvatarController: Sendable {
    let pictures: ProfilePictures

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.put("avatar", use: set)
        routes.delete("avatar", use: remove)
        return routes
    }

    /// `{"uploadId"}`: one of the caller's ready `avatar` uploads.
    struct AvatarBody: Decodable {
        let uploadId: String
    }

    /// The caller's picture: its upload and the page path that shows it.
    struct AvatarView: Encodable {
        let uploadId: String
        let url: String
    }

    @Sendable func set(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeJSON(AvatarBody.self, context: context)
        let url = try await pictures.set(principal, uploadID: body.uploadId)
        return try JSONResponse.encode(AvatarView(uploadId: body.uploadId, url: url))
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await pictures.remove(try context.requirePrincipal())
        return JSONResponse.noContent()
    }
}
