/// The OpenAPI fragment of the groups routes.
enum GroupsOpenAPI {
    static let fragment = "{}"
}
