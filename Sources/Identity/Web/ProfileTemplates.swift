/// The profile page and the admin user list.
enum ProfileTemplates {
    static let profile = """
        {{<layout}}
        {{$content}}
        <h1>Your profile</h1>
        <div class="card">
          <p class="muted">{{user.email}} · <span class="badge">{{user.role}}</span>
            {{^user.emailVerified}} · <span class="badge off">email not confirmed</span>{{/user.emailVerified}}</p>
        </div>
        <h2 id="picture">Profile picture</h2>
        <div class="card">
          {{#avatar}}<p><img class="avatar large" src="{{avatar}}" alt="Your profile picture" width="96" height="96" data-testid="profile-avatar"></p>{{/avatar}}
          {{^avatar}}<p class="muted">You have no picture yet; others see your initials.</p>{{/avatar}}
          <form class="stack" method="post" action="/profile/avatar" aria-labelledby="picture">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <div class="field">
              <label for="avatarFile">{{#avatar}}Replace the picture{{/avatar}}{{^avatar}}Choose a picture{{/avatar}}</label>
              <p class="hint" id="avatarFile-hint">PNG, JPEG or WebP, up to 5 MB. It is saved as soon as it is uploaded.</p>
              <input id="avatarFile" type="file" accept="image/png,image/jpeg,image/webp" data-upload-purpose="avatar" data-upload-field="uploadId" data-upload-autosubmit aria-describedby="avatarFile-hint{{#avatarError}} avatarFile-error{{/avatarError}}"{{#avatarError}} aria-invalid="true"{{/avatarError}}>
              {{#avatarError}}<p class="field-error" id="avatarFile-error">{{avatarError}}</p>{{/avatarError}}
            </div>
            <noscript><p class="hint">Uploading a picture needs JavaScript.</p></noscript>
          </form>
          {{#avatar}}
          <form method="post" action="/profile/avatar/remove">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <button class="quiet" type="submit">Remove the picture</button>
          </form>
          {{/avatar}}
        </div>
        <div class="card">
          <form class="stack" method="post" action="/profile">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <div class="field">
              <label for="displayName">Name</label>
              <input id="displayName" name="displayName" autocomplete="name" required maxlength="100" value="{{form.displayName}}"{{#fields.displayName}} aria-invalid="true" aria-describedby="displayName-error"{{/fields.displayName}}>
              {{#fields.displayName}}<p class="field-error" id="displayName-error">Name {{fields.displayName}}.</p>{{/fields.displayName}}
            </div>
            <div class="field">
              <label for="bio">About you</label>
              <p class="hint" id="bio-hint">Optional, up to 2000 characters.</p>
              <textarea id="bio" name="bio" maxlength="2000" aria-describedby="bio-hint{{#fields.bio}} bio-error{{/fields.bio}}"{{#fields.bio}} aria-invalid="true"{{/fields.bio}}>{{form.bio}}</textarea>
              {{#fields.bio}}<p class="field-error" id="bio-error">Bio {{fields.bio}}.</p>{{/fields.bio}}
            </div>
            <div><button type="submit">Save profile</button></div>
          </form>
        </div>
        <h2 id="change-password">Change password</h2>
        <div class="card">
          <form class="stack" method="post" action="/profile/password" aria-labelledby="change-password">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <div class="field">
              <label for="currentPassword">Current password</label>
              <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required{{#fields.currentPassword}} aria-invalid="true" aria-describedby="currentPassword-error"{{/fields.currentPassword}}>
              {{#fields.currentPassword}}<p class="field-error" id="currentPassword-error">Current password {{fields.currentPassword}}.</p>{{/fields.currentPassword}}
            </div>
            <div class="field">
              <label for="newPassword">New password</label>
              <p class="hint" id="newPassword-hint">At least 10 characters, not your current password. Other devices will be signed out.</p>
              <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required minlength="10" maxlength="128" aria-describedby="newPassword-hint{{#fields.newPassword}} newPassword-error{{/fields.newPassword}}"{{#fields.newPassword}} aria-invalid="true"{{/fields.newPassword}}>
              {{#fields.newPassword}}<p class="field-error" id="newPassword-error">New password {{fields.newPassword}}.</p>{{/fields.newPassword}}
            </div>
            <div class="field">
              <label for="confirmPassword">New password again</label>
              <input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" required minlength="10" maxlength="128"{{#fields.confirmPassword}} aria-invalid="true" aria-describedby="confirmPassword-error"{{/fields.confirmPassword}}>
              {{#fields.confirmPassword}}<p class="field-error" id="confirmPassword-error">New password again {{fields.confirmPassword}}.</p>{{/fields.confirmPassword}}
            </div>
            <div><button type="submit">Change password</button></div>
          </form>
        </div>
        {{/content}}
        {{/layout}}
        """

    /// The hidden fields that carry the list's filters through an action.
    private static let filterFields = """
        <input type="hidden" name="q" value="{{filters.q}}"><input type="hidden" name="role" value="{{filters.role}}"><input type="hidden" name="cursor" value="{{filters.cursor}}">
        """

