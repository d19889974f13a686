import Foundation
import LyceumPlatform
import Testing

/// AWS's published Signature Version 4 test suite (the `aws4_testsuite` folder botocore ships in its source
/// distribution on PyPI), unpacked by `scripts/start-test-services` and named by `LYCEUM_TEST_SIGV4_SUITE`.
/// Every case's canonical request, string to sign and `Authorization` header must match.
@Suite("SigV4 signer against AWS's test suite")
struct SigV4SuiteTests {
    static let directory = ProcessInfo.processInfo.environment["LYCEUM_TEST_SIGV4_SUITE"].flatMap { $0.isEmpty ? nil : $0 }

    /// Cases the brief names, which must be present in the suite (so a renamed folder cannot silently shrink it).
    static let required = [
        "get-vanilla", "get-vanilla-query-order-key-case", "post-x-www-form-urlencoded", "get-header-value-trim",
        "normalize-path/get-space", "get-utf8", "post-vanilla-query", "get-vanilla-with-session-token",
        "post-sts-token/post-sts-header-before",
    ]

    @Test(
        "every case matches: canonical request, string to sign, signature",
        .enabled(if: directory != nil, "LYCEUM_TEST_SIGV4_SUITE is not set: run scripts/start-test-services and source .test-services.env")
    )
    func suite() throws {
        let root = try #require(Self.directory)
        let cases = try SigV4SuiteCase.all(in: root)
        for name in Self.required {
            #expect(cases.contains { $0.name == name }, "the suite has no case \(name)")
        }
        #expect(cases.count >= 25)
        for testCase in cases {
            let signer = SigV4Signer(
                credentials: AWSCredentials(
                    accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: testCase.sessionToken
                ),
                region: "us-east-1", service: "service", normalizesPath: true
            )
            let canonical = signer.canonicalRequest(testCase.request)
            #expect(canonical == testCase.expectedCanonicalRequest, "\(testCase.name): canonical request")
            let stringToSign = signer.stringToSign(canonicalRequest: canonical, date: testCase.date)
            #expect(stringToSign == testCase.expectedStringToSign, "\(testCase.name): string to sign")
            #expect(signer.authorization(for: testCase.request, date: testCase.date) == testCase.expectedAuthorization, "\(testCase.name): authorization")
        }
    }
}

/// One folder of the suite: `NAME.req` (the request), `.creq`, `.sts` and `.authz` (the expected steps).
/// A case whose signature covers a session token it shows only in the signed request (`.sreq`) gets the
/// `X-Amz-Security-Token` header the signer's caller adds.
struct SigV4SuiteCase {
    let name: String
    let request: SigV4Request
    let sessionToken: String?
    let date: Date
    let expectedCanonicalRequest: String
    let expectedStringToSign: String
    let expectedAuthorization: String

    static func all(in root: String) throws -> [SigV4SuiteCase] {
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".req") }.sorted().map { file in
            let folder = (file as NSString).deletingLastPathComponent
            let base = root + "/" + String(file.dropLast(4))
            func read(_ suffix: String) throws -> String { try String(contentsOfFile: base + suffix, encoding: .utf8) }
            return try SigV4SuiteCase(
                name: folder, requestText: read(".req"), signedText: read(".sreq"), canonical: read(".creq"), stringToSign: read(".sts"),
                authorization: read(".authz")
            )
        }
    }

    init(name: String, requestText: String, signedText: String, canonical: String, stringToSign: String, authorization: String) throws {
        self.name = name
        expectedCanonicalRequest = canonical
        expectedStringToSign = stringToSign
        expectedAuthorization = authorization
        let (head, body) = Self.splitBody(requestText)
        var lines = head.components(separatedBy: "\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        let method = String(requestLine[0])
        // The target runs from the method to the protocol; it may hold spaces (`/example space/`).
        let target = requestLine.dropFirst().dropLast().joined(separator: " ")
        let (path, queryText) = target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) } ?? (target, "")
        let query = queryText.split(separator: "&").map { pair -> (name: String, value: String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in text.removingPercentEncoding ?? String(text) }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        let tokenHeader = "X-Amz-Security-Token:"
        if authorization.contains("x-amz-security-token"), !headers.contains(where: { $0.name.lowercased() == "x-amz-security-token" }),
            let line = signedText.components(separatedBy: "\n").first(where: { $0.hasPrefix(tokenHeader) })
        {
            sessionToken = String(line.dropFirst(tokenHeader.count))
            headers.append(("X-Amz-Security-Token", sessionToken ?? ""))
        } else {
            sessionToken = nil
        }
        let dateText = try #require(headers.first { $0.name.lowercased() == "x-amz-date" }?.value)
        date = try #require(Self.parseAmzDate(dateText))
        request = SigV4Request(
            method: method, path: path.removingPercentEncoding ?? path, query: query, headers: headers,
            payloadHash: SigV4Signer.sha256Hex(Array(body.utf8))
        )
    }

    private static func splitBody(_ text: String) -> (String, String) {
        guard let range = text.range(of: "\n\n") else { return (text, "") }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    private static func parseAmzDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }
}
