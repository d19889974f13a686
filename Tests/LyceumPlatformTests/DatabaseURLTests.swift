import LyceumPlatform
import Testing

@Suite("Database URLs")
struct DatabaseURLTests {
    @Test("parses every part, with percent-encoded secrets")
    func parses() throws {
        let url = try DatabaseURL("postgres://app%40corp:p%2Fss@db.internal:6543/lyceum?sslmode=require")
        #expect(url.host == "db.internal")
        #expect(url.port == 6543)
        #expect(url.username == "app@corp")
        #expect(url.password == "p/ss")
        #expect(url.database == "lyceum")
        #expect(url.sslMode == "require")
    }

    @Test("percent-encoding is undone exactly once")
    func decodesOnce() throws {
        let url = try DatabaseURL("postgres://app:a%2541b@db/my%2520db")
        #expect(url.password == "a%41b")
        #expect(url.database == "my%20db")
    }

    @Test("defaults the port to 5432, the database to the user and sslmode to prefer")
    func defaults() throws {
        let url = try DatabaseURL("postgresql://lyceum@localhost")
        #expect(url.port == 5432)
        #expect(url.database == "lyceum")
        #expect(url.sslMode == "prefer")
    }

    @Test(
        "rejects what cannot work with one clear sentence",
        arguments: ["mysql://u@h/db", "postgres:///db", "postgres://h/db", "not a url", "postgres://u@h/db?sslmode=sometimes"]
    )
    func rejects(text: String) {
        #expect(throws: ConfigurationError.self) { try DatabaseURL(text) }
    }
}
