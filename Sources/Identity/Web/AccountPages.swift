import LyceumContracts
import Foundation
import HTTPTypes
import Hummingbird
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// What the sign-up, sign-in and email-link forms show: the values typed so far and each field's problem.
struct AccountFormContent: Sendable {
    var form: [String: String] = [:]
    var fields: [String: String] = [:]
    var next: String?
    var token: String?
    /// Why a sign-in failed, shown under the password and tied to both fields.
    var failed: String?
}

/// Sign-up, sign-in, sign-out and the pages behind email links.
struct AccountPages: Sendable {
    let identity: IdentityService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("signup", use: signUpForm)
        pages.post("signup", use: signUp)
        pages.get("signin", use: signInForm)
        pages.post("signin", use: signIn)
        pages.post("signout", use: signOut)
        pages.get("verify-email", use: verifyEmailForm)
        pages.post("verify-email", use: verifyEmail)
        pages.get("reset-password", use: resetForm)
        pages.post("reset-password", use: requestReset)
        pages.post("reset-password/confirm", use: confirmReset)
    }

    private func page(
        _ template: String, _ title: String, _ content: AccountFormContent = AccountFormContent(), notice: String? = nil,
        error: String? = nil
    ) -> Page<AccountFormContent> {
        Page(template, title: title, content: content, section: template == "signin" ? .signin : nil, narrow: true, notice: notice, error: error)
    }

    @Sendable func signUpForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.principal != nil { return PageRenderer.redirect(to: "/profile") }
        return try renderer.render(page("signup", "Create your account"), context: context)
    }

    @Sendable func signUp(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        do {
            let session = try await identity.registerWeb(
                email: form["email"], password: form["password"], displayName: form["displayName"],
                from: context.clientAddress
            )
            var response = PageRenderer.redirect(to: "/profile?welcome=1")
            response.setCookie(sessionCookie(session.cookieValue, context: context))
            return response
        } catch let error as AppError where error.status == 422 || error.status == 409 {
            var fields = error.fields
            if error.code == "email_taken" { fields["email"] = "is already registered; sign in instead" }
            let content = AccountFormContent(form: ["email": form["email"], "displayName": form["displayName"]], fields: fields)
            return try renderer.render(
                page("signup", "Create your account", content, error: "Please correct the highlighted fields."), context: context,
                status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    @Sendable func signInForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        if context.principal != nil { return PageRenderer.redirect(to: next) }
        return try renderer.render(page("signin", "Sign in", AccountFormContent(next: next)), context: context)
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let next = Self.safeNext(form["next"])
        do {
            let session = try await identity.startWebSession(
                email: form["email"], password: form["password"], from: context.clientAddress
            )
            var response = PageRenderer.redirect(to: next)
            response.setCookie(sessionCookie(session.cookieValue, context: context))
            return response
        } catch let error as AppError where error.status == 401 || error.status == 403 || error.status == 429 {
            let wrongCredentials = error.status == 401
            let content = AccountFormContent(form: ["email": form["email"]], next: next, failed: wrongCredentials ? error.message : nil)
            var response = try renderer.render(
                page("signin", "Sign in", content, error: wrongCredentials ? "Sign-in failed. Check your email and password below." : error.message), context: context,
                status: HTTPResponse.Status(code: error.status)
            )
            if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
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
        let token = request.uri.queryParameters.get("token").flatMap { $0.isEmpty ? nil : $0 }
        return try renderer.render(page("verify-email", "Confirm your email", AccountFormContent(token: token)), context: context)
    }

    @Sendable func verifyEmail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        do {
            _ = try await identity.verifyEmail(token: form["token"])
            return try renderer.render(
                page("verify-email", "Email confirmed", notice: "Thank you, your email address is confirmed."), context: context
            )
        } catch let error as AppError where error.status == 400 {
            return try renderer.render(page("verify-email", "Confirm your email", error: error.message), context: context, status: .badRequest)
        }
    }

    @Sendable func resetForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = request.uri.queryParameters.get("token"), !token.isEmpty {
            return try renderer.render(page("reset-confirm", "Choose a new password", AccountFormContent(token: token)), context: context)
        }
        return try renderer.render(page("reset-request", "Reset your password"), context: context)
    }

    @Sendable func requestReset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        try await identity.requestPasswordReset(email: form["email"], from: context.clientAddress)
        return try renderer.render(
            page(
                "reset-request", "Reset your password", AccountFormContent(form: ["email": form["email"]]),
                notice: "If an account uses this address, a reset link is on its way."
            ),
            context: context, status: .accepted
        )
    }

    @Sendable func confirmReset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        do {
            try await identity.confirmPasswordReset(token: form["token"], newPassword: form["password"])
            return try renderer.render(
                page("signin", "Sign in", AccountFormContent(next: "/"), notice: "Your password is changed. Sign in with the new one."),
                context: context
            )
        } catch let error as AppError where error.status == 400 || error.status == 422 {
            let content = AccountFormContent(fields: error.fields, token: form.nonEmpty("token"))
            return try renderer.render(
                page("reset-confirm", "Choose a new password", content, error: error.message), context: context,
                status: HTTPResponse.Status(code: error.status)
            )
        }
    }

    private func sessionCookie(_ value: String, context: AppRequestContext) -> Cookie {
        WebSessionMiddleware.cookie(
            WebSessionMiddleware.sessionCookie, value: value, maxAge: Int(identity.webSessionLifetime), secure: context.isSecure
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
