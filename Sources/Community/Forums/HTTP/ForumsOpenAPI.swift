/// The OpenAPI fragment of the forums routes.
enum ForumsOpenAPI {
    static let fragment = "{}"
}
