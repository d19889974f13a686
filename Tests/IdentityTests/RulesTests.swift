import Foundation
@testable import Identity
import LyceumContracts
import LyceumCore
import NIOCore
import Testing

@Suite("Identity rules")
struct RulesTests {
    @Test(
        "emails are trimmed, composed and lowercased",
        arguments: [
            (" Ada@Example.ORG ", "ada@example.org"),
            ("Zoe\u{0308}@Bücher.Example", "zo\u{00EB}@bücher.example"),
            ("用户@例子.广告", "用户@例子.广告"),
            ("first.last+tag@sub.example.co.uk", "first.last+tag@sub.example.co.uk"),
        ]
    )
    func normalizes(raw: String, expected: String) throws {
        #expect(try EmailAddress.normalize(raw) == expected)
    }

    @Test(
        "malformed emails are refused with a field message",
        arguments: ["", "plain", "a@b", "a@@b.org", "a b@c.org", "@example.org", "a@.org", "a@-x.org", ".a@b.org", "a..b@c.org",
                    "a@b.org\u{0000}", "<a>@b.org", String(repeating: "x", count: 65) + "@example.org"]
    )
    func refuses(raw: String) {
        do {
            _ = try EmailAddress.normalize(raw)
            Issue.record("accepted \(raw)")
        } catch {
            #expect(error.status == 422)
            #expect(error.fields["email"] != nil)
        }
    }

    @Test("passwords need 10 to 128 characters, counted as characters")
    func passwordLength() {
        #expect(PasswordPolicy.problem(with: "123456789") != nil)
        #expect(PasswordPolicy.problem(with: "1234567890") == nil)
        #expect(PasswordPolicy.problem(with: "🎓🎓🎓🎓🎓🎓🎓🎓🎓🎓") == nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "a", count: 128)) == nil)
        #expect(PasswordPolicy.problem(with: String(repeating: "a", count: 129)) != nil)
    }

    @Test("display names and bios are trimmed and bounded")
    func profile() throws {
        #expect(try ProfileRules.displayName("  Ada  ").get() == "Ada")
        #expect((try? ProfileRules.displayName("   ").get()) == nil)
        #expect((try? ProfileRules.displayName("a\u{0007}b").get()) == nil)
        #expect((try? ProfileRules.displayName(String(repeating: "n", count: 101)).get()) == nil)
        // 60 letters with a combining accent each: 60 characters but 120 code points, over the documented maxLength.
        #expect((try? ProfileRules.displayName(String(repeating: "q\u{0301}", count: 60)).get()) == nil)
        #expect(try ProfileRules.bio("").get() == nil)
        #expect(try ProfileRules.bio("line\nline").get() == "line\nline")
    }

    @Test("bcrypt sees every byte: passwords differing after byte 72 do not match")
    func longPasswords() async throws {
        let hasher = try await PasswordHasher(cost: 4)
        let base = String(repeating: "p", count: 80)
        let hash = try await hasher.hash(base + "A")
        #expect(try await hasher.verify(base + "A", against: hash))
        #expect(try await !hasher.verify(base + "B", against: hash))
        #expect(try await !hasher.verifyAgainstDummy(base))
        let nul = try await hasher.hash("before\u{0000}after-one")
        #expect(try await !hasher.verify("before\u{0000}after-two", against: nul))
    }
}

@Suite("Identity JSON fast paths")
struct ViewEncodingTests {
    static let user = User(
        id: "2f1c", email: "zoë@example.org", displayName: "Zoë \"Z\" <b>", role: .instructor, isActive: true,
        emailVerified: false, bio: "line\none\u{0001}", createdAt: Date(timeIntervalSince1970: 1_795_463_902),
        updatedAt: Date(timeIntervalSince1970: 1_795_463_903)
    )

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    @Test("UserView's writer matches its Codable form")
    func userView() throws {
        let view = UserView(Self.user)
        let decoded = try Self.decoder.decode(UserView.self, from: Data(JSONWriter.encode(view).readableBytesView))
        #expect(decoded == view)
        let noBio = UserView(User(
            id: "x", email: "a@b.org", displayName: "A", role: .student, isActive: false, emailVerified: true, bio: nil,
            createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0)
        ))
        #expect(try Self.decoder.decode(UserView.self, from: Data(JSONWriter.encode(noBio).readableBytesView)) == noBio)
    }

    @Test("SignedInView, UserEnvelope and UserPageView writers match their Codable forms")
    func envelopes() throws {
        let signedIn = SignedInView(SignedIn(
            user: Self.user, accessToken: "a.b.c", accessTokenExpiresAt: Date(timeIntervalSince1970: 1_795_464_802),
            refreshToken: "r-token"
        ))
        #expect(try Self.decoder.decode(SignedInView.self, from: Data(JSONWriter.encode(signedIn).readableBytesView)) == signedIn)
        let envelope = UserEnvelope(user: UserView(Self.user))
        #expect(try Self.decoder.decode(UserEnvelope.self, from: Data(JSONWriter.encode(envelope).readableBytesView)) == envelope)
        for page in [UserPageView(items: [UserView(Self.user), UserView(Self.user)], nextCursor: "abc"), UserPageView(items: [], nextCursor: nil)] {
            #expect(try Self.decoder.decode(UserPageView.self, from: Data(JSONWriter.encode(page).readableBytesView)) == page)
        }
    }
}
