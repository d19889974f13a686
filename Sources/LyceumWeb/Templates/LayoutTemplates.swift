/// The shared page layout and the error page. Pages fill the `content` block.
enum LayoutTemplates {
    static let all = [PageTemplate("layout", layout), PageTemplate("error", errorPage)]

    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{title}} · Lyceum</title>
          <link rel="stylesheet" href="{{stylesheet}}">
          <link rel="icon" href="{{icon}}" type="image/svg+xml">
          {{#viewer}}{{#signedInScripts}}<script src="{{.}}" defer></script>{{/signedInScripts}}{{/viewer}}
        </head>
        <body>
          <a class="skip" href="#main">Skip to content</a>
          <header class="site">
            <div class="bar">
              <a class="brand" href="/">Ly<span>ceum</span></a>
              <nav class="site" aria-label="Main">
                <a href="/courses"{{#nav.courses}} aria-current="page"{{/nav.courses}}>Courses</a>
                {{#viewer}}
                <a href="/learning"{{#nav.learning}} aria-current="page"{{/nav.learning}}>My learning</a>
                <a href="/boards">Discussions</a>
                <a href="/groups">Study groups</a>
                <a href="/messages"{{#nav.messages}} aria-current="page"{{/nav.messages}}>Messages</a>
                {{#viewer.teaches}}<a href="/teach"{{#nav.teach}} aria-current="page"{{/nav.teach}}>Teaching</a>{{/viewer.teaches}}
                <a class="bell" href="/notifications" data-notification-bell aria-label="Notifications"><svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"/></svg><span class="bell-count" data-testid="notification-count" hidden></span></a>
                <a class="viewer" href="/profile"{{#nav.profile}} aria-current="page"{{/nav.profile}}>{{#viewer.avatar}}<img class="avatar" src="{{viewer.avatar}}" alt="" width="28" height="28" data-testid="header-avatar">{{/viewer.avatar}}{{^viewer.avatar}}<span class="avatar initials" aria-hidden="true" data-testid="header-initials">{{viewer.initials}}</span>{{/viewer.avatar}}{{viewer.displayName}}</a>
                {{#viewer.isAdmin}}<a href="/admin/users"{{#nav.admin}} aria-current="page"{{/nav.admin}}>Users</a> <a href="/admin/jobs">Jobs</a>{{/viewer.isAdmin}}
                <form method="post" action="/signout">
                  <input type="hidden" name="_csrf" value="{{csrf}}">
                  <button class="quiet" type="submit">Sign out</button>
                </form>
                {{/viewer}}
                {{^viewer}}
                <a href="/signin"{{#nav.signin}} aria-current="page"{{/nav.signin}}>Sign in</a>
                <a class="button" href="/signup">Sign up</a>
                {{/viewer}}
              </nav>
            </div>
          </header>
          <main id="main"{{#narrow}} class="narrow"{{/narrow}}>
            {{#notice}}<div class="notice ok" role="status">{{notice}}</div>{{/notice}}
            {{#error}}<div class="notice error" role="alert">{{error}}</div>{{/error}}
            {{$content}}{{/content}}
          </main>
          <footer class="site">Lyceum · learning that stays fast</footer>
        </body>
        </html>
        """

    static let errorPage = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>{{heading}}</h1>
          <p>{{message}}</p>
          {{#detail}}<p>{{detail}}</p>{{/detail}}
          <ul class="next-steps">
            {{#signIn}}<li><a href="{{signIn}}">Sign in</a></li>{{/signIn}}
            {{#back}}<li><a href="{{back.href}}">{{back.label}}</a></li>{{/back}}
            <li><a href="/">Home</a></li>
          </ul>
        </div>
        {{/content}}
        {{/layout}}
        """
}
