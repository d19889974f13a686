import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import LyceumHTTP
import NIOCore

/// The stylesheet and other static files, compiled into the binary so a single file deploys the whole UI.
///
/// URLs carry a content hash (`/static/app.css?v=…`), so browsers may cache them for a year; a new release
/// changes the hash.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let body: ByteBuffer
        let contentType: String
        let version: String
    }

    private let assets: [String: Asset]

    init() {
        var assets: [String: Asset] = [:]
        let files = [("app.css", Stylesheet.text, "text/css; charset=utf-8"), ("app.js", Script.text, "text/javascript; charset=utf-8")]
        for (name, text, type) in files {
            let digest = SHA256.hash(data: Data(text.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
            assets[name] = Asset(body: ByteBuffer(string: text), contentType: type, version: digest)
        }
        self.assets = assets
    }

    /// The versioned URL of `name`, for templates.
    func url(_ name: String) -> String {
        "/static/\(name)?v=\(assets[name]?.version ?? "0")"
    }

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get(":name", use: serve)
        return routes
    }

    @Sendable func serve(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let name = context.parameters.get("name"), let asset = assets[name] else {
            throw HTTPError(.notFound)
        }
        let etag = "\"\(asset.version)\""
        if request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: [.eTag: etag])
        }
        let immutable = request.uri.queryParameters.get("v") == asset.version
        return Response(
            status: .ok,
            headers: [
                .contentType: asset.contentType,
                .cacheControl: immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
                .eTag: etag,
            ],
            body: .init(byteBuffer: asset.body)
        )
    }
}
