import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// The channel handler of `CacheFastPath`, placed after HTTP decoding and before Hummingbird's request
/// handling (`HTTP1Channel.Configuration.additionalChannelHandlers`): it answers what the fast path can and
/// passes every other request on, unchanged.
///
/// Answers keep their order: while a request passed on is unanswered (HTTP/1.1 pipelining), every later
/// request is passed on too, so none overtakes it.
public final class CacheFastPathHandler: ChannelDuplexHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart
    public typealias OutboundIn = HTTPResponsePart
    public typealias OutboundOut = HTTPResponsePart

    private let fastPath: CacheFastPath
    private var peer: String?
    /// Requests passed on whose answer has not been written to the end.
    private var unanswered = 0
    /// Whether the parts of the request being read go to the router.
    private var passingOn = false
    /// The answer of the request being read, written once its end arrives.
    private var pending: CacheFastPath.Answer?

    init(fastPath: CacheFastPath) {
        self.fastPath = fastPath
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        peer = context.channel.remoteAddress?.ipAddress
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if unanswered == 0, let answer = fastPath.answer(request, peer: peer) {
                pending = answer
                passingOn = false
            } else {
                unanswered += 1
                passingOn = true
                context.fireChannelRead(data)
            }
        case .body:
            if passingOn { context.fireChannelRead(data) }
        case .end:
            if passingOn {
                context.fireChannelRead(data)
            } else if let answer = pending {
                pending = nil
                context.write(wrapOutboundOut(.head(answer.head)), promise: nil)
                if let body = answer.body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { unanswered -= 1 }
        context.write(data, promise: promise)
    }
}
