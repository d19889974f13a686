import LyceumWeb

/// The notifications pages' templates.
enum NotificationTemplates {
    static let all = [PageTemplate("notifications", list), PageTemplate("notification-preferences", preferences)]

    static let list = """
        {{<layout}}
        {{$content}}
        <h1>Notifications</h1>
        <p>{{#unreadOnly}}<a href="/notifications">Show all</a>{{/unreadOnly}}{{^unreadOnly}}<a href="/notifications?unread=true">Show unread only</a>{{/unreadOnly}} · <a href="/notifications/preferences">Preferences</a></p>
        {{#hasUnread}}
        <form method="post" action="/notifications/read">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="all" value="yes">
          <button class="small" type="submit">Mark all read</button>
        </form>
        {{/hasUnread}}
        {{#items}}
        <div class="card notification{{#unread}} unread{{/unread}}">
          <h2><a href="{{link}}">{{title}}</a></h2>
          {{#body}}<p>{{body}}</p>{{/body}}
          <p class="muted">{{date}}{{#unread}} · <span class="badge">unread</span>{{/unread}}</p>
          {{#unread}}
          <form method="post" action="/notifications/read">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="id" value="{{id}}">
            <button class="quiet" type="submit" aria-label="Mark “{{title}}” read">Mark read</button>
          </form>
          {{/unread}}
        </div>
        {{/items}}
        {{^items}}<p class="card">No notifications{{#unreadOnly}} unread{{/unreadOnly}}.</p>{{/items}}
        {{#nextURL}}<p><a href="{{nextURL}}">Older notifications</a></p>{{/nextURL}}
        {{/content}}
        {{/layout}}
        """

    static let preferences = """
        {{<layout}}
        {{$content}}
        <h1>Notification preferences</h1>
        <form method="post" action="/notifications/preferences" class="card">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <table>
            <caption>Where each kind of notification reaches you</caption>
            <thead>
              <tr><th scope="col">Notification</th><th scope="col">In the app</th><th scope="col">Email</th><th scope="col">Weekly digest</th></tr>
            </thead>
            <tbody>
              {{#choices}}
              <tr>
                <th scope="row">{{label}}</th>
                <td>{{^emailOnly}}<input type="checkbox" name="inApp.{{kind}}" value="on" aria-label="{{label}}: in the app"{{#inApp}} checked{{/inApp}}>{{/emailOnly}}{{#emailOnly}}<span class="muted">email only</span>{{/emailOnly}}</td>
                <td><input type="checkbox" name="email.{{kind}}" value="on" aria-label="{{label}}: email"{{#email}} checked{{/email}}></td>
                <td>{{^emailOnly}}<input type="checkbox" name="digest.{{kind}}" value="on" aria-label="{{label}}: weekly digest"{{#digest}} checked{{/digest}}>{{/emailOnly}}</td>
              </tr>
              {{/choices}}
            </tbody>
          </table>
          <p class="hint">The weekly digest lists the notifications you have not read yet, once a week.</p>
          <p><label><input type="checkbox" name="nonEssentialEmailOff" value="on"{{#nonEssentialEmailOff}} checked{{/nonEssentialEmailOff}}> Send me no email except account and payment messages (password resets, address confirmations, receipts)</label></p>
          <button type="submit">Save preferences</button>
        </form>
        <p><a href="/notifications">Back to notifications</a></p>
        {{/content}}
        {{/layout}}
        """
}
