import LyceumWeb

/// The forums page templates. Stable `data-testid`s mark what browser tests drive: vote buttons, scores,
/// the reply form and the accept buttons.
enum ForumTemplates {
    static let all: [PageTemplate] = [
        PageTemplate("forum-boards", boards), PageTemplate("forum-board", board), PageTemplate("forum-new-thread", newThread),
        PageTemplate("forum-thread", ForumThreadTemplate.thread), PageTemplate("forum-edit", edit), PageTemplate("forum-history", history),
        PageTemplate("forum-moderation", moderation), PageTemplate("forum-blocked-words", blockedWords),
    ]

    static let boards = """
        {{<layout}}
        {{$content}}
        <h1>Discussion boards</h1>
        {{^boards}}<p class="muted">No boards yet.</p>{{/boards}}
        <ul class="lessons">
        {{#boards}}<li class="card"><h2><a href="/boards/{{id}}">{{title}}</a></h2> <span class="badge">{{kind}}</span><p class="muted">{{description}}</p></li>{{/boards}}
        </ul>
        {{#isAdmin}}<p><a href="/moderation">Moderation queue</a> · <a href="/moderation/blocked-words">Blocked words</a></p>
        <h2 id="new-board">New site board</h2>
        {{#newBoard.error}}<p class="notice error" role="alert">{{newBoard.error}}</p>{{/newBoard.error}}
        <form class="card stack" method="post" action="/boards" data-testid="new-board-form" aria-labelledby="new-board">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="board-title">Title</label>
          <input id="board-title" name="title" required maxlength="200" value="{{newBoard.title}}">
          <label for="board-description">Description</label>
          <textarea id="board-description" name="description" rows="3" maxlength="1000">{{newBoard.description}}</textarea>
          <label class="choice"><input type="checkbox" name="allowAnonymous" value="true"{{#newBoard.allowAnonymous}} checked{{/newBoard.allowAnonymous}}> Allow anonymous posts</label>
          <div class="actions"><button type="submit">Create board</button></div>
        </form>
        {{/isAdmin}}
        {{/content}}
        {{/layout}}
        """

