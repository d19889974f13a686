import ArgumentParser
import Foundation
import LyceumApp

/// `lyceum`: the whole platform in one binary.
@main
struct LyceumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lyceum",
        abstract: "Lyceum, a fast self-hosted learning platform.",
        discussion: """
            Start with `lyceum serve`: it needs nothing installed and keeps its data in ./lyceum-data.
            Every option can also be set with a LYCEUM_* environment variable or a JSON file (--config).
            """,
        version: LyceumVersion.current,
        subcommands: [Serve.self, Migrate.self, Demo.self, AdminCommand.self, JobsCommand.self, Version.self]
    )
}

/// Options every command that touches the database shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "A JSON configuration file (or LYCEUM_CONFIG_FILE).")
    var configFile: String?

    @Option(help: "Directory for the SQLite database and generated keys (or LYCEUM_DATA_DIR). Default: ./lyceum-data")
    var dataDir: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical (or LYCEUM_LOG_LEVEL). Default: info")
    var logLevel: String?

    @Option(help: "text or json (or LYCEUM_LOG_FORMAT). Default: text")
    var logFormat: String?

    var flags: [String: String] {
        var flags: [String: String] = [:]
        flags["configFile"] = configFile
        flags["dataDir"] = dataDir
        flags["log.level"] = logLevel
        flags["log.format"] = logFormat
        return flags
    }
}

/// `lyceum version`.
struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the version of this build.")

    func run() {
        print("lyceum \(LyceumVersion.current)")
    }
}
