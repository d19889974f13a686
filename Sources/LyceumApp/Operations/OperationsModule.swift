import Hummingbird
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// The operators' views of the platform itself: the background jobs page and API (admins).
struct OperationsModule: LyceumModule {
    let admin: JobsAdmin

    var name: String { "operations" }
    var templates: [PageTemplate] { [PageTemplate("admin-jobs", OperationsTemplates.jobs)] }
    var openAPIFragment: String { OperationsOpenAPI.fragment }

    init(context: ModuleContext) {
        admin = JobsAdmin(queue: context.jobs)
    }

    func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        api.addRoutes(JobsAdminController(admin: admin).endpoints, atPath: "admin/jobs")
    }

    func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer) {
        JobsAdminPages(admin: admin, renderer: renderer).addRoutes(to: pages)
    }
}
