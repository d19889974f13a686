import Foundation
import HTTPTypes
import Hummingbird
import Identity
import LyceumCore
import LyceumHTTP

/// The signed-in user's profile page: name, bio and password.
struct ProfilePages: Sendable {
    let identity: IdentityService
    let renderer: PageRenderer

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("", use: show)
        routes.post("", use: update)
        routes.post("password", use: changePassword)
        return routes
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else { return PageRenderer.redirect(to: "/signin?next=/profile") }
        let user = try await identity.user(id: principal.userID)
        var values = values(for: user)
        if request.uri.queryParameters.get("welcome") != nil {
            values["notice"] = "Welcome to Lyceum! We sent a link to \(user.email) to confirm your address."
        } else if request.uri.queryParameters.get("saved") != nil {
            values["notice"] = "Saved."
        }
        return renderer.render("profile", title: "Your profile", viewer: user, context: context, values: values)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        guard let principal = context.principal else { return PageRenderer.redirect(to: "/signin?next=/profile") }
        do {
            _ = try await identity.updateProfile(principal, displayName: form["displayName"], bio: form["bio"])
            return PageRenderer.redirect(to: "/profile?saved=1")
        } catch let error as AppError where error.status == 422 {
            let user = try await identity.user(id: principal.userID)
            var values = values(for: user)
            values["form"] = ["displayName": form["displayName"], "bio": form["bio"]]
            values["fields"] = error.fields
            values["error"] = "Please correct the highlighted fields."
            return renderer.render("profile", title: "Your profile", viewer: user, context: context, values: values, status: .unprocessableContent)
        }
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        guard let principal = context.principal else { return PageRenderer.redirect(to: "/signin?next=/profile") }
        let user = try await identity.user(id: principal.userID)
        var values = values(for: user)
        do {
            try await identity.changePassword(
                principal, currentPassword: form["currentPassword"], newPassword: form["newPassword"]
            )
            values["notice"] = "Your password is changed. Other devices have been signed out."
            return renderer.render("profile", title: "Your profile", viewer: user, context: context, values: values)
        } catch let error as AppError where error.status == 422 {
            values["fields"] = error.fields
            values["error"] = "The password was not changed."
            return renderer.render("profile", title: "Your profile", viewer: user, context: context, values: values, status: .unprocessableContent)
        }
    }

    private func values(for user: User) -> [String: Any] {
        [
            "user": ["email": user.email, "role": user.role.rawValue, "emailVerified": user.emailVerified],
            "form": ["displayName": user.displayName, "bio": user.bio ?? ""],
            "nav": ["profile": true],
        ]
    }
}
