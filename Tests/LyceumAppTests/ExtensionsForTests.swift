import HTTPTypes
import Identity
import LyceumApp

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-Id")!
}

extension LyceumServices {
    /// The Identity service, as the Identity module published it.
    func identity() throws -> IdentityService { try require(IdentityService.self) }
}
