import Foundation
import HTTPTypes
import Identity
@testable import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Rate limits")
struct RateLimitTests {
    @Test("budgets parse as count/period and refill evenly")
    func buckets() async throws {
        #expect(RateBudget("10/15m") == RateBudget(capacity: 10, period: 900))
        #expect(RateBudget("600/1m")?.description == "600/1m")
        for bad in ["", "10", "0/1m", "10/0m", "10/1w", "ten/1m", "-1/1m"] { #expect(RateBudget(bad) == nil, "\(bad) parsed") }
        let limiter = InProcessRateLimiter()
        let budget = RateBudget(capacity: 2, period: 60)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(await limiter.take("k", budget: budget, now: start).allowed)
        #expect(await limiter.take("k", budget: budget, now: start).remaining == 0)
        let refused = await limiter.take("k", budget: budget, now: start)
        #expect(!refused.allowed)
        #expect(refused.retryAfterSeconds == 30)
        #expect(await limiter.take("other", budget: budget, now: start).allowed, "buckets are per key")
        #expect(await limiter.take("k", budget: budget, now: start.addingTimeInterval(30)).allowed, "a token comes back in 30 s")
    }

    @Test("X-Forwarded-For is believed only from trusted proxies, right to left")
    func trustedProxies() throws {
        let proxies = try #require(TrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8"))
        #expect(proxies.client(peer: "10.1.2.3", forwardedFor: "203.0.113.7") == "203.0.113.7")
        #expect(proxies.client(peer: "10.1.2.3", forwardedFor: "198.51.100.1, 203.0.113.7, 10.9.9.9") == "203.0.113.7",
                "a client-supplied left-most entry must not win")
        #expect(proxies.client(peer: "203.0.113.9", forwardedFor: "1.2.3.4") == "203.0.113.9", "an untrusted peer's header is ignored")
        #expect(proxies.client(peer: "fd12::1", forwardedFor: "2001:db8::7") == "2001:db8::7")
        #expect(proxies.client(peer: "10.1.2.3", forwardedFor: "not-an-address") == "10.1.2.3")
        #expect(TrustedProxies.none.client(peer: "10.1.2.3", forwardedFor: "203.0.113.7") == "10.1.2.3")
        #expect(TrustedProxies("10.0.0.0/33") == nil)
        #expect(TrustedProxies("example.org") == nil)
    }

