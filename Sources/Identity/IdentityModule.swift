import Foundation
import Hummingbird
import LyceumContracts
import LyceumHTTP
import LyceumPlatform
import LyceumWeb
import ServiceLifecycle

extension IdentityService: CallerAuthenticator {}

/// The Identity domain as the application sees it: accounts, sign-in, sessions and the admin user list.
///
/// It publishes `IdentityService`, `UserDirectory` and `CallerAuthenticator` for the modules built after it.
public struct IdentityModule: LyceumModule {
    /// The domain's service.
    public let service: IdentityService
    /// Users' profile pictures.
    public let pictures: ProfilePictures

    public var name: String { "identity" }
    public var migrations: [Migration] { IdentityMigrations.all }
    public var openAPIFragment: String { IdentityOpenAPI.fragment }
    /// The account emails: address verification and password reset, both essential.
    public var mailTemplates: [MailTemplate] { AccountMailTemplates.all }
    /// The session cache's listener for revocations from other replicas.
    public var backgroundServices: [any Service] { [service.sessions] }

    public var templates: [PageTemplate] {
        [
            PageTemplate("signup", AccountTemplates.signUp), PageTemplate("signin", AccountTemplates.signIn),
            PageTemplate("verify-email", AccountTemplates.verifyEmail),
            PageTemplate("reset-request", AccountTemplates.resetRequest),
            PageTemplate("reset-confirm", AccountTemplates.resetConfirm),
            PageTemplate("profile", ProfileTemplates.profile), PageTemplate("admin-users", ProfileTemplates.adminUsers),
            PageTemplate("admin-user", ProfileTemplates.adminUser),
            PageTemplate("admin-user-deactivate", ProfileTemplates.adminUserDeactivate),
        ]
    }

    /// Builds the service and publishes its interfaces in `context`.
    /// - Parameters:
    ///   - configuration: lifetimes and the public URL for email links.
    ///   - signingKey: the HMAC key for access tokens.
    ///   - bcryptCost: the bcrypt cost for password hashes.
    public init(context: ModuleContext, configuration: IdentityConfiguration, signingKey: String, bcryptCost: Int) async throws {
        service = IdentityService(
            database: context.database,
            hasher: try await PasswordHasher(cost: UInt8(bcryptCost)),
            accessTokens: await AccessTokens(secret: signingKey, lifetime: configuration.accessTokenLifetime, clock: context.clock),
            jobs: context.jobs,
            mail: context.mail,
            clock: context.clock,
            configuration: configuration,
            limiter: context.rateLimiter,
            pubSub: context.pubSub,
            logger: context.logger
        )
        pictures = ProfilePictures(
            database: context.database, catalog: try context.require((any UploadCatalog).self), sessions: service.sessions, clock: context.clock
        )
        try context.require(UploadReadAccessRegistry.self).register("avatar", AvatarReadAccess(database: context.database))
        context.provide(service, as: IdentityService.self)
        context.provide(service, as: (any UserDirectory).self)
        context.provide(service, as: (any CallerAuthenticator).self)
    }

    /// Subscribes to `UploadDeleted` to drop a deleted profile picture. (The certificate email is a
    /// notification now: Notifications hears `CourseCompleted`, and the learner can switch it off.)
    public func registerJobs(_ registry: JobRegistry) {
        registry.subscribe(UploadDeleted.self, as: "identity.avatar-deleted") { [pictures] event, _ in
            try await pictures.uploadDeleted(event)
        }
    }

    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        api.addRoutes(AuthController(identity: service).endpoints, atPath: "auth")
        api.addRoutes(MeController(identity: service).endpoints, atPath: "me")
        api.addRoutes(AvatarController(pictures: pictures).endpoints, atPath: "me")
        api.addRoutes(AdminUsersController(identity: service).endpoints, atPath: "admin/users")
    }

    public func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer) {
        AccountPages(identity: service, renderer: renderer).addRoutes(to: pages)
        ProfilePages(identity: service, pictures: pictures, renderer: renderer).addRoutes(to: pages)
        AvatarPages(pictures: pictures).addRoutes(to: pages)
        AdminPages(identity: service, renderer: renderer).addRoutes(to: pages)
    }

    /// Creates the demo accounts: one administrator, two instructors and twelve students.
    public func seedDemo(_ school: DemoSchoolSeed) async throws {
        let password = DemoSchoolSeed.password
        func add(_ email: String, _ name: String, _ role: Role) async throws -> User {
            let user = try await service.createAccount(email: email, password: password, displayName: name, role: role, emailVerified: true)
            school.addAccount(Principal(userID: user.id, role: role, sessionID: "demo-seed"))
            school.record(user.email, in: "accounts.\(role.rawValue)")
            return user
        }
        let admin = try await add("admin@demo.lyceum.test", "Ada Admin", .admin)
        var instructors: [String] = []
        for (email, name) in [("hypatia@demo.lyceum.test", "Hypatia of Alexandria"), ("grace@demo.lyceum.test", "Grace Hopper")] {
            instructors.append(try await add(email, name, .instructor).email)
        }
        let names = [
            "Amara Okafor", "Björn Lindqvist", "Chen Wei", "Dolores Ruiz", "Emeka Nwosu", "Fatima Zahra", "Giulia Romano",
            "Hiroshi Tanaka", "Inés García", "Jonas Weber", "Kavya Iyer", "Liam O'Brien",
        ]
        var students: [String] = []
        for name in names {
            let local = name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
                .replacingOccurrences(of: " ", with: ".").replacingOccurrences(of: "'", with: "")
            students.append(try await add("\(local)@demo.lyceum.test", name, .student).email)
        }
        school.report("admin:       \(admin.email)")
        school.report("instructors: \(instructors.joined(separator: ", "))")
        school.report("students:    \(students.prefix(3).joined(separator: ", ")) and \(students.count - 3) more")
    }

    /// Whether the database has no accounts yet (so `serve --demo` may seed it).
    public func hasNoAccounts() async throws -> Bool {
        try await service.hasNoAccounts()
    }
}
