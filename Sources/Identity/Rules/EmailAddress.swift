import Foundation
import LyceumContracts
import LyceumCore

/// Email address rules: what we accept and the one normal form we store.
///
/// Internationalised addresses (Unicode local parts and domains) are accepted. The normal form is
/// trimmed, NFC-composed and lowercased, so `Ada@Example.org` and `ada@example.org` are one account.
public enum EmailAddress {
    /// The normal form of `raw`, or 422 with `fields.email` saying what is wrong.
    public static func normalize(_ raw: String) throws(AppError) -> String {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping.lowercased()
        guard !email.isEmpty else { throw invalid("is required") }
        guard email.utf8.count <= 254 else { throw invalid("must be at most 254 bytes") }
        guard !email.unicodeScalars.contains(where: isForbidden) else {
            throw invalid("must not contain spaces or control characters")
        }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw invalid("must look like name@example.org") }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.utf8.count <= 64 else { throw invalid("must have a name before @ of at most 64 bytes") }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw invalid("must not have leading, trailing or repeated dots before @")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 63 && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        else { throw invalid("must have a domain such as example.org") }
        return email
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: break
        }
        return "<>()[],;:\\\"".unicodeScalars.contains(scalar)
    }

    private static func invalid(_ problem: String) -> AppError {
        AppError.validation(["email": problem])
    }
}
