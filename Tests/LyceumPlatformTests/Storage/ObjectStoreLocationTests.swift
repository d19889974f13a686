import Foundation
import LyceumPlatform
import Testing

@Suite("LYCEUM_STORAGE_URL")
struct ObjectStoreLocationTests {
    @Test("file:// is the data directory's objects folder; file:///path is that folder")
    func disk() throws {
        #expect(try ObjectStoreLocation("file://") == .disk(path: nil))
        #expect(try ObjectStoreLocation("file:///srv/lyceum/objects") == .disk(path: "/srv/lyceum/objects"))
    }

    @Test("s3:// with region, endpoint and path-style addressing")
    func s3() throws {
        let location = try ObjectStoreLocation("s3://lyceum-media?region=eu-west-1&endpoint=http://127.0.0.1:8333&pathStyle=true")
        #expect(location == .s3(S3Location(bucket: "lyceum-media", region: "eu-west-1", endpoint: URL(string: "http://127.0.0.1:8333"), pathStyle: true)))
        guard case .s3(let aws) = try ObjectStoreLocation("s3://lyceum-media?region=eu-west-1") else { Issue.record("not s3"); return }
        #expect(aws.endpoint.absoluteString == "https://s3.eu-west-1.amazonaws.com" && !aws.pathStyle)
    }

    @Test("refuses what cannot work, with a sentence naming the setting", arguments: [
        "ftp://x", "file://host/path", "s3://", "s3://UPPER", "s3://ab", "s3://bucket/path", "s3://bucket?endpoint=ftp://x",
        "s3://bucket?endpoint=http://h/p", "s3://bucket?pathStyle=maybe", "s3://bucket?regoin=eu-west-1", "not a url",
    ])
    func refuses(text: String) {
        #expect {
            try ObjectStoreLocation(text)
        } throws: { error in
            (error as? ConfigurationError)?.message.contains("LYCEUM_STORAGE_URL") == true
        }
    }
}
