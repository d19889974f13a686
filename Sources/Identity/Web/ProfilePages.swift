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
    /// The page path of the current picture, when there is one.
    let avatar: String?
    /// What the picture form says went wrong.
    var avatarError: String?

    init(_ user: User, avatar: String?) {
        self.user = Account(email: user.email, role: user.role.rawValue, emailVerified: user.emailVerified)
        self.form = ["displayName": user.displayName, "bio": user.bio ?? ""]
        self.avatar = avatar
    }
}

/// The signed-in user's profile page: picture, name, bio and password.
struct ProfilePages: Sendable {
    let identity: IdentityService
    let pictures: ProfilePictures
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("profile", use: show)
        pages.post("profile", use: update)
        pages.post("profile/password", use: changePassword)
        pages.post("profile/avatar", use: setAvatar)
        pages.post("profile/avatar/remove", use: removeAvatar)
    }

    private func content(_ principal: Principal) async throws -> ProfileContent {
        ProfileContent(try await identity.user(id: principal.userID), avatar: try await pictures.currentPath(userID: principal.userID))
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
        let content = try await content(principal)
        let parameters = request.uri.queryParameters
        let notice: String? =
            if parameters.get("welcome") != nil {
                "Welcome to Lyceum! We sent a link to \(content.user.email) to confirm your address."
            } else if parameters.get("saved") != nil {
                "Saved."
            } else if parameters.get("picture") == "set" {
                "Your profile picture is changed."
            } else if parameters.get("picture") == "removed" {
                "Your profile picture is removed."
            } else {
                nil
            }
        return try render(content, context: context, notice: notice)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: "/profile") }
        do {
            _ = try await identity.updateProfile(principal, displayName: form["displayName"], bio: form["bio"])
            return PageRenderer.redirect(to: "/profile?saved=1")
        } catch let error as AppError where error.status == 422 {
            var content = try await content(principal)
            content.form = ["displayName": form["displayName"], "bio": form["bio"]]
            content.fields = error.fields
            return try render(content, context: context, error: "Please correct the highlighted fields.", status: .unprocessableContent)
        }
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: "/profile") }
        var content = try await content(principal)
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

    /// Sets the picture the upload widget just uploaded (its id in `uploadId`).
    @Sendable func setAvatar(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: "/profile") }
        do {
            _ = try await pictures.set(principal, uploadID: form["uploadId"])
            return PageRenderer.redirect(to: "/profile?picture=set")
        } catch let error as AppError where error.status == 422 {
            var content = try await content(principal)
            content.avatarError = "Choose a PNG, JPEG or WebP picture of your own, then wait until it is uploaded."
            return try render(content, context: context, error: "Your profile picture was not changed.", status: .unprocessableContent)
        }
    }

    @Sendable func removeAvatar(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.submittedForm()
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: "/profile") }
        try await pictures.remove(principal)
        return PageRenderer.redirect(to: "/profile?picture=removed")
    }
}