    static let adminUsers = """
        {{<layout}}
        {{$content}}
        <h1>Users</h1>
        <form class="filters" method="get" action="/admin/users" role="search" aria-label="Find users">
          <div class="field">
            <label for="q">Search</label>
            <input id="q" name="q" type="search" value="{{query}}" placeholder="Name or email">
          </div>
          <div class="field">
            <label for="role-filter">Role</label>
            <select id="role-filter" name="role">
              <option value="">Any role</option>
              {{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/roles}}
            </select>
          </div>
          <button type="submit">Filter</button>
        </form>
        <div class="card flush">
          <table class="stacked">
            <caption class="visually-hidden">Users, newest first</caption>
            <thead><tr><th scope="col">Name and email</th><th scope="col">Status</th><th scope="col">Role and actions</th></tr></thead>
            <tbody>
              {{#users}}
              <tr>
                <td><a href="/admin/users/{{id}}">{{displayName}}</a><div class="muted">{{email}}</div></td>
                <td>{{#active}}<span class="badge">active</span>{{/active}}{{^active}}<span class="badge off">deactivated</span>{{/active}}</td>
                <td>
                  {{#isSelf}}<span class="muted">{{role}} (you)</span>{{/isSelf}}
                  {{^isSelf}}
                  <form method="post" action="/admin/users/{{id}}">
                    <input type="hidden" name="_csrf" value="{{csrf}}">
                    \(filterFields)
                    <select name="newRole" aria-label="Role of {{displayName}}">
                      {{#roleOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/roleOptions}}
                    </select>
                    <button class="small" type="submit" name="action" value="role" aria-label="Save the role of {{displayName}}">Save role</button>
                    {{#active}}<a class="button small danger" href="/admin/users/{{id}}/deactivate{{filterQuery}}" aria-label="Deactivate {{displayName}}">Deactivate…</a>{{/active}}
                    {{^active}}<button class="small" type="submit" name="action" value="reactivate" aria-label="Reactivate {{displayName}}">Reactivate</button>{{/active}}
                  </form>
                  {{/isSelf}}
                </td>
              </tr>
              {{/users}}
              {{^users}}<tr><td colspan="3" class="muted">No users match.</td></tr>{{/users}}
            </tbody>
          </table>
        </div>
        <nav class="pager" aria-label="Pages of users">
          {{#firstURL}}<a href="{{firstURL}}">← First page</a>{{/firstURL}}
          {{#nextURL}}<a href="{{nextURL}}">Next page →</a>{{/nextURL}}
        </nav>
        {{/content}}
        {{/layout}}
        """

    static let adminUser = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="{{listURL}}">Users</a></p>
        <h1>{{user.displayName}}</h1>
        <div class="card">
          <dl class="facts">
            <dt>Email</dt><dd>{{user.email}} {{^user.emailVerified}}<span class="badge off">not confirmed</span>{{/user.emailVerified}}</dd>
            <dt>Role</dt><dd>{{user.role}}{{#user.isSelf}} (you){{/user.isSelf}}</dd>
            <dt>Status</dt><dd>{{#user.active}}<span class="badge">active</span>{{/user.active}}{{^user.active}}<span class="badge off">deactivated</span>{{/user.active}}</dd>
            <dt>Joined</dt><dd>{{user.created}}</dd>
          </dl>
        </div>
        {{^user.isSelf}}
        <h2 id="manage">Manage this account</h2>
        <div class="card">
          <form class="stack" method="post" action="/admin/users/{{user.id}}" aria-labelledby="manage">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="from" value="detail">
            \(filterFields)
            <div class="field">
              <label for="newRole">Role</label>
              <select id="newRole" name="newRole">
                {{#user.roleOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/user.roleOptions}}
              </select>
            </div>
            <div class="actions">
              <button type="submit" name="action" value="role">Save role</button>
              {{#user.active}}<a class="button danger" href="/admin/users/{{user.id}}/deactivate{{filterQuery}}">Deactivate…</a>{{/user.active}}
              {{^user.active}}<button type="submit" name="action" value="reactivate">Reactivate</button>{{/user.active}}
            </div>
          </form>
        </div>
        {{/user.isSelf}}
        {{/content}}
        {{/layout}}
        """

    static let adminUserDeactivate = """
        {{<layout}}
        {{$content}}
        <div class="card">
          <h1>Deactivate {{user.displayName}}?</h1>
          <p>{{user.displayName}} ({{user.email}}) will be signed out on every device and will not be able to sign in
            until an administrator reactivates the account. Nothing they made is deleted.</p>
          {{^user.active}}<p class="notice error">This account is already deactivated.</p>{{/user.active}}
          <form method="post" action="/admin/users/{{user.id}}" class="actions">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="confirm" value="yes">
            \(filterFields)
            <button class="danger" type="submit" name="action" value="deactivate">Deactivate {{user.displayName}}</button>
            <a class="button secondary" href="{{listURL}}">Cancel</a>
          </form>
        </div>
        {{/content}}
        {{/layout}}
        """
}
