import Foundation
@testable import LyceumPlatform
import Testing

@Suite("MIME rendering")
struct MIMEMessageTests {
    let from = MailAddress("Lyceum <no-reply@school.example>")!
    let date = Date(timeIntervalSince1970: 1_795_554_969)  // Tue, 24 Nov 2026 21:16:09 UTC

    func render(_ message: MailMessage, eightBit: Bool = false, replyTo: MailAddress? = nil) throws -> MIMEMessage {
        try MIMEMessage(message, from: from, replyTo: replyTo, date: date, eightBit: eightBit)
    }

    @Test("the headers every message gets, with the message's own after them")
    func headers() throws {
        let message = MailMessage(
            recipient: "ada@learner.example", subject: "Welcome to Lyceum", body: "Hello",
            headers: [MailHeader("List-Unsubscribe", "<https://school.example/u/1?t=?x=?y>")],
            idempotencyKey: "mail:welcome:1"
        )
        let rendered = try render(message, replyTo: MailAddress("Help <help@school.example>"))
        let (headers, body) = MIMEReading.split(rendered.text)
        #expect(headers.map(\.name) == ["From", "To", "Reply-To", "Subject", "Date", "Message-ID", "MIME-Version", "List-Unsubscribe", "Content-Type", "Content-Transfer-Encoding"])
        let values = Dictionary(headers.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(values["From"] == "Lyceum <no-reply@school.example>")
        #expect(values["To"] == "ada@learner.example")
        #expect(values["Reply-To"] == "Help <help@school.example>")
        #expect(values["Subject"] == "Welcome to Lyceum")
        #expect(values["Date"] == "Tue, 24 Nov 2026 21:16:09 +0000")
        #expect(values["List-Unsubscribe"] == "<https://school.example/u/1?t=?x=?y>", "a URL is never taken for an encoded word")
        #expect(values["Content-Type"] == "text/plain; charset=utf-8")
        #expect(values["Content-Transfer-Encoding"] == "7bit")
        #expect(body == "Hello\r\n")
        #expect(rendered.sender == "no-reply@school.example")
    }

    @Test("the Message-ID depends only on the idempotency key, so a retry keeps it")
    func stableMessageID() throws {
        let first = try render(MailMessage(recipient: "a@x.example", subject: "A", body: "1", idempotencyKey: "mail:receipt:42"))
        let again = try MIMEMessage(
            MailMessage(recipient: "a@x.example", subject: "A", body: "1", idempotencyKey: "mail:receipt:42"), from: from, replyTo: nil,
            date: date.addingTimeInterval(600), eightBit: true
        )
        let other = try render(MailMessage(recipient: "a@x.example", subject: "A", body: "1", idempotencyKey: "mail:receipt:43"))
        #expect(first.messageID == again.messageID)
        #expect(first.messageID != other.messageID)
        #expect(first.messageID.hasPrefix("<") && first.messageID.hasSuffix("@school.example>"))
    }

    @Test("a UTF-8 subject becomes RFC 2047 encoded words, folded under 78 characters, that decode to the original")
    func encodedSubject() throws {
        let subject = "Quiz “Ελληνικά για αρχάριους” graded: 9/10 — bravo, Zoë! 🎉 Keep going with the next lesson"
        let rendered = try render(MailMessage(recipient: "a@x.example", subject: subject, body: "x"))
        let headerBlock = rendered.text.components(separatedBy: "\r\n\r\n")[0]
        #expect(headerBlock.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(headerBlock.utf8.allSatisfy { $0 < 0x80 })
        let value = try #require(MIMEReading.split(rendered.text).headers.first { $0.name == "Subject" }?.value)
        #expect(value.hasPrefix("=?UTF-8?B?"))
        #expect(MIMEReading.decodeWords(value) == subject)
    }

    @Test("a long ASCII subject is folded at spaces and unfolds to itself")
    func foldedASCIISubject() throws {
        let subject = Array(repeating: "lesson", count: 30).joined(separator: " ")
        let rendered = try render(MailMessage(recipient: "a@x.example", subject: subject, body: "x"))
        let headerBlock = rendered.text.components(separatedBy: "\r\n\r\n")[0]
        #expect(headerBlock.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        let value = try #require(MIMEReading.split(rendered.text).headers.first { $0.name == "Subject" }?.value)
        #expect(value.replacingOccurrences(of: "\r\n", with: "") == subject)
    }

    @Test("no value can add a header: CR and LF in the subject and extra headers become spaces")
    func headerInjection() throws {
        let message = MailMessage(
            recipient: "a@x.example", subject: "Hi\r\nBcc: victim@evil.example", body: "x",
            headers: [MailHeader("X-Note", "one\nBcc: other@evil.example"), MailHeader("Bcc", "sneaky@evil.example")]
        )
        let rendered = try render(message)
        let names = MIMEReading.split(rendered.text).headers.map(\.name)
        #expect(!names.contains("Bcc"))
        #expect(names.filter { $0 == "X-Note" }.count == 1)
        #expect(MIMEReading.split(rendered.text).headers.first { $0.name == "Subject" }?.value == "Hi  Bcc: victim@evil.example")
        #expect(throws: MIMEError.self) { try render(MailMessage(recipient: "a@x.example", subject: "s", body: "b", headers: [MailHeader("Bad Name", "v")])) }
        #expect(throws: MIMEError.self) { try render(MailMessage(recipient: "a@x.example\r\nBcc: x@y.example", subject: "s", body: "b")) }
        #expect(throws: MIMEError.self) { try render(MailMessage(recipient: "Zoë <zoë@x.example>", subject: "s", body: "b")) }
    }

    @Test("text and HTML go as multipart/alternative: text first, both UTF-8, quoted-printable without 8BITMIME")
    func multipart() throws {
        let text = "Grüße, Zoë!\n" + String(repeating: "é", count: 600) + "\n.hidden line\n"
        let html = "<p>Grüße, <b>Zoë</b>!</p>"
        let rendered = try render(MailMessage(recipient: "a@x.example", subject: "s", body: text, html: html, idempotencyKey: "k"))
        let (headers, body) = MIMEReading.split(rendered.text)
        let contentType = try #require(headers.first { $0.name == "Content-Type" }?.value)
        #expect(contentType.hasPrefix("multipart/alternative; boundary=\""))
        let boundary = String(contentType.split(separator: "\"")[1])
        let parts = body.components(separatedBy: "--\(boundary)")
        #expect(parts.count == 4)
        #expect(parts[3] == "--\r\n")
        let plain = MIMEReading.split(String(decoding: parts[1].utf8.dropFirst(2), as: UTF8.self))
        let rich = MIMEReading.split(String(decoding: parts[2].utf8.dropFirst(2), as: UTF8.self))
        #expect(plain.headers.first { $0.name == "Content-Type" }?.value == "text/plain; charset=utf-8")
        #expect(rich.headers.first { $0.name == "Content-Type" }?.value == "text/html; charset=utf-8")
        #expect(plain.headers.first { $0.name == "Content-Transfer-Encoding" }?.value == "quoted-printable")
        #expect(body.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        // Each part is followed by the CRLF that belongs to the next boundary.
        #expect(MIMEReading.quotedPrintable(plain.body) == text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        #expect(MIMEReading.quotedPrintable(rich.body) == html + "\r\n")
        #expect(!rendered.needsEightBit)
    }

    @Test("with 8BITMIME, UTF-8 text goes as 8bit while its lines are short enough, else quoted-printable")
    func eightBit() throws {
        let short = try render(MailMessage(recipient: "a@x.example", subject: "s", body: "Grüße\n"), eightBit: true)
        #expect(short.text.contains("Content-Transfer-Encoding: 8bit\r\n\r\nGrüße\r\n"))
        #expect(short.needsEightBit)
        let long = try render(MailMessage(recipient: "a@x.example", subject: "s", body: String(repeating: "ü", count: 600)), eightBit: true)
        #expect(long.text.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(long.text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
    }

    @Test("DATA: line breaks become CRLF, lines starting with a dot get another, and a lone dot ends it")
    func dotStuffing() {
        #expect(SMTPText.normalisingLineBreaks("a\nb\r\nc\rd") == "a\r\nb\r\nc\r\nd")
        #expect(SMTPText.dataPayload("Subject: x\r\n\r\n.hidden\n..two\nend.\n.\n") == "Subject: x\r\n\r\n..hidden\r\n...two\r\nend.\r\n..\r\n.\r\n")
    }

    @Test("quoted-printable keeps lines at 76 and escapes '=' and trailing spaces")
    func quotedPrintable() {
        let encoded = QuotedPrintable.encode("a=b  \r\n" + String(repeating: "x", count: 200))
        #expect(encoded.hasPrefix("a=3Db =20\r\n"))
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(MIMEReading.quotedPrintable(encoded) == "a=b  \r\n" + String(repeating: "x", count: 200))
    }

    @Test("addresses: a display name is quoted or encoded as needed")
    func addresses() throws {
        #expect(MailAddress("no-reply@school.example")?.displayName == nil)
        #expect(MailAddress("\"Lyceum, Inc.\" <a@b.example>")?.displayName == "Lyceum, Inc.")
        #expect(MailAddress("not an address") == nil)
        #expect(MailAddress("<a@b@c>") == nil)
        let rendered = try MIMEMessage(
            MailMessage(recipient: "a@x.example", subject: "s", body: "b"), from: MailAddress("Lyceum, Inc. <a@b.example>")!,
            replyTo: MailAddress("Zoë Support <help@b.example>"), date: date, eightBit: false
        )
        let headers = MIMEReading.split(rendered.text).headers
        #expect(headers.first { $0.name == "From" }?.value == "\"Lyceum, Inc.\" <a@b.example>")
        let replyTo = try #require(headers.first { $0.name == "Reply-To" }?.value)
        #expect(replyTo.hasPrefix("=?UTF-8?B?"))
        #expect(MIMEReading.decodeWords(replyTo) == "Zoë Support <help@b.example>")
    }
}
