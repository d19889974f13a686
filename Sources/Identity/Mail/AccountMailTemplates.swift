import LyceumWeb

/// The account emails Identity sends. Both are essential (no unsubscribe): they answer the recipient's own
/// action and carry a single-use link.
enum AccountMailTemplates {
    /// The email address confirmation after sign-up or a resend; values `name`, `url`, `hours`.
    static let verifyEmail = MailTemplate(
        "identity.verify-email",
        subject: "Confirm your email address for {{siteName}}",
        text: """
            Hello {{name}},

            Please confirm that this is your email address by opening this link within {{hours}} hours:

            {{url}}

            If you did not create a {{siteName}} account, you can ignore this message.
            """,
        html: """
            <p>Hello {{name}},</p>
            <p>Please confirm that this is your email address by opening this link within {{hours}} hours:</p>
            <p><a href="{{url}}" style="display:inline-block;padding:10px 18px;background:#3b3fb6;color:#ffffff;border-radius:6px;text-decoration:none;">Confirm my address</a></p>
            <p style="font-size:13px;color:#616e7c;">Or paste this link into your browser: {{url}}</p>
            <p>If you did not create a {{siteName}} account, you can ignore this message.</p>
            """
    )

    /// The password reset link; values `name`, `url`.
    static let passwordReset = MailTemplate(
        "identity.password-reset",
        subject: "Reset your {{siteName}} password",
        text: """
            Hello {{name}},

            Someone asked to reset the password of your {{siteName}} account. To choose a new password, open this
            link within one hour:

            {{url}}

            If it was not you, ignore this message; your password stays as it is.
            """,
        html: """
            <p>Hello {{name}},</p>
            <p>Someone asked to reset the password of your {{siteName}} account. To choose a new password, open this link within one hour:</p>
            <p><a href="{{url}}" style="display:inline-block;padding:10px 18px;background:#3b3fb6;color:#ffffff;border-radius:6px;text-decoration:none;">Choose a new password</a></p>
            <p style="font-size:13px;color:#616e7c;">Or paste this link into your browser: {{url}}</p>
            <p>If it was not you, ignore this message; your password stays as it is.</p>
            """
    )

    static let all = [verifyEmail, passwordReset]
}
