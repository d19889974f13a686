/// The one layout every email shares: the site's name at the top, the template's content, and a footer
/// that explains why the message came and, for non-essential mail, links to unsubscribe and to the
/// preferences page. Inline styles only, since mail clients drop `<style>` blocks and external sheets.
enum MailLayout {
    static let htmlName = "mail.layout.html"
    static let textName = "mail.layout.text"

    /// The HTML layout; `{{{content}}}` is the rendered (already escaped) template body.
    static let html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{subject}}</title>
        </head>
        <body style="margin:0;padding:0;background:#f4f5f7;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;">
        <tr><td align="center" style="padding:24px 12px;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;">
        <tr><td style="padding:20px 28px;border-bottom:1px solid #e4e7eb;">
        <a href="{{publicURL}}" style="font-size:20px;font-weight:700;color:#3b3fb6;text-decoration:none;">{{siteName}}</a>
        </td></tr>
        <tr><td style="padding:24px 28px;font-size:16px;line-height:1.5;">
        {{{content}}}
        </td></tr>
        <tr><td style="padding:16px 28px;border-top:1px solid #e4e7eb;font-size:13px;line-height:1.5;color:#616e7c;">
        {{#unsubscribeURL}}
        You received this email because of your notification settings on {{siteName}}.
        <a href="{{unsubscribeURL}}" style="color:#616e7c;">Unsubscribe</a> ·
        <a href="{{preferencesURL}}" style="color:#616e7c;">Email preferences</a>
        {{/unsubscribeURL}}
        {{^unsubscribeURL}}
        You received this email because of an action on your {{siteName}} account.
        {{/unsubscribeURL}}
        </td></tr>
        </table>
        </td></tr>
        </table>
        </body>
        </html>
        """

    /// The plain-text layout.
    static let text = """
        {{% CONTENT_TYPE: TEXT}}{{{content}}}

        --
        {{siteName}} · {{publicURL}}
        {{#unsubscribeURL}}
        You received this email because of your notification settings.
        Unsubscribe: {{unsubscribeURL}}
        Email preferences: {{preferencesURL}}
        {{/unsubscribeURL}}
        {{^unsubscribeURL}}
        You received this email because of an action on your account.
        {{/unsubscribeURL}}
        """
}
