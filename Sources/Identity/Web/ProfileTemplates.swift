/// The profile page and the admin user list.
enum ProfileTemplates {
    static let profile = """
        {{<layout}}
        {{$content}}
        <h1>Your profile</h1>
        <div class="card">
          <p class="muted">{{user.email}} · <span class="badge">{{user.role}}</span>
            {{^user.emailVerified}} · <span class="badge off">email not confirmed</span>{{/user.emailVerified}}</p>
          <form class="stack" method="post" action="/profile">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>Name
              <input name="displayName" autocomplete="name" required maxlength="100" value="{{form.displayName}}">
              {{#fields.displayName}}<span class="field-error">Name {{fields.displayName}}.</span>{{/fields.displayName}}
            </label>
            <label>About you <small>Optional, up to 2000 characters.</small>
              <textarea name="bio" maxlength="2000">{{form.bio}}</textarea>
              {{#fields.bio}}<span class="field-error">Bio {{fields.bio}}.</span>{{/fields.bio}}
            </label>
            <div><button type="submit">Save profile</button></div>
          </form>
        </div>
        <h2>Change password</h2>
        <div class="card">
          <form class="stack" method="post" action="/profile/password">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <label>Current password
              <input name="currentPassword" type="password" autocomplete="current-password" required>
              {{#fields.currentPassword}}<span class="field-error">Current password {{fields.currentPassword}}.</span>{{/fields.currentPassword}}
            </label>
            <label>New password <small>At least 10 characters. Other devices will be signed out.</small>
              <input name="newPassword" type="password" autocomplete="new-password" required minlength="10" maxlength="128">
              {{#fields.newPassword}}<span class="field-error">New password {{fields.newPassword}}.</span>{{/fields.newPassword}}
            </label>
            <div><button type="submit">Change password</button></div>
          </form>
        </div>
        {{/content}}
        {{/layout}}
        """

    static let adminUsers = """
        {{<layout}}
        {{$content}}
        <h1>Users</h1>
        <form class="filters" method="get" action="/admin/users" role="search">
          <label>Search <input name="q" type="search" value="{{query}}" placeholder="Name or email"></label>
          <label>Role
            <select name="role">
              <option value="">Any role</option>
              {{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/roles}}
            </select>
          </label>
          <button type="submit">Filter</button>
        </form>
        <div class="table-wrap card flush">
          <table>
            <thead><tr><th>Name</th><th class="optional">Email</th><th>Status</th><th>Role</th></tr></thead>
            <tbody>
              {{#users}}
              <tr>
                <td>{{displayName}}<div class="muted optional-inline">{{email}}</div></td>
                <td class="optional">{{email}}</td>
                <td>{{#active}}<span class="badge">active</span>{{/active}}{{^active}}<span class="badge off">deactivated</span>{{/active}}</td>
                <td>
                  {{#isSelf}}<span class="muted">{{role}} (you)</span>{{/isSelf}}
                  {{^isSelf}}
                  <form method="post" action="/admin/users/{{id}}">
                    <input type="hidden" name="_csrf" value="{{csrf}}">
                    <select name="role" aria-label="Role of {{displayName}}">
                      {{#roleOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/roleOptions}}
                    </select>
                    <button class="small" type="submit" name="action" value="role">Save</button>
                    {{#active}}<button class="small danger" type="submit" name="action" value="deactivate">Deactivate</button>{{/active}}
                    {{^active}}<button class="small" type="submit" name="action" value="reactivate">Reactivate</button>{{/active}}
                  </form>
                  {{/isSelf}}
                </td>
              </tr>
              {{/users}}
              {{^users}}<tr><td colspan="4" class="muted">No users match.</td></tr>{{/users}}
            </tbody>
          </table>
        </div>
        {{#nextURL}}<p class="pager"><a href="{{nextURL}}">Next page →</a></p>{{/nextURL}}
        {{/content}}
        {{/layout}}
        """
}
