import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

extension IdentityService {
    /// Queues the congratulations email for a completed course, with the certificate's link. Identity sends
    /// it because it owns the learner's address. `key` (the handling job's unique key) makes a second run
    /// of the same event queue nothing.
    func queueCertificateEmail(for event: CourseCompleted, key: String) async throws {
        let stored = try await database.read { sql in try await UserStore.find(id: event.userID, on: sql) }
        guard let user = stored?.user, user.isActive else { return }
        let message = MailMessage(
            recipient: user.email,
            subject: "You completed \(event.courseTitle)",
            body: """
                Hello \(user.displayName),

                Congratulations: you completed every lesson and passed every quiz of \(event.courseTitle).

                Your certificate, which anyone can verify, is at:

                \(configuration.publicURL)/certificates/\(event.certificateCode)
                """
        )
        try await jobs.enqueue(SendMail(message), options: JobOptions(queue: "mail", uniqueKey: "mail:\(key)"))
    }
}
