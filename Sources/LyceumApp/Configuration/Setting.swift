import Configuration

/// One configuration setting: where it can come from and what it means. The list is the single source of
/// truth for the README's configuration table (a test keeps them in step).
public struct Setting: Sendable {
    /// The swift-configuration key; `LYCEUM_` plus its upper-snake-case form is the environment variable.
    public let key: String
    /// The command-line flag of `lyceum serve`, when there is one.
    public let flag: String?
    /// The default, in words.
    public let defaultDescription: String
    /// What the setting does.
    public let summary: String
    /// Whether the value is a secret that may also come from a file (`..._FILE`).
    public let isSecret: Bool

    /// The environment variable that sets it.
    public var environmentVariable: String {
        "LYCEUM_" + key.split(separator: ".").map { component -> String in
            var words = ""
            var previous: Character?
            for character in component {
                if let previous, previous.isLowercase, character.isUppercase { words.append("_") }
                words.append(character)
                previous = character
            }
            return words.uppercased()
        }.joined(separator: "_")
    }

    /// Every setting Lyceum reads.
    public static let all: [Setting] = [
        Setting(key: "host", flag: "--host", defaultDescription: "`127.0.0.1`", summary: "Address to listen on. Use `0.0.0.0` in containers.", isSecret: false),
        Setting(key: "port", flag: "--port", defaultDescription: "`8080`", summary: "TCP port to listen on (0 picks a free one).", isSecret: false),
        Setting(key: "dataDir", flag: "--data-dir", defaultDescription: "`./lyceum-data`", summary: "Directory for the SQLite database and the generated JWT key.", isSecret: false),
        Setting(key: "database.url", flag: nil, defaultDescription: "SQLite in the data directory", summary: "`postgres://user:pass@host:5432/db?sslmode=require` switches to PostgreSQL.", isSecret: true),
        Setting(key: "database.poolSize", flag: nil, defaultDescription: "`10`", summary: "Most pooled PostgreSQL connections per process; each also holds one `LISTEN` connection per pub/sub channel (up to 5: sessions, cache, jobs, real-time, notifications), so keep replicas × (pool + 5) ≤ `max_connections`.", isSecret: false),
        Setting(key: "database.migrateOnStart", flag: nil, defaultDescription: "`true`", summary: "Apply pending migrations when `serve` starts (safe with many replicas).", isSecret: false),
        Setting(key: "storage.url", flag: nil, defaultDescription: "`file://` (`<data dir>/objects`)", summary: "Where uploaded files live: `file://`, `file:///absolute/path`, or an S3-compatible bucket `s3://bucket?region=eu-west-1` (add `&endpoint=https://host:port&pathStyle=true` for MinIO or SeaweedFS). Several replicas need S3 (or one shared directory). See `docs/deploy/object-storage.md`.", isSecret: false),
        Setting(key: "storage.accessKeyId", flag: nil, defaultDescription: "`AWS_ACCESS_KEY_ID`, else the ECS/EKS task role", summary: "Access key of the S3 store; with the secret below it overrides the `AWS_*` variables and the container credentials endpoint (`AWS_CONTAINER_CREDENTIALS_FULL_URI`/`_RELATIVE_URI`, renewed before expiry).", isSecret: false),
        Setting(key: "storage.secretAccessKey", flag: nil, defaultDescription: "`AWS_SECRET_ACCESS_KEY`, else the ECS/EKS task role", summary: "Secret key of the S3 store, used only to sign requests.", isSecret: true),
        Setting(key: "media.maxAvatarBytes", flag: nil, defaultDescription: "`5242880` (5 MiB)", summary: "Largest profile picture (PNG, JPEG, WebP); larger uploads get 413 `file_too_large`.", isSecret: false),
        Setting(key: "media.maxAttachmentBytes", flag: nil, defaultDescription: "`104857600` (100 MiB)", summary: "Largest attachment (PDF, Office documents, text, images, ZIP).", isSecret: false),
        Setting(key: "media.maxAudioBytes", flag: nil, defaultDescription: "`524288000` (500 MiB)", summary: "Largest recording (MP3, WAV, OGG, M4A).", isSecret: false),
        Setting(key: "media.maxVideoBytes", flag: nil, defaultDescription: "`2147483648` (2 GiB)", summary: "Largest video (MP4, WebM).", isSecret: false),
        Setting(key: "media.quotaBytes", flag: nil, defaultDescription: "`10737418240` (10 GiB)", summary: "Bytes of uploads (finished and in progress) one user may keep; beyond it, 413 `quota_exceeded`.", isSecret: false),
        Setting(key: "media.pendingHours", flag: nil, defaultDescription: "`24`", summary: "Hours an unfinished upload is kept before the hourly cleanup job deletes it and its object.", isSecret: false),
        Setting(key: "smtp.url", flag: nil, defaultDescription: "none (mail kept in the `mail_outbox` table)", summary: "The SMTP relay mail goes out through: `smtps://user:pass@host:465` (TLS from the start) or `smtp://user:pass@host:587?starttls=required` (`required` is the default; `optional`, or `off` for a relay on this machine); user and password percent-encoded. Amazon SES: `smtp://SMTP_USER:SMTP_PASSWORD@email-smtp.eu-west-1.amazonaws.com:587`. See `docs/mail.md`.", isSecret: true),
        Setting(key: "mail.from", flag: nil, defaultDescription: "none (required with `LYCEUM_SMTP_URL`)", summary: "The sender of every email, e.g. `Lyceum <no-reply@school.example>`; the relay must allow it (SES: a verified identity).", isSecret: false),
        Setting(key: "mail.replyTo", flag: nil, defaultDescription: "none", summary: "The `Reply-To` address of every email, e.g. `Lyceum support <help@school.example>`.", isSecret: false),
        Setting(key: "smtp.caFile", flag: nil, defaultDescription: "none (the system's CAs)", summary: "A PEM file of CA certificates trusted for the relay's certificate besides the system's (a private relay). Certificates are always verified.", isSecret: false),
        Setting(key: "jwt.secret", flag: nil, defaultDescription: "generated into the data directory (SQLite only)", summary: "HMAC key for access tokens, at least 32 characters. Required with PostgreSQL.", isSecret: true),
        Setting(key: "log.level", flag: "--log-level", defaultDescription: "`info`", summary: "`trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`.", isSecret: false),
        Setting(key: "log.format", flag: "--log-format", defaultDescription: "`text`", summary: "`text` for people, `json` for log collectors (one object per line).", isSecret: false),
        Setting(key: "publicUrl", flag: "--public-url", defaultDescription: "`http://HOST:PORT`", summary: "Address users reach Lyceum at; used in email links. `https://` makes cookies `Secure`.", isSecret: false),
        Setting(key: "bcrypt.cost", flag: nil, defaultDescription: "`12`", summary: "bcrypt cost for password hashes (4–31).", isSecret: false),
        Setting(key: "http.maxBodyBytes", flag: nil, defaultDescription: "`1048576`", summary: "Largest JSON or form body accepted; larger bodies get 413.", isSecret: false),
        Setting(key: "shutdown.drainSeconds", flag: nil, defaultDescription: "`0`", summary: "On SIGTERM, how long readiness reports 503 before the server stops accepting connections (let the load balancer notice).", isSecret: false),
        Setting(key: "roles", flag: "--roles", defaultDescription: "`web,worker`", summary: "What this process runs: `web` (API and pages), `worker` (jobs and recurring jobs), or both. Every role serves `/health` and `/metrics`.", isSecret: false),
        Setting(key: "jobs.concurrency", flag: nil, defaultDescription: "`4`", summary: "Jobs one worker process runs at the same time.", isSecret: false),
        Setting(key: "jobs.queues", flag: nil, defaultDescription: "every queue", summary: "Comma-separated queues this worker serves (`default`, `mail`, `events`, `maintenance`).", isSecret: false),
        Setting(key: "jobs.leaseSeconds", flag: nil, defaultDescription: "`30`", summary: "How long a job stays leased to a worker that stopped renewing it (a crash) before another worker runs it again.", isSecret: false),
        Setting(key: "jobs.pollSeconds", flag: nil, defaultDescription: "`5`", summary: "Longest wait between two looks for due jobs when no notification arrives.", isSecret: false),
        Setting(key: "jobs.drainSeconds", flag: nil, defaultDescription: "`20`", summary: "On SIGTERM, how long running jobs may take to finish before they are put back in the queue.", isSecret: false),
        Setting(key: "realtime.idleSeconds", flag: nil, defaultDescription: "`60`", summary: "A real-time socket that sends nothing, not even a pong, for this long is closed (4000); the server pings after 25 s.", isSecret: false),
        Setting(key: "realtime.maxFrameBytes", flag: nil, defaultDescription: "`65536`", summary: "Largest message a real-time client may send; bigger closes with 1009.", isSecret: false),
        Setting(key: "realtime.sendQueueBytes", flag: nil, defaultDescription: "`262144`", summary: "Bytes queued for a real-time client beyond its socket buffer before it counts as too slow and is closed (4008).", isSecret: false),
        Setting(key: "realtime.commandBurst", flag: nil, defaultDescription: "`40`", summary: "Commands a real-time connection may send in a burst.", isSecret: false),
        Setting(key: "realtime.commandsPerSecond", flag: nil, defaultDescription: "`20`", summary: "How fast a real-time connection's command budget refills; over it, 429 errors, and far over it a 4429 close.", isSecret: false),
        Setting(key: "realtime.allowedOrigins", flag: nil, defaultDescription: "the public URL's origin", summary: "More comma-separated origins (`https://host[:port]`) whose pages may open the real-time socket with the session cookie, besides the page's own host and `LYCEUM_PUBLIC_URL`'s origin.", isSecret: false),
        Setting(key: "realtime.stunUrls", flag: nil, defaultDescription: "none", summary: "Comma-separated `stun:` addresses handed to video-call participants (`GET /api/v1/realtime/ice-servers`).", isSecret: false),
        Setting(key: "realtime.turnUrls", flag: nil, defaultDescription: "none", summary: "Comma-separated `turn:`/`turns:` addresses for calls behind strict NATs; used with `realtime.turnSecret`.", isSecret: false),
        Setting(key: "realtime.turnSecret", flag: nil, defaultDescription: "none", summary: "The secret shared with coturn (`static-auth-secret`): participants get time-limited TURN credentials in coturn's REST-API scheme.", isSecret: true),
        Setting(key: "realtime.turnCredentialSeconds", flag: nil, defaultDescription: "`3600`", summary: "How long TURN credentials last.", isSecret: false),
        Setting(key: "stripe.secretKey", flag: nil, defaultDescription: "none (paid courses are not for sale)", summary: "Stripe's secret API key (`sk_live_…` or `sk_test_…`). Without it paid courses show \"not available for purchase\" and checkout answers 402. See `docs/payments.md`.", isSecret: true),
        Setting(key: "stripe.webhookSecret", flag: nil, defaultDescription: "none (every webhook is refused)", summary: "The signing secret of the Stripe webhook endpoint `/api/v1/payments/webhook` (`whsec_…`); several, comma-separated, while rotating: any of them verifies.", isSecret: true),
        Setting(key: "stripe.apiBase", flag: nil, defaultDescription: "`https://api.stripe.com`", summary: "Stripe's API address; tests point it at a local stand-in.", isSecret: false),
        Setting(key: "jobs.retentionHours", flag: nil, defaultDescription: "`168`", summary: "How long succeeded and cancelled jobs are kept (their unique keys deduplicate until then).", isSecret: false),
        Setting(key: "http.trustedProxies", flag: nil, defaultDescription: "none", summary: "Comma-separated IP addresses or CIDR ranges of load balancers whose `X-Forwarded-For` names the client (for rate limits).", isSecret: false),
        Setting(key: "rateLimit.api", flag: nil, defaultDescription: "`600/1m`", summary: "General API budget per client address and per account, as count/period (`s`, `m`, `h`, `d`), or `off`; over it: 429 with `Retry-After`.", isSecret: false),
        Setting(key: "rateLimit.signInPerAccount", flag: nil, defaultDescription: "`10/15m`", summary: "Sign-in attempts per account (API and sign-in page), or `off`.", isSecret: false),
        Setting(key: "rateLimit.signInPerAddress", flag: nil, defaultDescription: "`50/15m`", summary: "Sign-in attempts per client address, or `off`.", isSecret: false),
        Setting(key: "rateLimit.registrationPerAddress", flag: nil, defaultDescription: "`20/1h`", summary: "New accounts per client address, or `off`.", isSecret: false),
        Setting(key: "rateLimit.passwordResetPerAccount", flag: nil, defaultDescription: "`5/1h`", summary: "Password reset requests per account, or `off`.", isSecret: false),
        Setting(key: "rateLimit.passwordResetPerAddress", flag: nil, defaultDescription: "`20/1h`", summary: "Password reset requests per client address, or `off`.", isSecret: false),
        Setting(key: "rateLimit.verificationPerAccount", flag: nil, defaultDescription: "`5/1h`", summary: "Verification email resends per account, or `off`.", isSecret: false),
        Setting(key: "demo", flag: "--demo", defaultDescription: "`false`", summary: "`serve` seeds the demo school (accounts, courses, progress, discussions, a study group) when the database is empty.", isSecret: false),
        Setting(key: "configFile", flag: "--config", defaultDescription: "none", summary: "A JSON file with any of these keys, e.g. `{\"port\": 9000, \"log\": {\"level\": \"debug\"}}`.", isSecret: false),
    ]
}
