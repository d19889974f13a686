import LyceumHTTP
import Testing

@Suite("Access log redaction")
struct AccessLogRedactionTests {
    @Test("an unsubscribe link's token never reaches the access log; other paths are logged as they are")
    func redaction() {
        #expect(AccessLog.loggable("/unsubscribe/v1.eyJ1IjoiYSJ9.c2lnbmF0dXJl") == "/unsubscribe/[token]")
        #expect(AccessLog.loggable("/unsubscribe/") == "/unsubscribe/")
        #expect(AccessLog.loggable("/courses/intro") == "/courses/intro")
        #expect(AccessLog.loggable("/api/v1/unsubscribe/x") == "/api/v1/unsubscribe/x")
    }
}
