import Foundation
import Hummingbird
import LyceumCore
import LyceumHTTP

/// An announcement as the API shows it (`Announcement` in the OpenAPI fragment); the Markdown source only for staff.
struct AnnouncementJSON: Codable {
    let id: String
    let courseId: String
    let authorId: String
    let authorName: String
    let title: String
    @ExplicitNull var body: String?
    let bodyHtml: String
    let pinned: Bool
    let scheduled: Bool
    let publishAt: Date
    let createdAt: Date
    let updatedAt: Date

    init(_ view: AnnouncementView) {
        let announcement = view.announcement
        id = announcement.id
        courseId = announcement.courseID
        authorId = announcement.authorID
        authorName = view.authorName
        title = announcement.title
        body = view.canEdit ? announcement.body : nil
        bodyHtml = view.bodyHTML
        pinned = announcement.isPinned
        scheduled = view.isScheduled
        publishAt = announcement.publishAt
        createdAt = announcement.createdAt
        updatedAt = announcement.updatedAt
    }
}

/// The announcements JSON routes.
struct AnnouncementsAPI: Sendable {
    let community: CommunityService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("courses/:course/announcements", use: list)
        api.post("courses/:course/announcements", use: create)
        api.get("announcements/:announcement", use: show)
        api.patch("announcements/:announcement", use: update)
        api.delete("announcements/:announcement", use: delete)
    }

    struct ItemsJSON: Codable {
        let items: [AnnouncementJSON]
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let limit = try PageLimit.parse(request.uri.queryParameters.get("limit"))
        let (_, views) = try await community.courseAnnouncements(context.principal, courseID: try context.parameters.require("course"), limit: limit)
        return try JSONResponse.encode(ItemsJSON(items: views.map(AnnouncementJSON.init)))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        let input = try await request.decodeJSON(AnnouncementInput.self, context: context)
        let view = try await community.createAnnouncement(context.principal, courseID: try context.parameters.require("course"), input: input)
        return try JSONResponse.encode(["announcement": AnnouncementJSON(view)], status: .created)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let view = try await community.announcement(context.principal, try context.parameters.require("announcement"))
        return try JSONResponse.encode(["announcement": AnnouncementJSON(view)])
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        let input = try await request.decodeJSON(AnnouncementInput.self, context: context)
        let view = try await community.updateAnnouncement(context.principal, try context.parameters.require("announcement"), input: input)
        return try JSONResponse.encode(["announcement": AnnouncementJSON(view)])
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await community.deleteAnnouncement(context.principal, try context.parameters.require("announcement"))
        return JSONResponse.noContent()
    }
}