    @Test("the general API budget answers 429 with Retry-After and RateLimit headers", arguments: TestEngine.available)
    func apiBudget(engine: TestEngine) async throws {
        try await TestApp.run(engine, configure: { $0.apiRateLimit = RateBudget(capacity: 3, period: 60) }) { app in
            for expected in [2, 1, 0] {
                let reply = try await app.request(.get, "/api/v1/courses")
                #expect(reply.status == .ok)
                #expect(reply.headers[.rateLimitLimit] == "3")
                #expect(reply.headers[.rateLimitRemaining] == String(expected))
            }
            let refused = try await app.request(.get, "/api/v1/courses")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.errorCode == "rate_limited")
            #expect((1...20).contains(Int(refused.headers[.retryAfter] ?? "") ?? 0), "Retry-After is the wait for one token")
            app.clock.advance(by: 20)
            #expect(try await app.request(.get, "/api/v1/courses").status == .ok, "a token returned after Retry-After")
            #expect(try await Browser(app).get("/courses").status == .ok, "pages are not part of the API budget")
        }
    }

    @Test("sign-in is throttled per account on the API and on the sign-in page", arguments: TestEngine.available)
    func signInBudget(engine: TestEngine) async throws {
        try await TestApp.run(engine, configure: { $0.actionLimits.signInPerAccount = RateBudget(capacity: 3, period: 900) }) { app in
            let student = try await app.register()
            for _ in 0..<2 {
                let wrong = try await app.request(.post, "/api/v1/auth/login", json: ["email": student.email, "password": "wrong password!"])
                #expect(wrong.status == .unauthorized)
            }
            #expect(try await app.request(.post, "/api/v1/auth/login", json: ["email": student.email, "password": student.password]).status == .ok)
            let refused = try await app.request(.post, "/api/v1/auth/login", json: ["email": student.email.uppercased(), "password": student.password])
            #expect(refused.status == .tooManyRequests, "the right password does not bypass a spent budget")
            #expect((1...300).contains(Int(refused.headers[.retryAfter] ?? "") ?? 0))
            let browser = Browser(app)
            _ = try await browser.get("/signin")
            let page = try await browser.post("/signin", form: ["email": student.email, "password": student.password])
            #expect(page.status == .tooManyRequests)
            #expect((1...300).contains(Int(page.headers[.retryAfter] ?? "") ?? 0))
            #expect(page.text.contains("Too many attempts"))
            #expect(page.text.contains("name=\"password\""), "the sign-in form is shown again")
            let other = try await app.register()
            #expect(try await app.request(.post, "/api/v1/auth/login", json: ["email": other.email, "password": other.password]).status == .ok,
                    "another account is not affected")
        }
    }

    @Test("registration, password reset and verification resends have their own budgets", arguments: TestEngine.available)
    func actionBudgets(engine: TestEngine) async throws {
        try await TestApp.run(engine, configure: { configuration in
            configuration.actionLimits.registrationPerAddress = RateBudget(capacity: 2, period: 3600)
            configuration.actionLimits.passwordResetPerAccount = RateBudget(capacity: 1, period: 3600)
            configuration.actionLimits.verificationPerAccount = RateBudget(capacity: 1, period: 3600)
        }) { app in
            let student = try await app.register()
            _ = try await app.register()
            let third = try await app.request(
                .post, "/api/v1/auth/register",
                json: ["email": "third@example.org", "password": "a long enough password", "displayName": "Third"]
            )
            #expect(third.status == .tooManyRequests)
            #expect(try await app.services.identity().hasNoAccounts() == false)
            let browser = Browser(app)
            _ = try await browser.get("/signup")
            let signup = try await browser.post("/signup", form: ["email": "page@example.org", "password": "a long enough password", "displayName": "P"])
            #expect(signup.status == .tooManyRequests, "the sign-up page shares the budget")
            #expect(try await app.mail(to: "third@example.org").isEmpty)

            #expect(try await app.request(.post, "/api/v1/auth/password-reset", json: ["email": student.email]).status == .accepted)
            let again = try await app.request(.post, "/api/v1/auth/password-reset", json: ["email": student.email])
            #expect(again.status == .tooManyRequests)
            #expect(try await app.mail(to: student.email).filter { $0.body.contains("reset-password") }.count == 1)

            #expect(try await app.request(.post, "/api/v1/me/verification-email", token: student.accessToken).status == .accepted)
            #expect(try await app.request(.post, "/api/v1/me/verification-email", token: student.accessToken).status == .tooManyRequests)
        }
    }

    @Test("a password reset takes as long for an unknown address as for a known one", arguments: TestEngine.available)
    func resetTiming(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let student = try await app.register()
            for email in [student.email, "nobody-\(UUID().uuidString.prefix(6))@example.org"] {
                let started = ContinuousClock.now
                let reply = try await app.request(.post, "/api/v1/auth/password-reset", json: ["email": email])
                let elapsed = ContinuousClock.now - started
                #expect(reply.status == .accepted)
                #expect(elapsed >= .milliseconds(250), "\(email) answered after \(elapsed)")
            }
        }
    }

    @Test("budgets are settings, and a bad one stops start-up with a sentence")
    func settings() async throws {
        let configuration = try await LyceumConfiguration.load(
            flags: [:],
            environment: ["LYCEUM_RATE_LIMIT_API": "off", "LYCEUM_RATE_LIMIT_SIGN_IN_PER_ACCOUNT": "3/1h", "LYCEUM_HTTP_TRUSTED_PROXIES": "10.0.0.0/8"]
        )
        #expect(configuration.apiRateLimit == nil)
        #expect(configuration.actionLimits.signInPerAccount == RateBudget(capacity: 3, period: 3600))
        #expect(configuration.actionLimits.signInPerAddress == ActionLimits().signInPerAddress)
        #expect(configuration.trustedProxies.contains("10.2.3.4"))
        await #expect(throws: ConfigurationError.self) {
            _ = try await LyceumConfiguration.load(flags: [:], environment: ["LYCEUM_RATE_LIMIT_API": "lots"])
        }
    }
}
