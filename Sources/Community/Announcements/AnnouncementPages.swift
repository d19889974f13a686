import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The announcements pages: the course's announcements with the staff's form to write one, the edit form and
/// the delete confirmation; and the panels on the course page and the dashboard.
struct AnnouncementPages: Sendable {
    let community: CommunityService
    let renderer: PageRenderer
    let panels: PagePanels

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        AnnouncementPanels.register(in: panels, community: community)
        pages.get("courses/:course/announcements", use: list)
        pages.post("courses/:course/announcements", use: create)
        pages.get("courses/:course/announcements/:announcement", use: edit)
        pages.post("courses/:course/announcements/:announcement", use: save)
        pages.get("courses/:course/announcements/:announcement/delete", use: confirmDelete)
        pages.post("courses/:course/announcements/:announcement/delete", use: delete)
    }

    /// One announcement in a list.
    struct Item: Sendable {
        let id: String
        let title: String
        let bodyHtml: String
        let authorName: String
        let publishAt: String
        let pinned: Bool
        let scheduled: Bool
        let canEdit: Bool
    }

    /// The form's values.
    struct Form: Sendable {
        let title: String
        let body: String
        let pinned: Bool
        let publishAt: String
    }

    /// The list page; `fields` holds the problems of a refused form, by form field.
    struct ListContent: Sendable {
        let courseSlug: String
        let courseTitle: String
        let items: [Item]
        let canWrite: Bool
        let form: Form
        let fields: [String: String]
    }

    /// The edit page; `fields` holds the problems of a refused form, by form field.
    struct EditContent: Sendable {
        let courseSlug: String
        let courseTitle: String
        let id: String
        let form: Form
        let fields: [String: String]
    }

    private func path(_ context: AppRequestContext) throws -> String { "/courses/\(try context.parameters.require("course"))/announcements" }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: try path(context)) }
        return try await listPage(context: context, form: Form(title: "", body: "", pinned: false, publishAt: ""))
    }

    private func listPage(
        context: AppRequestContext, form: Form, fields: [String: String] = [:], error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (course, views) = try await community.courseAnnouncements(
            context.principal, courseID: try context.parameters.require("course"), limit: PageLimit.maximum
        )
        let canWrite = try await community.courses.standing(of: try context.requirePrincipal(), inCourse: course.id) == .staff
        let content = ListContent(
            courseSlug: course.slug, courseTitle: course.title, items: views.map(item), canWrite: canWrite, form: form, fields: fields
        )
        let page = Page("course-announcements", title: "Announcements · \(course.title)", content: content, error: error)
        return try renderer.render(page, context: context, status: status)
    }

    private func item(_ view: AnnouncementView) -> Item {
        Item(
            id: view.announcement.id, title: view.announcement.title, bodyHtml: view.bodyHTML, authorName: view.authorName,
            publishAt: view.announcement.publishAt.formatted(date: .abbreviated, time: .shortened), pinned: view.announcement.isPinned,
            scheduled: view.isScheduled, canEdit: view.canEdit
        )
    }

    /// The submitted form as service input; the publish time is read as UTC `YYYY-MM-DDTHH:MM` (a `datetime-local` field).
    private func input(_ form: FormData) throws(AppError) -> AnnouncementInput {
        var publishAt: Date?
        if let text = form.nonEmpty("publishAt") {
            let parser = DateFormatter()
            parser.locale = Locale(identifier: "en_US_POSIX")
            parser.timeZone = TimeZone(identifier: "UTC")
            parser.dateFormat = "yyyy-MM-dd'T'HH:mm"
            guard let date = parser.date(from: String(text.prefix(16))) else {
                throw AppError.validation(["publishAt": "Give the time as YYYY-MM-DDTHH:MM (UTC)."])
            }
            publishAt = date
        }
        return AnnouncementInput(title: form["title"], body: form["body"], pinned: form["pinned"] == "true", publishAt: publishAt)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        do {
            _ = try await community.createAnnouncement(context.principal, courseID: try context.parameters.require("course"), input: try input(form))
        } catch let error as AppError where error.status == 422 {
            return try await listPage(
                context: context, form: Self.typed(form), fields: error.fields, error: "The announcement was not posted; see the fields marked below.",
                status: .unprocessableContent
            )
        }
        return PageRenderer.redirect(to: try path(context))
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: request.uri.path) }
        return try await editPage(context: context)
    }

    /// The edit page with the `typed` form, or the stored announcement when there is none.
    private func editPage(
        context: AppRequestContext, typed: Form? = nil, fields: [String: String] = [:], error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let view = try await community.announcement(context.principal, try context.parameters.require("announcement"))
        guard view.canEdit else { throw AppError.forbidden("Only the course's staff edit its announcements.") }
        let announcement = view.announcement
        let stored = Form(
            title: announcement.title, body: announcement.body, pinned: announcement.isPinned,
            publishAt: view.isScheduled ? Self.local(announcement.publishAt) : ""
        )
        let content = EditContent(
            courseSlug: view.courseSlug, courseTitle: view.courseTitle, id: announcement.id, form: typed ?? stored, fields: fields
        )
        let page = Page("announcement-edit", title: "Edit announcement", content: content, narrow: true, error: error)
        return try renderer.render(page, context: context, status: status)
    }

    /// Saves the changes; a refused form comes back (422) with what was typed and why.
    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        do {
            let view = try await community.updateAnnouncement(context.principal, try context.parameters.require("announcement"), input: try input(form))
            return PageRenderer.redirect(to: "/courses/\(view.courseSlug)/announcements")
        } catch let error as AppError where error.status == 422 {
            return try await editPage(
                context: context, typed: Self.typed(form), fields: error.fields, error: "The announcement was not saved; see the fields marked below.",
                status: .unprocessableContent
            )
        }
    }

    /// The form's values as typed.
    private static func typed(_ form: FormData) -> Form {
        Form(title: form["title"], body: form["body"], pinned: form["pinned"] == "true", publishAt: form["publishAt"])
    }

    @Sendable func confirmDelete(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: request.uri.path) }
        let view = try await community.announcement(context.principal, try context.parameters.require("announcement"))
        guard view.canEdit else { throw AppError.forbidden("Only the course's staff delete its announcements.") }
        let content = EditContent(
            courseSlug: view.courseSlug, courseTitle: view.courseTitle, id: view.announcement.id,
            form: Form(title: view.announcement.title, body: "", pinned: false, publishAt: ""), fields: [:]
        )
        return try renderer.render(Page("announcement-delete", title: "Delete announcement?", content: content, narrow: true), context: context)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard form["confirm"] == "yes" else { return try await confirmDelete(request, context: context) }
        try await community.deleteAnnouncement(context.principal, try context.parameters.require("announcement"))
        return PageRenderer.redirect(to: try path(context))
    }

    private static func local(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }
}
