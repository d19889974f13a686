import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Boards, threads and replies, votes, moderation, study groups and announcements. Every rule and every
/// authorization check lives here, so the API and the pages share them.
public struct CommunityService: Sendable {
    let database: any Database
    let courses: any CourseDirectory
    let users: any UserDirectory
    let clock: WallClock
    let jobs: JobQueue
    let uploads: any UploadCatalog

    /// Creates the service; it publishes its notification requests through `jobs` and checks the files attached
    /// to posts with `uploads`.
    public init(
        database: any Database, courses: any CourseDirectory, users: any UserDirectory, uploads: any UploadCatalog, clock: WallClock, jobs: JobQueue
    ) {
        self.database = database
        self.courses = courses
        self.users = users
        self.uploads = uploads
        self.clock = clock
        self.jobs = jobs
    }

    func now() -> Date {
        clock.nowForStorage()
    }

    func require(_ principal: Principal?) throws(AppError) -> Principal {
        guard let principal else { throw AppError.unauthenticated() }
        return principal
    }
}
