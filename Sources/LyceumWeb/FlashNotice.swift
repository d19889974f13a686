import Foundation
import Hummingbird
import LyceumHTTP

/// A one-time message carried across a redirect in a short-lived cookie ("Deleted the lesson “Orbits”."), so
/// the page after a change can say what was done to what, and no link can make a page show text of its choosing.
public enum FlashNotice {
    /// The cookie that carries the notice.
    public static let cookieName = "lyceum_notice"

    /// A 303 redirect to `location` that shows `notice` on the next page read.
    public static func redirect(to location: String, notice: String, context: AppRequestContext) -> Response {
        var response = PageRenderer.redirect(to: location)
        let value = notice.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        response.setCookie(WebSessionMiddleware.cookie(cookieName, value: value, maxAge: 60, secure: context.isSecure))
        return response
    }

    /// The notice `request` carries, if any (at most 500 characters).
    public static func notice(in request: Request) -> String? {
        guard let value = request.cookies[cookieName]?.value, !value.isEmpty, value.utf8.count <= 6000 else { return nil }
        return value.removingPercentEncoding.map { String($0.prefix(500)) }
    }

    /// `response` with the notice cookie cleared, once its page has shown the notice.
    public static func consumed(_ response: Response, request: Request, context: AppRequestContext) -> Response {
        guard request.cookies[cookieName] != nil else { return response }
        var response = response
        response.setCookie(WebSessionMiddleware.cookie(cookieName, value: "", maxAge: 0, secure: context.isSecure))
        return response
    }
}
