/// A file a module serves under `/static/` (a page script), compiled into the binary like the layout's own.
public struct WebAsset: Sendable {
    /// The file name under `/static/`, such as `chat.js`.
    public let name: String
    /// The file's text.
    public let text: String
    /// Its `Content-Type`.
    public let contentType: String
    /// Whether the layout loads it on every page a signed-in viewer sees (a script reacting to live events
    /// anywhere, such as an incoming call); otherwise only pages that ask for it by URL load it.
    public let onEverySignedInPage: Bool

    /// A JavaScript file.
    public static func script(_ name: String, _ text: String, onEverySignedInPage: Bool = false) -> WebAsset {
        WebAsset(name: name, text: text, contentType: "text/javascript; charset=utf-8", onEverySignedInPage: onEverySignedInPage)
    }
}
