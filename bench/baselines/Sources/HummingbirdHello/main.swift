// Hummingbird with nothing added: one route answering the same 15-byte JSON as `/health/live`, through the
// router and the async request path Lyceum is built on. Usage: HummingbirdHello PORT
import Hummingbird
import Logging

let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 8082
let body = ByteBuffer(string: #"{"status":"ok"}"#)
let router = Router()
router.get("/health/live") { _, _ in
    Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
}
var logger = Logger(label: "hello")
logger.logLevel = .warning
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
try await app.runService()
