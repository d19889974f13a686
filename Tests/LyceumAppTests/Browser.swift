import Foundation
import HTTPTypes
import NIOCore
import Synchronization
import Testing

/// A minimal cookie-keeping browser over the test client, for the server-rendered pages.
final class Browser: Sendable {
    let app: TestApp
    private let cookies = Mutex<[String: String]>([:])

    init(_ app: TestApp) { self.app = app }

    /// A browser signed in as `user` through the sign-in form.
    static func signedIn(_ app: TestApp, as user: APIUser) async throws -> Browser {
        let browser = Browser(app)
        _ = try await browser.get("/signin")
        let signedIn = try await browser.post("/signin", form: ["email": user.email, "password": user.password, "next": "/"])
        try #require(signedIn.status == .seeOther)
        return browser
    }

    /// The value of cookie `name`, if set.
    func cookie(_ name: String) -> String? { cookies.withLock { $0[name] } }

    /// Loads a page.
    func get(_ path: String) async throws -> Reply {
        try await send(.get, path, body: nil)
    }

    /// Submits a form; `csrf: nil` sends the token of the current CSRF cookie, `csrf: ""` sends none.
    func post(_ path: String, form: [String: String], csrf: String? = nil) async throws -> Reply {
        try await post(path, fields: form.map { ($0.key, $0.value) }, csrf: csrf)
    }

    /// Submits a form whose fields may repeat (`attachmentIds` once per file), in the order given.
    func post(_ path: String, fields form: [(String, String)], csrf: String? = nil) async throws -> Reply {
        var fields = form
        let token = csrf ?? cookie("lyceum_csrf") ?? ""
        if !token.isEmpty { fields.append(("_csrf", token)) }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return try await send(.post, path, body: body)
    }

    /// Sends a page script's request, as the upload widget does: the cookies, `Accept: application/json` and
    /// the CSRF token in `X-CSRF-Token` (`csrf: nil` sends the cookie's token, `csrf: ""` sends no header).
    func script(
        _ method: HTTPRequest.Method, _ path: String, contentType: String? = nil, body: ByteBuffer? = nil, csrf: String? = nil
    ) async throws -> Reply {
        var headers: HTTPFields = [.accept: "application/json"]
        let jar = cookies.withLock { $0 }
        if !jar.isEmpty { headers[.cookie] = jar.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let token = csrf ?? cookie("lyceum_csrf") ?? ""
        if !token.isEmpty { headers[HTTPField.Name("X-CSRF-Token")!] = token }
        if let contentType { headers[.contentType] = contentType }
        return try await app.raw(method, path, headers: headers, body: body)
    }

    /// Forgets one cookie (e.g. to simulate a cross-site request without the CSRF cookie).
    func drop(_ name: String) { cookies.withLock { _ = $0.removeValue(forKey: name) } }

    private func send(_ method: HTTPRequest.Method, _ path: String, body: String?) async throws -> Reply {
        var headers: HTTPFields = [.accept: "text/html"]
        let jar = cookies.withLock { $0 }
        if !jar.isEmpty {
            headers[.cookie] = jar.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let reply = try await app.raw(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in reply.headers[values: .setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            cookies.withLock { jar in
                if value.isEmpty || header.contains("Max-Age=0") { jar.removeValue(forKey: name) } else { jar[name] = value }
            }
        }
        return reply
    }
}
