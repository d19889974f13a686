import Billing
import Configuration
import Foundation
import Identity
import Logging
import LyceumHTTP
import LyceumPlatform
import Media
import Realtime

/// Reads each setting as text, whichever provider has it, and validates it with a sentence an operator can act on.
struct SettingReader {
    let reader: ConfigReader
    let environment: [String: String]

    func configuration() throws(ConfigurationError) -> LyceumConfiguration {
        var configuration = LyceumConfiguration(dataDirectory: text("dataDir") ?? "./lyceum-data")
        configuration.host = text("host") ?? configuration.host
        configuration.port = try integer("port", in: 0...65535) ?? configuration.port
        if let level = text("log.level") {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError("LYCEUM_LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical (got \(level)).")
            }
            configuration.logLevel = parsed
        }
        if let format = text("log.format") {
            guard let parsed = LyceumConfiguration.LogFormat(rawValue: format.lowercased()) else {
                throw ConfigurationError("LYCEUM_LOG_FORMAT must be text or json (got \(format)).")
            }
            configuration.logFormat = parsed
        }
        configuration.databasePoolSize = try integer("database.poolSize", in: 1...1000) ?? configuration.databasePoolSize
        configuration.migrateOnStart = try boolean("database.migrateOnStart") ?? configuration.migrateOnStart
        configuration.bcryptCost = try integer("bcrypt.cost", in: 4...31) ?? configuration.bcryptCost
        configuration.maxBodyBytes = try integer("http.maxBodyBytes", in: 1024...(1 << 30)) ?? configuration.maxBodyBytes
        configuration.shutdownDrainSeconds = try number("shutdown.drainSeconds", in: 0...600) ?? 0
        configuration.demo = try boolean("demo") ?? false
        configuration.apiRateLimit = try budget("rateLimit.api", default: configuration.apiRateLimit)
        var limits = configuration.actionLimits
        limits.signInPerAccount = try budget("rateLimit.signInPerAccount", default: limits.signInPerAccount)
        limits.signInPerAddress = try budget("rateLimit.signInPerAddress", default: limits.signInPerAddress)
        limits.registrationPerAddress = try budget("rateLimit.registrationPerAddress", default: limits.registrationPerAddress)
        limits.passwordResetPerAccount = try budget("rateLimit.passwordResetPerAccount", default: limits.passwordResetPerAccount)
        limits.passwordResetPerAddress = try budget("rateLimit.passwordResetPerAddress", default: limits.passwordResetPerAddress)
        limits.verificationPerAccount = try budget("rateLimit.verificationPerAccount", default: limits.verificationPerAccount)
        configuration.actionLimits = limits
        if let proxies = text("http.trustedProxies") {
            guard let parsed = TrustedProxies(proxies) else {
                throw ConfigurationError("\(variable("http.trustedProxies")) must be a comma-separated list of IP addresses or CIDR ranges (got \(proxies)).")
            }
            configuration.trustedProxies = parsed
        }
        try readJobs(into: &configuration)
        try readCalls(into: &configuration)
        try readObjectStorage(into: &configuration)
        try readMedia(into: &configuration)
        try readMail(into: &configuration)
        try readStripe(into: &configuration)

