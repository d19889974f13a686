import LyceumContracts
import Foundation
import HTTPTypes
import Hummingbird
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// What the profile page shows.
struct ProfileContent: Sendable {
    struct Account: Sendable {
        let email: String
        let role: String
        let emailVerified: Bool
    }

    let user: Account
    var form: [String: String]
    var fields: [String: String] = [:]

    init(_ user: User) {
        self.user = Account(email: user.email, role: user.role.rawValue, emailVerified: user.emailVerified)
        self.form = ["displayName": user.displayName, "bio": user.bio ?? ""]
    }
}

/// The signed-in user's profile page: name, bio and password.
struct ProfilePages: Sendable {
    let identity: IdentityService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("profile", use: show)
        pages.post("profile", use: update)
        pages.post("profile/password", use: changePassword)
    }

    private func render(
        _ content: ProfileContent, context: AppRequestContext, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try renderer.render(
            Page("profile", title: "Your profile", content: content, section: .profile, notice: notice, error: error),
            context: context, status: status
        )
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: "/profile") }
        let user = try await identity.user(id: principal.userID)
        let parameters = request.uri.queryParameters
        let notice: String? =
            if parameters.get("welcome") != nil {
                "Welcome to Lyceum! We sent a link to \(user.email) to confirm your address."
            } else if parameters.get("saved") != nil {
                "Saved."
            } else {
                nil
            }
        return try render(ProfileContent(user), context: context, notice: notice)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: "/profile") }
        do {
            _ = try await identity.updateProfile(principal, displayName: form["displayName"], bio: form["bio"])
            return PageRenderer.redirect(to: "/profile?saved=1")
        } catch let error as AppError where error.status == 422 {
            var content = ProfileContent(try await identity.user(id: principal.userID))
            content.form = ["displayName": form["displayName"], "bio": form["bio"]]
            content.fields = error.fields
            return try render(content, context: context, error: "Please correct the highlighted fields.", status: .unprocessableContent)
        }
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: "/profile") }
        var content = ProfileContent(try await identity.user(id: principal.userID))
        do {
            // The page asks for the new password twice; the service (shared with the API) checks the rest.
            if form["confirmPassword"] != form["newPassword"] {
                var fields = ["confirmPassword": "does not match the new password"]
                if let problem = PasswordPolicy.problem(with: form["newPassword"]) { fields["newPassword"] = problem.message }
                throw AppError.validation(fields)
            }
            try await identity.changePassword(
                principal, currentPassword: form["currentPassword"], newPassword: form["newPassword"]
            )
            return try render(content, context: context, notice: "Your password is changed. Other devices have been signed out.")
        } catch let error as AppError where error.status == 422 {
            content.fields = error.fields
            return try render(
                content, context: context, error: "The password was not changed. Please correct the highlighted fields.",
                status: .unprocessableContent
            )
        }
    }
}
