import ArgumentParser
import Foundation
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// `lyceum admin ...`: operator tasks.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Manage administrator accounts.",
        subcommands: [CreateAdmin.self]
    )
}

/// `lyceum admin create`: create an administrator account.
struct CreateAdmin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an administrator account (the first admin of a new installation).",
        discussion: "The password is asked for without echo, or read from --password-file (first line)."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "The administrator's email address.")
    var email: String

    @Option(help: "The administrator's display name.")
    var name: String

    @Option(help: "Read the password from this file instead of prompting.")
    var passwordFile: String?

    func run() async throws {
        let password = try readPassword()
        try await CommandRunner.run(flags: common.flags) { configuration, logger in
            try await CommandRunner.withServices(configuration: configuration, logger: logger) { services in
                try await services.migrator.migrate()
                do {
                    let user = try await services.require(IdentityService.self).createAccount(
                        email: email, password: password, displayName: name, role: .admin, emailVerified: true
                    )
                    print("Created administrator \(user.email) (id \(user.id)).")
                } catch let error as AppError {
                    let details = error.fields.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                    throw CommandFailure(
                        "The administrator was not created: " + (details.isEmpty ? error.message : details.joined(separator: "; "))
                    )
                }
            }
        }
    }

    private func readPassword() throws -> String {
        if let passwordFile {
            guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                throw ValidationError("The password file \(passwordFile) cannot be read.")
            }
            return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        }
        guard isatty(STDIN_FILENO) == 1 else {
            return readLine(strippingNewline: true) ?? ""
        }
        let first = PasswordPrompt.read("Password for \(email): ")
        let second = PasswordPrompt.read("Repeat the password: ")
        guard first == second else { throw ValidationError("The two passwords differ.") }
        return first
    }
}

/// Reads a line from the terminal without echoing it.
enum PasswordPrompt {
    static func read(_ prompt: String) -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
