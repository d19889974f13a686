import LyceumWeb

/// The announcements page templates.
enum AnnouncementTemplates {
    static let all: [PageTemplate] = [
        PageTemplate("course-announcements", list), PageTemplate("announcement-edit", edit), PageTemplate("announcement-delete", delete),
    ]

    static let list = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses/{{courseSlug}}">{{courseTitle}}</a></p>
        <h1>Announcements</h1>
        {{#canWrite}}
        <form class="card stack" method="post" action="/courses/{{courseSlug}}/announcements" data-testid="announcement-form">
          <h2>Write an announcement</h2>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="announcement-title">Title</label>
          <input id="announcement-title" name="title" required maxlength="200" value="{{form.title}}"{{#fields.title}} aria-invalid="true" aria-describedby="announcement-title-error"{{/fields.title}}>
          {{#fields.title}}<p class="field-error" id="announcement-title-error">{{fields.title}}</p>{{/fields.title}}
          <label for="announcement-body">Message <small>Markdown; the preview below shows what students see</small></label>
          <textarea id="announcement-body" name="body" rows="8" required data-preview="announcement-preview"{{#fields.body}} aria-invalid="true" aria-describedby="announcement-body-error"{{/fields.body}}>{{form.body}}</textarea>
          {{#fields.body}}<p class="field-error" id="announcement-body-error">{{fields.body}}</p>{{/fields.body}}
          <div class="preview prose" id="announcement-preview" aria-live="polite"></div>
          <label class="choice"><input type="checkbox" name="pinned" value="true"{{#form.pinned}} checked{{/form.pinned}}> Pin above other announcements</label>
          <label for="announcement-time">Publish at <small>optional, UTC; empty publishes now</small></label>
          <input id="announcement-time" name="publishAt" type="datetime-local" value="{{form.publishAt}}"{{#fields.publishAt}} aria-invalid="true" aria-describedby="announcement-time-error"{{/fields.publishAt}}>
          {{#fields.publishAt}}<p class="field-error" id="announcement-time-error">{{fields.publishAt}}</p>{{/fields.publishAt}}
          <div class="actions"><button type="submit" data-testid="post-announcement">Post announcement</button></div>
        </form>
        <script src="{{script}}" defer></script>
        {{/canWrite}}
        {{^items}}<p class="muted">No announcements yet.</p>{{/items}}
        {{#items}}
        <article class="card announcement" id="announcement-{{id}}">
          <h2>{{#pinned}}<span class="badge">pinned</span> {{/pinned}}{{#scheduled}}<span class="badge">scheduled</span> {{/scheduled}}{{title}}</h2>
          <p class="muted">{{authorName}} · {{publishAt}}</p>
          <div class="prose">{{{bodyHtml}}}</div>
          {{#canEdit}}<p><a href="/courses/{{courseSlug}}/announcements/{{id}}" data-testid="edit-announcement">Edit</a> ·
            <a href="/courses/{{courseSlug}}/announcements/{{id}}/delete" data-testid="delete-announcement">Delete</a></p>{{/canEdit}}
        </article>
        {{/items}}
        {{/content}}
        {{/layout}}
        """

    static let edit = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses/{{courseSlug}}">{{courseTitle}}</a> › <a href="/courses/{{courseSlug}}/announcements">Announcements</a></p>
        <h1>Edit announcement</h1>
        <form class="card stack" method="post" action="/courses/{{courseSlug}}/announcements/{{id}}">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="announcement-title">Title</label>
          <input id="announcement-title" name="title" required maxlength="200" value="{{form.title}}"{{#fields.title}} aria-invalid="true" aria-describedby="announcement-title-error"{{/fields.title}}>
          {{#fields.title}}<p class="field-error" id="announcement-title-error">{{fields.title}}</p>{{/fields.title}}
          <label for="announcement-body">Message <small>Markdown</small></label>
          <textarea id="announcement-body" name="body" rows="8" required data-preview="announcement-preview"{{#fields.body}} aria-invalid="true" aria-describedby="announcement-body-error"{{/fields.body}}>{{form.body}}</textarea>
          {{#fields.body}}<p class="field-error" id="announcement-body-error">{{fields.body}}</p>{{/fields.body}}
          <div class="preview prose" id="announcement-preview" aria-live="polite"></div>
          <label class="choice"><input type="checkbox" name="pinned" value="true"{{#form.pinned}} checked{{/form.pinned}}> Pin above other announcements</label>
          <label for="announcement-time">Publish at <small>UTC; only while still scheduled</small></label>
          <input id="announcement-time" name="publishAt" type="datetime-local" value="{{form.publishAt}}"{{#fields.publishAt}} aria-invalid="true" aria-describedby="announcement-time-error"{{/fields.publishAt}}>
          {{#fields.publishAt}}<p class="field-error" id="announcement-time-error">{{fields.publishAt}}</p>{{/fields.publishAt}}
          <div class="actions"><button type="submit" data-testid="save-announcement">Save</button> <a href="/courses/{{courseSlug}}/announcements">Cancel</a></div>
        </form>
        <script src="{{script}}" defer></script>
        {{/content}}
        {{/layout}}
        """

    static let delete = """
        {{<layout}}
        {{$content}}
        <h1>Delete “{{form.title}}”?</h1>
        <p>Students will no longer see this announcement. This cannot be undone.</p>
        <form method="post" action="/courses/{{courseSlug}}/announcements/{{id}}/delete">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="confirm" value="yes">
          <button type="submit" data-testid="confirm-delete-announcement">Delete the announcement</button>
        </form>
        <p><a href="/courses/{{courseSlug}}/announcements">Keep it</a></p>
        {{/content}}
        {{/layout}}
        """
}
