import LyceumWeb

/// The study group page templates.
enum GroupTemplates {
    static let all: [PageTemplate] = [
        PageTemplate("groups", directory), PageTemplate("group", group), PageTemplate("group-confirm", confirm),
        PageTemplate("group-pick-invitee", pickInvitee), PageTemplate("group-settings", settings),
    ]

    static let settings = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/groups/{{id}}">{{groupName}}</a></p>
        <h1>Group settings</h1>
        <form class="card stack" method="post" action="/groups/{{id}}/edit">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="group-name">Name</label>
          <input id="group-name" name="name" required maxlength="100" value="{{name}}"{{#fields.name}} aria-invalid="true" aria-describedby="group-name-error"{{/fields.name}}>
          {{#fields.name}}<p class="field-error" id="group-name-error">{{fields.name}}</p>{{/fields.name}}
          <label for="group-description">What is it about?</label>
          <textarea id="group-description" name="description" maxlength="2000" rows="3"{{#fields.description}} aria-invalid="true" aria-describedby="group-description-error"{{/fields.description}}>{{description}}</textarea>
          {{#fields.description}}<p class="field-error" id="group-description-error">{{fields.description}}</p>{{/fields.description}}
          <label for="group-visibility">Who may join</label>
          <select id="group-visibility" name="visibility">{{#visibilities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/visibilities}}</select>
          <label for="group-limit">Member limit <small>2 to 500, not below the current member count</small></label>
          <input id="group-limit" name="memberLimit" type="number" min="2" max="500" value="{{memberLimit}}"{{#fields.memberLimit}} aria-invalid="true" aria-describedby="group-limit-error"{{/fields.memberLimit}}>
          {{#fields.memberLimit}}<p class="field-error" id="group-limit-error">{{fields.memberLimit}}</p>{{/fields.memberLimit}}
          <div class="actions"><button type="submit" data-testid="save-group">Save</button> <a href="/groups/{{id}}">Cancel</a></div>
        </form>
        <p><a href="/groups/{{id}}/delete" data-testid="delete-group">Delete the group</a></p>
        {{/content}}
        {{/layout}}
        """

    static let directory = """
        {{<layout}}
        {{$content}}
        <h1>Study groups</h1>
        {{#invites}}
        <div class="notice" role="note" data-testid="my-invite">You are invited to <a href="/groups/{{groupID}}">{{groupName}}</a>.
          <form class="inline" method="post" action="/groups/{{groupID}}/invites/{{id}}">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <button type="submit" name="decision" value="accept" data-testid="accept-invite">Accept</button>
            <button type="submit" name="decision" value="decline" class="secondary" data-testid="decline-invite">Decline</button>
          </form>
        </div>
        {{/invites}}
        <form class="search" method="get" action="/groups" role="search">
          <label for="group-search">Find a group by name</label>
          <input id="group-search" name="q" type="search" maxlength="200" value="{{query}}">
          {{#hasCourses}}<label for="group-course-filter">Course</label>
          <select id="group-course-filter" name="course" data-testid="course-filter"><option value="">All courses</option>
            {{#courses}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{title}}</option>{{/courses}}</select>{{/hasCourses}}
          <button type="submit">Search</button>
        </form>
        {{^groups}}<p class="muted">No groups found.</p>{{/groups}}
        <ul class="cards">
          {{#groups}}
          <li class="card"><h2><a href="/groups/{{id}}">{{name}}</a></h2>
            <p>{{description}}</p>
            <p class="muted"><span class="badge">{{visibility}}</span> {{memberCount}} of {{memberLimit}} members</p></li>
          {{/groups}}
        </ul>
        {{#nextURL}}<p><a href="{{nextURL}}">More groups</a></p>{{/nextURL}}
        <form class="card stack" method="post" action="/groups" data-testid="create-group-form">
          <h2>Start a group</h2>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="group-name">Name</label>
          <input id="group-name" name="name" required maxlength="100" value="{{form.name}}"{{#form.fields.name}} aria-invalid="true" aria-describedby="group-name-error"{{/form.fields.name}}>
          {{#form.fields.name}}<p class="field-error" id="group-name-error">{{form.fields.name}}</p>{{/form.fields.name}}
          <label for="group-description">What is it about?</label>
          <textarea id="group-description" name="description" maxlength="2000" rows="3"{{#form.fields.description}} aria-invalid="true" aria-describedby="group-description-error"{{/form.fields.description}}>{{form.description}}</textarea>
          {{#form.fields.description}}<p class="field-error" id="group-description-error">{{form.fields.description}}</p>{{/form.fields.description}}
          <label for="group-course">Course <small>optional: the id or address name of a course you take or teach</small></label>
          <input id="group-course" name="courseId" maxlength="200" value="{{form.courseId}}"{{#form.fields.courseId}} aria-invalid="true" aria-describedby="group-course-error"{{/form.fields.courseId}}>
          {{#form.fields.courseId}}<p class="field-error" id="group-course-error">{{form.fields.courseId}}</p>{{/form.fields.courseId}}
          <label for="group-visibility">Who may join</label>
          <select id="group-visibility" name="visibility">{{#form.visibilities}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/form.visibilities}}</select>
          <label for="group-limit">Member limit <small>2 to 500</small></label>
          <input id="group-limit" name="memberLimit" type="number" min="2" max="500" value="{{form.memberLimit}}"{{#form.fields.memberLimit}} aria-invalid="true" aria-describedby="group-limit-error"{{/form.fields.memberLimit}}>
          {{#form.fields.memberLimit}}<p class="field-error" id="group-limit-error">{{form.fields.memberLimit}}</p>{{/form.fields.memberLimit}}
          <div class="actions"><button type="submit" data-testid="create-group">Create the group</button></div>
        </form>
        {{/content}}
        {{/layout}}
        """

    static let group = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/groups">Study groups</a></p>
        <h1>{{name}}</h1>
        <p class="muted"><span class="badge">{{visibility}}</span> {{memberCount}} of {{memberLimit}} members{{#courseTitle}} · for {{courseTitle}}{{/courseTitle}}{{#myRole}} · you are {{myRole}}{{/myRole}}</p>
        <p>{{description}}</p>
        <div class="actions">
          {{#isMember}}<a class="button" href="/groups/{{id}}/posts" data-testid="group-feed">Open the group's feed</a>
            <a href="/groups/{{id}}/leave" data-testid="leave-group">Leave the group</a>{{/isMember}}
          {{#canJoin}}<form method="post" action="/groups/{{id}}/join"><input type="hidden" name="_csrf" value="{{csrf}}">
            <button type="submit" data-testid="join-group">Join the group</button></form>{{/canJoin}}
          {{#canRequest}}<form class="stack" method="post" action="/groups/{{id}}/join"><input type="hidden" name="_csrf" value="{{csrf}}">
            <label for="request-message">A note to the moderators <small>optional</small></label>
            <input id="request-message" name="message" maxlength="500">
            <button type="submit" data-testid="request-join">Ask to join</button></form>{{/canRequest}}
          {{#requested}}<p class="notice" role="note">Your request to join is waiting for a moderator.</p>
            <form method="post" action="/groups/{{id}}/withdraw"><input type="hidden" name="_csrf" value="{{csrf}}">
            <button type="submit" class="secondary" data-testid="withdraw-request">Withdraw request</button></form>{{/requested}}
          {{#canManage}}<a href="/groups/{{id}}/edit" data-testid="group-settings">Settings</a>{{/canManage}}
          {{#inviteID}}<form method="post" action="/groups/{{id}}/invites/{{inviteID}}"><input type="hidden" name="_csrf" value="{{csrf}}">
            <button type="submit" name="decision" value="accept" data-testid="accept-invite">Accept the invitation</button>
            <button type="submit" name="decision" value="decline" class="secondary" data-testid="decline-invite">Decline</button></form>{{/inviteID}}
        </div>
        {{{panelsHtml}}}
        <h2>Members</h2>
        <table>
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th>{{#canModerate}}<th scope="col">Actions</th>{{/canModerate}}</tr></thead>
          <tbody>
          {{#members}}
          <tr><td>{{displayName}}</td><td>{{role}}</td>{{#canModerate}}<td>
            {{#canPromote}}<form class="inline" method="post" action="/groups/{{id}}/members/{{userID}}/role"><input type="hidden" name="_csrf" value="{{csrf}}">
              <input type="hidden" name="role" value="moderator"><button type="submit" class="secondary" data-testid="promote-member">Make moderator</button></form>{{/canPromote}}
            {{#canDemote}}<form class="inline" method="post" action="/groups/{{id}}/members/{{userID}}/role"><input type="hidden" name="_csrf" value="{{csrf}}">
              <input type="hidden" name="role" value="member"><button type="submit" class="secondary" data-testid="demote-member">Make member</button></form>{{/canDemote}}
            {{#canTransfer}}<a href="/groups/{{id}}/members/{{userID}}/transfer" data-testid="transfer-owner">Make owner</a>{{/canTransfer}}
            {{#canRemove}}<a href="/groups/{{id}}/members/{{userID}}/remove" data-testid="remove-member">Remove</a>{{/canRemove}}
          </td>{{/canModerate}}</tr>
          {{/members}}
          </tbody>
        </table>
        {{#canModerate}}
        <h2>Requests to join</h2>
        {{^requests}}<p class="muted">No pending requests.</p>{{/requests}}
        <ul>
          {{#requests}}
          <li>{{displayName}}{{#message}}: “{{message}}”{{/message}}
            <form class="inline" method="post" action="{{decideURL}}">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <button type="submit" name="decision" value="approve" data-testid="approve-request">Approve</button>
              <button type="submit" name="decision" value="reject" class="secondary" data-testid="reject-request">Reject</button>
            </form></li>
          {{/requests}}
        </ul>
        <h2>Invite someone</h2>
        <form class="stack" method="post" action="/groups/{{id}}/invites" data-testid="invite-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="invite-name">Display name</label>
          <input id="invite-name" name="name" required maxlength="100" value="{{inviteName}}"{{#inviteError}} aria-invalid="true" aria-describedby="invite-name-error"{{/inviteError}}>
          {{#inviteError}}<p class="field-error" id="invite-name-error" role="alert">{{inviteError}}</p>{{/inviteError}}
          <button type="submit" data-testid="invite-member">Invite</button>
        </form>
        <h3>Waiting for an answer</h3>
        {{^invites}}<p class="muted">No pending invitations.</p>{{/invites}}
        <ul>{{#invites}}<li>{{displayName}}</li>{{/invites}}</ul>
        {{/canModerate}}
        {{/content}}
        {{/layout}}
        """

    static let confirm = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/groups/{{groupID}}">{{groupName}}</a></p>
        <h1>{{question}}</h1>
        <p>{{explanation}}</p>
        <form method="post" action="{{action}}">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="confirm" value="yes">
          <button type="submit" data-testid="{{testID}}">{{button}}</button>
        </form>
        <p><a href="/groups/{{groupID}}">Cancel</a></p>
        {{/content}}
        {{/layout}}
        """

    static let pickInvitee = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/groups/{{groupID}}">{{groupName}}</a></p>
        <h1>Several people are called “{{name}}”</h1>
        <form class="stack" method="post" action="/groups/{{groupID}}/invites">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <fieldset><legend>Whom do you want to invite?</legend>
          {{#candidates}}<label class="choice"><input type="radio" name="userId" value="{{id}}" required> {{displayName}} <small>{{hint}}</small></label>{{/candidates}}
          </fieldset>
          <button type="submit" data-testid="invite-picked">Invite</button>
        </form>
        <p><a href="/groups/{{groupID}}">Cancel</a></p>
        {{/content}}
        {{/layout}}
        """
}
