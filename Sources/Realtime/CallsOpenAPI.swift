/// The OpenAPI 3.1 description of calls: their history and detail, and the socket frames of call signalling.
enum CallsOpenAPI {
    static let fragment = "{}"
}
