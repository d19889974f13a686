import Hummingbird
import LyceumContracts
import LyceumCore

/// The request context every Lyceum route sees.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request id echoed in `X-Request-Id` and attached to every log line of the request.
    public var requestID: String = ""
    /// The authenticated caller, when the request carried valid credentials.
    public var principal: Principal?
    /// The signed-in user's display name, for page layouts (set with `principal` by the web session).
    public var displayName: String?
    /// The signed-in user's profile picture (a page path), for page layouts; `nil` when they have none.
    public var avatarPath: String?
    /// The submitted form of a state-changing page request, read and CSRF-checked by the web layer.
    public var form: FormData?
    /// Why presented credentials were rejected (expired, revoked), reported by routes that need a caller.
    public var credentialError: AppError?
    /// The largest JSON body a route accepts, in bytes.
    public var maxBodyBytes: Int = 1 << 20
    /// The CSRF token of a browser request: the value of the `lyceum_csrf` cookie, or a new one to set.
    public var csrfToken: String?
    /// Whether the request arrived without a CSRF cookie, so the response must set one.
    public var csrfCookieIsNew = false
    /// Whether the client reached us over HTTPS (directly or through a proxy that says so).
    public var isSecure = false
    /// The address of the connection's peer (the client, or the last proxy).
    public let peerAddress: String?
    /// The client's address: the peer, or what trusted proxies say in `X-Forwarded-For`. Set by the envelope.
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The caller, or 401: the reason the presented credentials failed, else `unauthenticated`.
    public func requirePrincipal() throws(AppError) -> Principal {
        guard let principal else { throw credentialError ?? AppError.unauthenticated() }
        return principal
    }

    /// The form the web layer read and CSRF-checked before the handler ran.
    public func submittedForm() throws(AppError) -> FormData {
        guard let form else { throw AppError.malformedBody("Send the form as application/x-www-form-urlencoded.") }
        return form
    }
}
