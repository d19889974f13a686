/// The OpenAPI fragment of the announcements routes.
enum AnnouncementsOpenAPI {
    static let fragment = "{}"
}
