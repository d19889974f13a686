import Billing
import Configuration
import Foundation
import Identity
import LyceumHTTP
import Logging
import LyceumPlatform
import Media
import Realtime
import SystemPackage

/// Everything Lyceum reads at start-up, validated. Built from flags over `LYCEUM_*` environment variables
/// over an optional JSON file over defaults.
public struct LyceumConfiguration: Sendable {
    /// Which database to use.
    public enum Storage: Sendable {
        /// SQLite at the path.
        case sqlite(path: String)
        /// PostgreSQL at the URL.
        case postgres(DatabaseURL)
    }

    /// What one process does: serve the web (API and pages), run jobs, or both.
    public enum Role: String, Sendable, CaseIterable {
        /// The JSON API and the browser pages.
        case web
        /// Job workers and the recurring-job scheduler.
        case worker
    }

    /// How log lines are written.
    public enum LogFormat: String, Sendable {
        case text
        case json
    }

    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDirectory = "./lyceum-data"
    public var storage: Storage = .sqlite(path: "./lyceum-data/lyceum.sqlite")
    public var databasePoolSize = 10
    public var migrateOnStart = true
    /// The access-token signing key; `nil` until resolved by `resolveSigningKey()`.
    public var jwtSecret: String?
    public var logLevel: Logger.Level = .info
    public var logFormat: LogFormat = .text
    public var publicURL = "http://127.0.0.1:8080"
    public var bcryptCost = 12
    public var maxBodyBytes = 1 << 20
    public var shutdownDrainSeconds = 0.0
    /// Whether `serve` seeds the demo school into an empty database.
    public var demo = false
    /// The general API budget per client address and per account; `nil` turns it off.
    public var apiRateLimit: RateBudget? = RateBudget(capacity: 600, period: 60)
    /// Budgets for sign-in, registration, password reset and verification resends.
    public var actionLimits = ActionLimits()
    /// The proxies whose `X-Forwarded-For` names the client (for rate limits and logs).
    public var trustedProxies = TrustedProxies.none
    /// What this process does; every role also serves `/health` and `/metrics`.
    public var roles: Set<Role> = [.web, .worker]
    /// How the job worker takes and runs jobs (when the `worker` role is on).
    public var jobWorker = JobWorkerConfiguration()
    /// How long succeeded and cancelled jobs are kept.
    public var jobRetention: Duration = .seconds(7 * 86_400)
    /// The real-time socket's limits and timings.
    public var realtime = RealtimeConfiguration()
    /// Stripe's keys and address (`LYCEUM_STRIPE_*`); without a secret key paid courses are not for sale.
    public var billing = BillingConfiguration()
    /// Uploads' size limits, quota and cleanup (`LYCEUM_MEDIA_*`).
    public var media = MediaConfiguration()
    /// Where uploaded files live (`LYCEUM_STORAGE_URL`).
    public var objectStorage = ObjectStoreLocation.disk(path: nil)
    /// Where the S3 store's credentials come from; set (and required) when `objectStorage` is S3.
    public var objectStorageCredentials: (any AWSCredentialProvider)?
    /// The SMTP relay and sender (`LYCEUM_SMTP_URL`, `LYCEUM_MAIL_*`); `nil` keeps mail in the outbox table.
    public var smtp: SMTPSettings?

    /// Identity's settings: the public URL for email links and the action budgets.
    public var identity: IdentityConfiguration {
        var identity = IdentityConfiguration(publicURL: publicURL)
        identity.limits = actionLimits
        return identity
    }

    /// Billing's settings, with the public URL for Stripe's return links.
    public var billingSettings: BillingConfiguration {
        var settings = billing
        settings.publicURL = publicURL
        return settings
    }

    /// The real-time settings, with the public URL's origin allowed to use the session cookie (a proxy may
    /// present another `Host` than the one the browser used).
    public var realtimeSettings: RealtimeConfiguration {
        var settings = realtime
        if let url = URL(string: publicURL), let scheme = url.scheme, let host = url.host {
            settings.allowedOrigins.insert("\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")".lowercased())
        }
        return settings
    }

    /// Whether the public URL is HTTPS, so cookies must be `Secure`.
    public var isPublicURLSecure: Bool { publicURL.lowercased().hasPrefix("https://") }

    /// A configuration for tests and embedding: defaults with the given data directory.
    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
        self.storage = .sqlite(path: dataDirectory + "/lyceum.sqlite")
    }

    /// Reads and validates the configuration.
    /// - Parameters:
    ///   - flags: values given on the command line, keyed by setting key.
    ///   - environment: the process environment (injected for tests).
    public static func load(flags: [String: String], environment: [String: String]) async throws -> LyceumConfiguration {
        let flagProvider = InMemoryProvider(
            name: "flags",
            values: Dictionary(uniqueKeysWithValues: flags.map { (AbsoluteConfigKey(ConfigKey($0.key)), ConfigValue(.string($0.value), isSecret: false)) })
        )
        let environmentProvider = EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "lyceum")
        var providers: [any ConfigProvider] = [flagProvider, environmentProvider]
        let configFile = flags["configFile"] ?? environment["LYCEUM_CONFIG_FILE"]
        if let configFile, !configFile.isEmpty {
            guard FileManager.default.isReadableFile(atPath: configFile) else {
                throw ConfigurationError("The configuration file \(configFile) does not exist or cannot be read.")
            }
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(configFile)))
            } catch {
                throw ConfigurationError("The configuration file \(configFile) is not valid JSON.")
            }
        }
        let reader = SettingReader(reader: ConfigReader(providers: providers), environment: environment)
        return try reader.configuration()
    }
}
