import Billing
import Foundation
import Identity
import Logging
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("defaults need nothing installed")
    func defaults() async throws {
        let configuration = try await LyceumConfiguration.load(flags: [:], environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.dataDirectory == "./lyceum-data")
        guard case .sqlite(let path) = configuration.storage else { Issue.record("expected SQLite"); return }
        #expect(path == "./lyceum-data/lyceum.sqlite")
        #expect(configuration.logLevel == .info)
        #expect(configuration.logFormat == .text)
        #expect(configuration.bcryptCost == 12)
        #expect(configuration.publicURL == "http://127.0.0.1:8080")
    }

    @Test("flags beat environment variables, which beat the config file")
    func precedence() async throws {
        let file = NSTemporaryDirectory() + "lyceum-config-\(UUID().uuidString).json"
        try Data(#"{"port": 9001, "host": "0.0.0.0", "log": {"level": "debug"}, "bcrypt": {"cost": 10}}"#.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let configuration = try await LyceumConfiguration.load(
            flags: ["port": "9003"],
            environment: ["LYCEUM_CONFIG_FILE": file, "LYCEUM_PORT": "9002", "LYCEUM_HOST": "127.0.0.2", "LYCEUM_LOG_FORMAT": "json"]
        )
        #expect(configuration.port == 9003)
        #expect(configuration.host == "127.0.0.2")
        #expect(configuration.logLevel == .debug)
        #expect(configuration.logFormat == .json)
        #expect(configuration.bcryptCost == 10)
        let fromEnvironment = try await LyceumConfiguration.load(flags: [:], environment: ["LYCEUM_CONFIG_FILE": file, "LYCEUM_PORT": "9002"])
        #expect(fromEnvironment.port == 9002)
        let fromFile = try await LyceumConfiguration.load(flags: ["configFile": file], environment: [:])
        #expect(fromFile.port == 9001)
        #expect(fromFile.publicURL == "http://localhost:9001")
    }

    @Test("secrets can come from files, as Kubernetes and ECS mount them")
    func secretFiles() async throws {
        let directory = NSTemporaryDirectory() + "lyceum-secrets-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "postgres://app:s3cret@db.internal:5432/lyceum?sslmode=require\n".write(toFile: directory + "/url", atomically: true, encoding: .utf8)
        try "0123456789abcdef0123456789abcdef-secret\n".write(toFile: directory + "/jwt", atomically: true, encoding: .utf8)
        let configuration = try await LyceumConfiguration.load(
            flags: [:], environment: ["LYCEUM_DATABASE_URL_FILE": directory + "/url", "LYCEUM_JWT_SECRET_FILE": directory + "/jwt"]
        )
        guard case .postgres(let url) = configuration.storage else { Issue.record("expected PostgreSQL"); return }
        #expect(url.host == "db.internal")
        #expect(url.password == "s3cret")
        #expect(configuration.jwtSecret == "0123456789abcdef0123456789abcdef-secret")
    }

    @Test("Stripe: the secret key from a file, several webhook secrets for rotation, the API address; no key, no sales")
    func stripeSettings() async throws {
        let file = NSTemporaryDirectory() + "lyceum-stripe-\(UUID().uuidString)"
        try "sk_test_from_a_file\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let configuration = try await LyceumConfiguration.load(
            flags: [:],
            environment: [
                "LYCEUM_STRIPE_SECRET_KEY_FILE": file, "LYCEUM_STRIPE_WEBHOOK_SECRET": "whsec_new, whsec_old,",
                "LYCEUM_STRIPE_API_BASE": "http://127.0.0.1:12111/", "LYCEUM_PUBLIC_URL": "https://learn.example.org",
            ]
        )
        #expect(configuration.billing.secretKey == "sk_test_from_a_file")
        #expect(configuration.billing.webhookSecrets == ["whsec_new", "whsec_old"])
        #expect(configuration.billing.apiBase == "http://127.0.0.1:12111")
        #expect(configuration.billingSettings.publicURL == "https://learn.example.org")
        let defaults = try await LyceumConfiguration.load(flags: [:], environment: [:])
        #expect(defaults.billing.secretKey == nil && defaults.billing.webhookSecrets.isEmpty)
        #expect(defaults.billing.apiBase == "https://api.stripe.com")
    }

    @Test(
        "invalid settings stop start-up with one clear sentence",
        arguments: [
            (["LYCEUM_PORT": "eighty"], "LYCEUM_PORT must be a whole number from 0 to 65535 (got eighty)."),
            (["LYCEUM_PORT": "70000"], "LYCEUM_PORT must be a whole number from 0 to 65535 (got 70000)."),
            (["LYCEUM_LOG_LEVEL": "loud"], "LYCEUM_LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical (got loud)."),
            (["LYCEUM_LOG_FORMAT": "xml"], "LYCEUM_LOG_FORMAT must be text or json (got xml)."),
            (["LYCEUM_DATABASE_URL": "mysql://u@h/db"], "The database URL must start with postgres:// (got mysql://)."),
            (["LYCEUM_JWT_SECRET": "short"], "LYCEUM_JWT_SECRET must be at least 32 characters; generate one with `openssl rand -base64 48`."),
            (["LYCEUM_BCRYPT_COST": "3"], "LYCEUM_BCRYPT_COST must be a whole number from 4 to 31 (got 3)."),
            (["LYCEUM_DATABASE_MIGRATE_ON_START": "maybe"], "LYCEUM_DATABASE_MIGRATE_ON_START must be true or false (got maybe)."),
            (["LYCEUM_CONFIG_FILE": "/nonexistent/lyceum.json"], "The configuration file /nonexistent/lyceum.json does not exist or cannot be read."),
            (["LYCEUM_PUBLIC_URL": "ftp://x"], "LYCEUM_PUBLIC_URL must be an http:// or https:// address (got ftp://x)."),
            (["LYCEUM_STRIPE_SECRET_KEY": "pk_live_123"], "LYCEUM_STRIPE_SECRET_KEY must be a Stripe secret or restricted key (sk_… or rk_…)."),
            (["LYCEUM_STRIPE_API_BASE": "stripe"], "LYCEUM_STRIPE_API_BASE must be an http(s) address such as https://api.stripe.com (got stripe)."),
        ]
    )
    func invalid(environment: [String: String], message: String) async {
        do {
            _ = try await LyceumConfiguration.load(flags: [:], environment: environment)
            Issue.record("accepted \(environment)")
        } catch let error as ConfigurationError {
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("PostgreSQL without a JWT secret refuses to start; SQLite keeps one generated key")
    func signingKeys() async throws {
        var postgres = try await LyceumConfiguration.load(flags: [:], environment: ["LYCEUM_DATABASE_URL": "postgres://u@h/db"])
        #expect(throws: ConfigurationError.self) { try DataDirectory.signingKey(for: postgres) }
        postgres.jwtSecret = String(repeating: "k", count: 32)
        #expect(try DataDirectory.signingKey(for: postgres) == String(repeating: "k", count: 32))

        let directory = NSTemporaryDirectory() + "lyceum-key-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try DataDirectory.prepare(directory)
        let embedded = LyceumConfiguration(dataDirectory: directory)
        let first = try DataDirectory.signingKey(for: embedded)
        #expect(first.count >= 32)
        #expect(try DataDirectory.signingKey(for: embedded) == first)
        let permissions = try FileManager.default.attributesOfItem(atPath: directory + "/jwt-secret")[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test("a data directory that is a file is refused")
    func dataDirectoryIsFile() throws {
        let path = NSTemporaryDirectory() + "lyceum-file-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ConfigurationError.self) { try DataDirectory.prepare(path) }
    }

    @Test("the README documents every setting")
    func readmeTable() throws {
        let readme = try String(contentsOfFile: #filePath.components(separatedBy: "/Tests/")[0] + "/README.md", encoding: .utf8)
        for setting in Setting.all {
            #expect(readme.contains("`\(setting.environmentVariable)`"), "README lacks \(setting.environmentVariable)")
            if let flag = setting.flag {
                #expect(readme.contains("`\(flag)`"), "README lacks \(flag)")
            }
        }
    }
}