        if let url = try secret("database.url"), !url.isEmpty {
            configuration.storage = .postgres(try DatabaseURL(url))
        }
        if let secret = try secret("jwt.secret"), !secret.isEmpty {
            guard secret.utf8.count >= 32 else {
                throw ConfigurationError("LYCEUM_JWT_SECRET must be at least 32 characters; generate one with `openssl rand -base64 48`.")
            }
            configuration.jwtSecret = secret
        }
        let displayHost = configuration.host == "0.0.0.0" || configuration.host == "::" ? "localhost" : configuration.host
        configuration.publicURL = text("publicUrl") ?? "http://\(displayHost):\(configuration.port)"
        guard let publicURL = URL(string: configuration.publicURL), ["http", "https"].contains(publicURL.scheme ?? ""),
            publicURL.host != nil
        else {
            throw ConfigurationError("LYCEUM_PUBLIC_URL must be an http:// or https:// address (got \(configuration.publicURL)).")
        }
        return configuration
    }

    private func readJobs(into configuration: inout LyceumConfiguration) throws(ConfigurationError) {
        if let roles = text("roles") {
            let names = roles.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let parsed = names.compactMap(LyceumConfiguration.Role.init(rawValue:))
            guard !parsed.isEmpty, parsed.count == names.count else {
                throw ConfigurationError("\(variable("roles")) must be web, worker or web,worker (got \(roles)).")
            }
            configuration.roles = Set(parsed)
        }
        var worker = configuration.jobWorker
        worker.concurrency = try integer("jobs.concurrency", in: 1...256) ?? worker.concurrency
        if let queues = text("jobs.queues") {
            let names = queues.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw ConfigurationError("\(variable("jobs.queues")) must name at least one queue.") }
            worker.queues = names
        }
        if let seconds = try number("jobs.leaseSeconds", in: 1...3_600) { worker.leaseDuration = .milliseconds(Int64(seconds * 1_000)) }
        if let seconds = try number("jobs.pollSeconds", in: 0.05...600) { worker.pollInterval = .milliseconds(Int64(seconds * 1_000)) }
        if let seconds = try number("jobs.drainSeconds", in: 0...3_600) { worker.drainTime = .milliseconds(Int64(seconds * 1_000)) }
        configuration.jobWorker = worker
        if let hours = try integer("jobs.retentionHours", in: 1...(24 * 365)) { configuration.jobRetention = .seconds(hours * 3_600) }
    }

    private func readCalls(into configuration: inout LyceumConfiguration) throws(ConfigurationError) {
        var socket = configuration.realtime
        if let seconds = try integer("realtime.idleSeconds", in: 10...3_600) { socket.idleTimeout = .seconds(seconds) }
        socket.maxFrameSize = try integer("realtime.maxFrameBytes", in: 1_024...(16 << 20)) ?? socket.maxFrameSize
        socket.sendQueueLimit = try integer("realtime.sendQueueBytes", in: 16_384...(64 << 20)) ?? socket.sendQueueLimit
        socket.commandBurst = try integer("realtime.commandBurst", in: 1...10_000) ?? socket.commandBurst
        socket.commandsPerSecond = try integer("realtime.commandsPerSecond", in: 1...10_000) ?? socket.commandsPerSecond
        if let origins = text("realtime.allowedOrigins") { socket.allowedOrigins = try webOrigins("realtime.allowedOrigins", origins) }
        configuration.realtime = socket
        var servers = configuration.realtime.iceServers
        if let urls = text("realtime.stunUrls") { servers.stunURLs = try iceURLs("realtime.stunUrls", urls, schemes: ["stun:", "stuns:"]) }
        if let urls = text("realtime.turnUrls") { servers.turnURLs = try iceURLs("realtime.turnUrls", urls, schemes: ["turn:", "turns:"]) }
        servers.turnSecret = try secret("realtime.turnSecret").flatMap { $0.isEmpty ? nil : $0 }
        if let seconds = try integer("realtime.turnCredentialSeconds", in: 60...(7 * 86_400)) { servers.credentialLifetime = .seconds(seconds) }
        configuration.realtime.iceServers = servers
    }

    /// Comma-separated origins, each `http(s)://host[:port]` with nothing after, lowercased as browsers send them.
    private func webOrigins(_ key: String, _ value: String) throws(ConfigurationError) -> Set<String> {
        var origins: Set<String> = []
        for text in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !text.isEmpty {
            let origin = text.hasSuffix("/") ? String(text.dropLast()) : text
            guard let url = URL(string: origin), let scheme = url.scheme, ["http", "https"].contains(scheme), let host = url.host, !host.isEmpty,
                url.path.isEmpty, url.query == nil, url.fragment == nil, url.user == nil,
                origin == "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")"
            else {
                throw ConfigurationError("\(variable(key)) must be comma-separated origins like https://learn.example.org (got \(text)).")
            }
            origins.insert(origin)
        }
        return origins
    }

    private func readObjectStorage(into configuration: inout LyceumConfiguration) throws(ConfigurationError) {
        guard let url = text("storage.url"), !url.isEmpty else { return }
        configuration.objectStorage = try ObjectStoreLocation(url)
        guard case .s3 = configuration.objectStorage else { return }
        let accessKey = text("storage.accessKeyId").flatMap { $0.isEmpty ? nil : $0 }
        let secretKey = try secret("storage.secretAccessKey").flatMap { $0.isEmpty ? nil : $0 }
        guard (accessKey == nil) == (secretKey == nil) else {
            throw ConfigurationError("\(variable("storage.accessKeyId")) and \(variable("storage.secretAccessKey")) must be set together.")
        }
        let configured = accessKey.flatMap { id in secretKey.map { AWSCredentials(accessKeyId: id, secretAccessKey: $0) } }
        configuration.objectStorageCredentials = try AWSCredentialSource.resolve(configured: configured, environment: environment)
    }

    private func readMail(into configuration: inout LyceumConfiguration) throws(ConfigurationError) {
        func address(_ key: String) throws(ConfigurationError) -> MailAddress? {
            guard let text = text(key), !text.isEmpty else { return nil }
            guard let address = MailAddress(text) else {
                throw ConfigurationError("\(variable(key)) must be an address like `Lyceum <no-reply@school.example>` (got \(text)).")
            }
            return address
        }
        let from = try address("mail.from")
        let replyTo = try address("mail.replyTo")
        guard let url = try secret("smtp.url"), !url.isEmpty else { return }
        let server = try SMTPServerURL(url)
        guard let from else {
            throw ConfigurationError("\(variable("mail.from")) is required with \(variable("smtp.url")): the address mail is sent from.")
        }
        let caFile = text("smtp.caFile").flatMap { $0.isEmpty ? nil : $0 }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ConfigurationError("\(variable("smtp.caFile")) names \(caFile), which does not exist or cannot be read.")
        }
        configuration.smtp = SMTPSettings(server: server, from: from, replyTo: replyTo, trustedCAFile: caFile)
    }

    private func readMedia(into configuration: inout LyceumConfiguration) throws(ConfigurationError) {
        var media = configuration.media
        let bytes = 1...(1 << 50)
        media.maxAvatarBytes = try integer("media.maxAvatarBytes", in: bytes).map(Int64.init) ?? media.maxAvatarBytes
        media.maxAttachmentBytes = try integer("media.maxAttachmentBytes", in: bytes).map(Int64.init) ?? media.maxAttachmentBytes
        media.maxAudioBytes = try integer("media.maxAudioBytes", in: bytes).map(Int64.init) ?? media.maxAudioBytes
        media.maxVideoBytes = try integer("media.maxVideoBytes", in: bytes).map(Int64.init) ?? media.maxVideoBytes
        media.quotaBytes = try integer("media.quotaBytes", in: bytes).map(Int64.init) ?? media.quotaBytes
        if let hours = try integer("media.pendingHours", in: 1...(24 * 365)) { media.pendingLifetime = .seconds(hours * 3_600) }
        configuration.media = media
    }

    private func readStripe(into configuration: inout LyceumConfiguration) throws(ConfigurationError) {
        var billing = configuration.billing
        billing.secretKey = try secret("stripe.secretKey").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        if let key = billing.secretKey, !key.hasPrefix("sk_"), !key.hasPrefix("rk_") {
            throw ConfigurationError("\(variable("stripe.secretKey")) must be a Stripe secret or restricted key (sk_… or rk_…).")
        }
        billing.webhookSecrets = try secret("stripe.webhookSecret").map { value in
            value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        } ?? []
        if let base = text("stripe.apiBase"), !base.isEmpty {
            guard let url = URL(string: base), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw ConfigurationError("\(variable("stripe.apiBase")) must be an http(s) address such as https://api.stripe.com (got \(base)).")
            }
            billing.apiBase = base.hasSuffix("/") ? String(base.dropLast()) : base
        }
        configuration.billing = billing
    }

    private func iceURLs(_ key: String, _ value: String, schemes: [String]) throws(ConfigurationError) -> [String] {
        let urls = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard urls.allSatisfy({ url in schemes.contains { url.lowercased().hasPrefix($0) } }) else {
            throw ConfigurationError("\(variable(key)) must be comma-separated addresses starting with \(schemes.joined(separator: " or ")) (got \(value)).")
        }
        return urls
    }

    private func text(_ key: String) -> String? {
        let configKey = ConfigKey(key)
        if let value = reader.string(forKey: configKey) { return value }
        if let value = reader.int(forKey: configKey) { return String(value) }
        if let value = reader.double(forKey: configKey) { return String(value) }
        if let value = reader.bool(forKey: configKey) { return String(value) }
        return nil
    }

    private func variable(_ key: String) -> String {
        Setting.all.first { $0.key == key }?.environmentVariable ?? key
    }

    /// A secret from its setting, or from the file named by `<VARIABLE>_FILE` (as Kubernetes and ECS mount them).
    private func secret(_ key: String) throws(ConfigurationError) -> String? {
        if let value = text(key) { return value }
        let fileVariable = variable(key) + "_FILE"
        guard let path = environment[fileVariable], !path.isEmpty else { return nil }
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError("\(fileVariable) names \(path), which cannot be read.")
        }
        return contents.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
        guard let value = text(key) else { return nil }
        guard let number = Int(value.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            throw ConfigurationError("\(variable(key)) must be a whole number from \(range.lowerBound) to \(range.upperBound) (got \(value)).")
        }
        return number
    }

    private func number(_ key: String, in range: ClosedRange<Double>) throws(ConfigurationError) -> Double? {
        guard let value = text(key) else { return nil }
        guard let number = Double(value.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            throw ConfigurationError("\(variable(key)) must be a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)) (got \(value)).")
        }
        return number
    }

    /// A budget such as `10/15m`, or `off`.
    private func budget(_ key: String, default fallback: RateBudget?) throws(ConfigurationError) -> RateBudget? {
        guard let value = text(key)?.trimmingCharacters(in: .whitespaces) else { return fallback }
        if value.lowercased() == "off" { return nil }
        guard let budget = RateBudget(value) else {
            throw ConfigurationError("\(variable(key)) must be a count per period such as 10/15m (s, m, h or d) or off (got \(value)).")
        }
        return budget
    }

    private func boolean(_ key: String) throws(ConfigurationError) -> Bool? {
        guard let value = text(key) else { return nil }
        switch value.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw ConfigurationError("\(variable(key)) must be true or false (got \(value)).")
        }
    }
}
