import Foundation
import LyceumPlatform
import Testing

/// The worked examples of Amazon S3's API reference ("Signature Calculations for the Authorization Header"
/// and "Authenticating Requests: Using Query Parameters"): the S3 flavour of SigV4, with
/// `x-amz-content-sha256`, no path normalisation, and a presigned URL.
@Suite("SigV4 signer against the S3 documentation's examples")
struct SigV4S3ExampleTests {
    let signer = SigV4Signer(
        credentials: AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "s3"
    )
    let date = Date(timeIntervalSince1970: 1_369_353_600)  // 2013-05-24T00:00:00Z
    let host = ("host", "examplebucket.s3.amazonaws.com")

    func signature(_ request: SigV4Request) -> String {
        String(signer.authorization(for: request, date: date).split(separator: "=").last ?? "")
    }

    @Test("GET object with a Range header")
    func getObject() {
        let request = SigV4Request(
            method: "GET", path: "/test.txt",
            headers: [host, ("Range", "bytes=0-9"), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash), ("x-amz-date", "20130524T000000Z")],
            payloadHash: SigV4Signer.emptyPayloadHash
        )
        #expect(
            signer.canonicalRequest(request) == """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """
        )
        #expect(signature(request) == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test("PUT object: a key with `$`, a signed payload hash, extra amz headers")
    func putObject() {
        let payload = SigV4Signer.sha256Hex(Array("Welcome to Amazon S3.".utf8))
        #expect(payload == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let request = SigV4Request(
            method: "PUT", path: "/test$file.text",
            headers: [
                ("Date", "Fri, 24 May 2013 00:00:00 GMT"), host, ("x-amz-content-sha256", payload),
                ("x-amz-date", "20130524T000000Z"), ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            ],
            payloadHash: payload
        )
        #expect(signer.canonicalRequest(request).split(separator: "\n")[1] == "/test%24file.text")
        #expect(signature(request) == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test("GET bucket lifecycle: a query parameter without a value")
    func bucketLifecycle() {
        let request = SigV4Request(
            method: "GET", path: "/", query: [("lifecycle", "")],
            headers: [host, ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash), ("x-amz-date", "20130524T000000Z")],
            payloadHash: SigV4Signer.emptyPayloadHash
        )
        #expect(signature(request) == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
    }

    @Test("list objects: query parameters sorted")
    func listObjects() {
        let request = SigV4Request(
            method: "GET", path: "/", query: [("prefix", "J"), ("max-keys", "2")],
            headers: [host, ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash), ("x-amz-date", "20130524T000000Z")],
            payloadHash: SigV4Signer.emptyPayloadHash
        )
        #expect(signer.canonicalRequest(request).split(separator: "\n", omittingEmptySubsequences: false)[2] == "max-keys=2&prefix=J")
        #expect(signature(request) == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    @Test("presigned GET URL valid for a day")
    func presignedGet() {
        let request = SigV4Request(method: "GET", path: "/test.txt", headers: [host], payloadHash: SigV4Signer.unsignedPayload)
        let query = signer.presignedQuery(for: request, date: date, expires: 86_400)
        #expect(query.map(\.name) == [
            "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature",
        ])
        #expect(query.first { $0.name == "X-Amz-Credential" }?.value == "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request")
        #expect(query.last?.value == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    }

    @Test("a session token is signed into a presigned URL")
    func presignedWithSessionToken() {
        let temporary = SigV4Signer(
            credentials: AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sessionToken: "token/with+chars"),
            region: "us-east-1", service: "s3"
        )
        let request = SigV4Request(method: "GET", path: "/test.txt", headers: [host], payloadHash: SigV4Signer.unsignedPayload)
        let withToken = temporary.presignedQuery(for: request, date: date, expires: 86_400)
        #expect(withToken.contains { $0.name == "X-Amz-Security-Token" && $0.value == "token/with+chars" })
        #expect(withToken.last?.value != "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    }
}