    static let board = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/boards">Boards</a></p>
        <h1>{{board.title}}</h1>
        <p class="lead">{{board.description}}</p>
        {{#canPost}}<p><a class="button" href="{{newThreadURL}}">New thread</a></p>{{/canPost}}
        {{#postAction}}
        <form class="card stack" method="post" action="{{postAction}}">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#postForm.error}}<p class="notice error" role="alert" id="feed-error">{{postForm.error}}</p>{{/postForm.error}}
          <label for="feed-title">Title <small>optional; the start of the text otherwise</small></label>
          <input id="feed-title" name="title" maxlength="200" value="{{postForm.title}}"{{#postForm.fields.title}} aria-invalid="true" aria-describedby="feed-error"{{/postForm.fields.title}}>
          <label for="feed-body">Post to the group</label>
          <textarea id="feed-body" name="body" rows="4" required maxlength="20000"{{#postForm.fields.body}} aria-invalid="true" aria-describedby="feed-error"{{/postForm.fields.body}}>{{postForm.body}}</textarea>
          <label for="feed-files">Files <small>up to 5: images, PDFs, documents</small></label>
          <input type="file" id="feed-files" data-upload-purpose="attachment" data-upload-field="attachmentIds" multiple>
          <div class="actions"><button type="submit">Post</button></div>
        </form>
        {{/postAction}}
        <form class="filters" method="get" role="search">
          <label for="thread-sort">Sort</label>
          <select id="thread-sort" name="sort">{{#sorts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sorts}}</select>
          <label for="thread-tag">Tag</label>
          <input id="thread-tag" name="tag" value="{{tag}}" maxlength="30">
          <label for="thread-q">Search</label>
          <input id="thread-q" name="q" type="search" value="{{query}}" maxlength="200">
          <button type="submit">Show</button>
        </form>
        {{^threads}}<p class="muted">No threads match.</p>{{/threads}}
        <ul class="lessons">
        {{#threads}}
          <li class="card">
            <h2><a href="/threads/{{id}}">{{title}}</a></h2>
            <p class="meta">{{#pinned}}<span class="badge">Pinned</span> {{/pinned}}{{#locked}}<span class="badge off">Locked</span> {{/locked}}{{#isQuestion}}<span class="badge">Question</span> {{/isQuestion}}
            {{authorName}} · <time datetime="{{createdISO}}">{{created}}</time> · score <span data-testid="score-{{id}}">{{score}}</span> · {{replyCount}} replies
            {{#tags}} <a class="badge" href="?tag={{.}}">{{.}}</a>{{/tags}}</p>
          </li>
        {{/threads}}
        </ul>
        {{#nextURL}}<p class="pager"><a class="next" href="{{nextURL}}">Next page</a></p>{{/nextURL}}
        {{#showsSuspensions}}
        <section class="card" data-testid="board-suspensions">
          <h2>Suspended from this board</h2>
          {{^suspensions}}<p class="muted">No one is suspended.</p>{{/suspensions}}
          <ul>
          {{#suspensions}}
            <li>{{name}} <span class="muted">suspended by {{suspendedBy}}, <time datetime="{{sinceISO}}">{{since}}</time></span>
              <form class="actions" method="post" action="{{liftAction}}">
                <input type="hidden" name="_csrf" value="{{csrf}}">
                <button type="submit">Lift suspension</button>
              </form>
            </li>
          {{/suspensions}}
          </ul>
        </section>
        {{/showsSuspensions}}
        {{/content}}
        {{/layout}}
        """

    static let newThread = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/boards/{{board.id}}">{{board.title}}</a></p>
        <h1>New thread</h1>
        {{#error}}<p class="notice error" role="alert">{{error}}</p>{{/error}}
        <form class="card stack" method="post" action="/boards/{{board.id}}/new">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="thread-title">Title</label>
          <input id="thread-title" name="title" required maxlength="200" value="{{title}}">
          <fieldset><legend>Kind</legend>
            <label class="choice"><input type="radio" name="kind" value="question"{{#question}} checked{{/question}}> Question</label>
            <label class="choice"><input type="radio" name="kind" value="discussion"{{^question}} checked{{/question}}> Discussion</label>
          </fieldset>
          <label for="thread-body">Text <small>Markdown; the preview below shows what others see</small></label>
          <textarea id="thread-body" name="body" rows="10" required maxlength="20000" data-preview="thread-preview">{{body}}</textarea>
          <div class="preview prose" id="thread-preview" aria-live="polite"></div>
          <label for="thread-tags">Tags <small>up to 5, separated by commas</small></label>
          <input id="thread-tags" name="tags" value="{{tags}}" maxlength="200">
          <label for="thread-files">Files <small>up to 5: images, PDFs, documents</small></label>
          <input type="file" id="thread-files" data-upload-purpose="attachment" data-upload-field="attachmentIds" multiple>
          {{#allowAnonymous}}<label class="choice"><input type="checkbox" name="anonymous" value="true"> Post anonymously (staff still see who you are)</label>{{/allowAnonymous}}
          <div class="actions"><button type="submit" data-testid="create-thread">Post thread</button> <a href="/boards/{{board.id}}">Cancel</a></div>
        </form>
        <script src="{{script}}" defer></script>
        {{/content}}
        {{/layout}}
        """

    static let edit = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/threads/{{threadID}}">Back to the thread</a></p>
        <h1>Edit</h1>
        {{#form.error}}<p class="notice error" role="alert" id="edit-error">{{form.error}}</p>{{/form.error}}
        <form class="card stack" method="post" action="{{action}}">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#isThread}}<label for="edit-title">Title</label>
          <input id="edit-title" name="title" required maxlength="200" value="{{form.title}}"{{#form.fields.title}} aria-invalid="true" aria-describedby="edit-error"{{/form.fields.title}}>{{/isThread}}
          <label for="edit-body">Text</label>
          <textarea id="edit-body" name="body" rows="10" required maxlength="20000" data-preview="edit-preview"{{#form.fields.body}} aria-invalid="true" aria-describedby="edit-error"{{/form.fields.body}}>{{form.body}}</textarea>
          <div class="preview prose" id="edit-preview" aria-live="polite"></div>
          {{#isThread}}<label for="edit-tags">Tags <small>up to 5, separated by commas</small></label>
          <input id="edit-tags" name="tags" value="{{form.tags}}" maxlength="200"{{#form.fields.tags}} aria-invalid="true" aria-describedby="edit-error"{{/form.fields.tags}}>{{/isThread}}
          <div class="actions"><button type="submit">Save</button></div>
        </form>
        <script src="{{script}}" defer></script>
        {{/content}}
        {{/layout}}
        """

    static let history = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/threads/{{threadID}}">{{title}}</a></p>
        <h1>Earlier versions</h1>
        {{^revisions}}<p class="muted">Never edited.</p>{{/revisions}}
        {{#revisions}}<section class="card"><h2>{{#title}}{{title}}{{/title}}{{^title}}Reply{{/title}} <small class="muted">replaced {{edited}}</small></h2><pre>{{body}}</pre></section>{{/revisions}}
        {{/content}}
        {{/layout}}
        """

    static let moderation = """
        {{<layout}}
        {{$content}}
        <h1>Moderation queue</h1>
        {{#isAdmin}}<p><a href="/moderation/blocked-words">Blocked words</a></p>{{/isAdmin}}
        {{^entries}}<p class="muted">No open reports.</p>{{/entries}}
        {{#entries}}
        <section class="card">
          <h2><a href="/threads/{{threadID}}">{{#postTitle}}{{postTitle}}{{/postTitle}}{{^postTitle}}A reply{{/postTitle}}</a> <small class="muted">{{boardTitle}}</small></h2>
          <p>{{excerpt}}</p>
          <p class="meta">By {{authorName}}; reported by {{reporterName}}: “{{reason}}”</p>
          <form class="actions" method="post" action="/moderation/reports/{{id}}">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <button type="submit" name="action" value="dismiss">Dismiss</button>
            <button type="submit" name="action" value="remove" class="danger">Remove the post</button>
            <button type="submit" name="action" value="suspend" class="danger">Suspend the author from the board</button>
          </form>
        </section>
        {{/entries}}
        {{/content}}
        {{/layout}}
        """

    static let blockedWords = """
        {{<layout}}
        {{$content}}
        <h1>Blocked words</h1>
        <p>Posts containing any of these as a whole word, in any case, are refused. {{count}} words.</p>
        <form class="card stack" method="post" action="/moderation/blocked-words">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="blocked-words">One word or phrase per line</label>
          <textarea id="blocked-words" name="words" rows="12">{{words}}</textarea>
          <div class="actions"><button type="submit">Save</button></div>
        </form>
        {{/content}}
        {{/layout}}
        """
}
