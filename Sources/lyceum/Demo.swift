import LyceumContracts
import ArgumentParser
import LyceumApp
import LyceumPlatform

/// `lyceum demo`: seed the demo school into an empty database and print how to sign in.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a demo school (admin, instructors, students, courses, quizzes, progress) in an empty database.",
        discussion: "Then run `lyceum serve` and sign in with the printed details. `lyceum serve --demo` does both at once."
    )

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await CommandRunner.run(flags: common.flags) { configuration, logger in
            try await CommandRunner.withServices(configuration: configuration, logger: logger) { services in
                try await services.migrator.migrate()
                guard try await DemoSchool.isEmpty(services) else {
                    throw ConfigurationError(
                        "The database already has accounts; the demo school needs an empty one (try a new --data-dir)."
                    )
                }
                print(try await DemoSchool.seed(services).text)
            }
        }
    }
}
