import Foundation
import HTTPTypes
import Hummingbird
import Identity
import LyceumCore
import LyceumHTTP

/// Home, sign-up, sign-in, sign-out and the pages behind email links.
struct AccountPages: Sendable {
    let identity: IdentityService
    let renderer: PageRenderer
    let sessionLifetime: Int

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("", use: home)
        routes.get("signup", use: signUpForm)
        routes.post("signup", use: signUp)
        routes.get("signin", use: signInForm)
        routes.post("signin", use: signIn)
        routes.post("signout", use: signOut)
        routes.get("verify-email", use: verifyEmailForm)
        routes.post("verify-email", use: verifyEmail)
        routes.get("reset-password", use: resetForm)
        routes.post("reset-password", use: requestReset)
        routes.post("reset-password/confirm", use: confirmReset)
        return routes
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        renderer.render("home", title: "Home", viewer: try await viewer(context), context: context)
    }

    @Sendable func signUpForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.principal != nil { return PageRenderer.redirect(to: "/profile") }
        return renderer.render("signup", title: "Sign up", viewer: nil, context: context, values: ["narrow": true])
    }

    @Sendable func signUp(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        do {
            let session = try await identity.registerWeb(
                email: form["email"], password: form["password"], displayName: form["displayName"],
                logger: context.logger
            )
            var response = PageRenderer.redirect(to: "/profile?welcome=1")
            response.setCookie(sessionCookie(session.cookieValue, context: context))
            return response
        } catch let error as AppError where error.status == 422 || error.status == 409 {
            var fields = error.fields
            if error.code == "email_taken" { fields["email"] = "is already registered; sign in instead" }
            return renderer.render(
                "signup", title: "Sign up", viewer: nil, context: context,
                values: [
                    "narrow": true, "fields": fields,
                    "form": ["email": form["email"], "displayName": form["displayName"]],
                    "error": "Please correct the highlighted fields.",
                ],
                status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    @Sendable func signInForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        if context.principal != nil { return PageRenderer.redirect(to: next) }
        return renderer.render("signin", title: "Sign in", viewer: nil, context: context, values: ["narrow": true, "next": next])
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let next = Self.safeNext(form["next"])
        do {
            let session = try await identity.startWebSession(email: form["email"], password: form["password"])
            var response = PageRenderer.redirect(to: next)
            response.setCookie(sessionCookie(session.cookieValue, context: context))
            return response
        } catch let error as AppError where error.status == 401 || error.status == 403 {
            return renderer.render(
                "signin", title: "Sign in", viewer: nil, context: context,
                values: ["narrow": true, "next": next, "form": ["email": form["email"]], "error": error.message],
                status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try await FormData.read(request, context: context)
        if let cookie = request.cookies[WebSessionMiddleware.sessionCookie]?.value {
            try await identity.endWebSession(cookieValue: cookie)
        }
        var response = PageRenderer.redirect(to: "/")
        response.setCookie(
            WebSessionMiddleware.cookie(WebSessionMiddleware.sessionCookie, value: "", maxAge: 0, secure: context.isSecure)
        )
        return response
    }

    @Sendable func verifyEmailForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = request.uri.queryParameters.get("token") ?? ""
        return renderer.render(
            "verify-email", title: "Confirm your email", viewer: try await viewer(context), context: context,
            values: ["narrow": true, "token": token]
        )
    }

    @Sendable func verifyEmail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let viewer = try await viewer(context)
        do {
            _ = try await identity.verifyEmail(token: form["token"])
            return renderer.render(
                "verify-email", title: "Email confirmed", viewer: viewer, context: context,
                values: ["narrow": true, "notice": "Thank you, your email address is confirmed."]
            )
        } catch let error as AppError where error.status == 400 {
            return renderer.render(
                "verify-email", title: "Confirm your email", viewer: viewer, context: context,
                values: ["narrow": true, "error": error.message], status: .badRequest
            )
        }
    }

    @Sendable func resetForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = request.uri.queryParameters.get("token"), !token.isEmpty {
            return renderer.render(
                "reset-confirm", title: "Choose a new password", viewer: nil, context: context,
                values: ["narrow": true, "token": token]
            )
        }
        return renderer.render("reset-request", title: "Reset your password", viewer: nil, context: context, values: ["narrow": true])
    }

    @Sendable func requestReset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try await identity.requestPasswordReset(email: form["email"], logger: context.logger)
        return renderer.render(
            "reset-request", title: "Reset your password", viewer: nil, context: context,
            values: ["narrow": true, "notice": "If an account uses this address, a reset link is on its way."],
            status: .accepted
        )
    }

    @Sendable func confirmReset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        do {
            try await identity.confirmPasswordReset(token: form["token"], newPassword: form["password"])
            return renderer.render(
                "signin", title: "Sign in", viewer: nil, context: context,
                values: ["narrow": true, "next": "/", "notice": "Your password is changed. Sign in with the new one."]
            )
        } catch let error as AppError where error.status == 400 || error.status == 422 {
            return renderer.render(
                "reset-confirm", title: "Choose a new password", viewer: nil, context: context,
                values: ["narrow": true, "token": form["token"], "fields": error.fields, "error": error.message],
                status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    private func viewer(_ context: AppRequestContext) async throws -> User? {
        guard let principal = context.principal else { return nil }
        return try await identity.user(id: principal.userID)
    }

    private func sessionCookie(_ value: String, context: AppRequestContext) -> Cookie {
        WebSessionMiddleware.cookie(
            WebSessionMiddleware.sessionCookie, value: value, maxAge: sessionLifetime, secure: context.isSecure
        )
    }

    /// A same-site path to return to after sign-in; anything else (absolute URLs, `//host`) becomes `/`.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.utf8.count <= 512,
            !next.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" })
        else { return "/" }
        return next
    }
}
