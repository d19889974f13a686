/// The thread page: the thread, its replies nested one level, and the forms to vote, reply, accept,
/// report and moderate. Every action is a plain form that posts back and returns to the thread.
enum ForumThreadTemplate {
    static let thread = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/boards/{{board.id}}">{{board.title}}</a></p>
        {{#thread}}
        <article id="thread-{{id}}" data-live-topic="thread:{{id}}">
          <h1>{{title}}</h1>
          <p>{{#pinned}}<span class="badge">Pinned</span> {{/pinned}}{{#locked}}<span class="badge off">Locked</span> {{/locked}}{{#isQuestion}}<span class="badge">Question</span>{{/isQuestion}}{{#tags}} <a class="badge" href="/boards/{{board.id}}?tag={{.}}">{{.}}</a>{{/tags}}</p>
          <div class="meta">
            <form method="post" action="/threads/{{id}}/vote" class="vote">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <button type="submit" name="value" value="1" data-testid="vote-up-{{id}}" aria-label="Vote the thread up"{{#votedUp}} aria-pressed="true"{{/votedUp}}>▲</button>
              <span data-testid="thread-score">{{score}}</span>
              <button type="submit" name="value" value="-1" data-testid="vote-down-{{id}}" aria-label="Vote the thread down"{{#votedDown}} aria-pressed="true"{{/votedDown}}>▼</button>
            </form>
            {{authorName}} · <time datetime="{{createdISO}}">{{created}}</time>{{#edited}} · edited{{/edited}}
          </div>
          {{#removed}}<p class="muted" data-testid="removed">This thread was removed.</p>{{/removed}}
          {{^removed}}<div class="prose">{{{bodyHtml}}}</div>{{/removed}}
          {{^removed}}{{#hasAttachments}}<ul class="attachments" data-testid="attachments-{{id}}">{{#attachments}}<li>{{#isImage}}<a href="{{href}}"><img class="thumb" src="{{href}}" alt="{{filename}}" loading="lazy" width="160"></a> {{/isImage}}<a href="{{href}}">{{filename}}</a> <small>{{size}}</small></li>{{/attachments}}</ul>{{/hasAttachments}}{{/removed}}
          <p class="actions">
            {{#canEdit}}<a href="/threads/{{id}}/edit">Edit</a>{{/canEdit}}
            {{#canDelete}}<form method="post" action="/threads/{{id}}/delete"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="quiet">Delete</button></form>{{/canDelete}}
          </p>
        </article>
        {{/thread}}
        {{#isStaff}}
        <section class="card" aria-labelledby="staff-tools">
          <h2 id="staff-tools">Staff tools</h2>
          <form class="actions" method="post" action="/threads/{{thread.id}}/pin"><input type="hidden" name="_csrf" value="{{csrf}}">
            {{#thread.pinned}}<input type="hidden" name="pinned" value="false"><button type="submit">Unpin</button>{{/thread.pinned}}
            {{^thread.pinned}}<input type="hidden" name="pinned" value="true"><button type="submit">Pin</button>{{/thread.pinned}}</form>
          <form class="actions" method="post" action="/threads/{{thread.id}}/lock"><input type="hidden" name="_csrf" value="{{csrf}}">
            {{#thread.locked}}<input type="hidden" name="locked" value="false"><button type="submit">Unlock</button>{{/thread.locked}}
            {{^thread.locked}}<input type="hidden" name="locked" value="true"><button type="submit">Lock</button>{{/thread.locked}}</form>
          {{#canMove}}<form class="actions" method="post" action="/threads/{{thread.id}}/move"><input type="hidden" name="_csrf" value="{{csrf}}">
            <label for="move-board">Move to</label>
            <select id="move-board" name="boardId">{{#moveTargets}}<option value="{{id}}">{{title}}</option>{{/moveTargets}}</select>
            <button type="submit">Move</button></form>{{/canMove}}
          <p><a href="/threads/{{thread.id}}/history">Earlier versions</a></p>
        </section>
        {{/isStaff}}
        <section aria-labelledby="replies-heading">
          <h2 id="replies-heading">{{thread.replyCount}} replies</h2>
          {{#replies}}
          <article class="card" id="reply-{{id}}">
            {{#accepted}}<p class="badge done" data-testid="accepted-answer">Accepted answer</p>{{/accepted}}
            \(reply)
            {{#children}}
            <article class="card" id="reply-{{id}}">
              \(reply)
            </article>
            {{/children}}
          </article>
          {{/replies}}
        </section>
        {{#canReply}}
        <form class="card stack" method="post" action="/threads/{{thread.id}}/replies" data-testid="reply-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#thread.replyForm.error}}<p class="notice error" role="alert" id="reply-body-error">{{thread.replyForm.error}}</p>{{/thread.replyForm.error}}
          <label for="reply-body">Your reply <small>Markdown</small></label>
          <textarea id="reply-body" name="body" rows="6" required maxlength="20000" data-preview="reply-preview"{{#thread.replyForm.fields.body}} aria-invalid="true" aria-describedby="reply-body-error"{{/thread.replyForm.fields.body}}>{{thread.replyForm.body}}</textarea>
          <div class="preview prose" id="reply-preview" aria-live="polite"></div>
          <label for="reply-files">Files <small>up to 5: images, PDFs, documents</small></label>
          <input type="file" id="reply-files" data-upload-purpose="attachment" data-upload-field="attachmentIds" multiple>
          {{#allowAnonymous}}<label class="choice"><input type="checkbox" name="anonymous" value="true"{{#thread.replyForm.anonymous}} checked{{/thread.replyForm.anonymous}}{{#thread.replyForm.fields.anonymous}} aria-invalid="true" aria-describedby="reply-body-error"{{/thread.replyForm.fields.anonymous}}> Reply anonymously</label>{{/allowAnonymous}}
          <div class="actions"><button type="submit" data-testid="reply-submit">Reply</button></div>
        </form>
        {{/canReply}}
        {{#thread.locked}}<p class="notice">This thread is locked: it takes no new replies.</p>{{/thread.locked}}
        {{#suspended}}<p class="notice error">You are suspended from this board: you may read but not post, vote or report.</p>{{/suspended}}
        {{^suspended}}
        <details class="card"{{#thread.reportForm.error}} open{{/thread.reportForm.error}}><summary>Report this thread</summary>
          <form class="stack" method="post" action="/threads/{{thread.id}}/report">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            {{#thread.reportForm.error}}<p class="notice error" role="alert" id="report-thread-error">{{thread.reportForm.error}}</p>{{/thread.reportForm.error}}
            <label for="report-thread">Why should staff look at it?</label>
            <input id="report-thread" name="reason" required maxlength="500" value="{{thread.reportForm.body}}"{{#thread.reportForm.fields.reason}} aria-invalid="true" aria-describedby="report-thread-error"{{/thread.reportForm.fields.reason}}>
            <button type="submit">Report</button>
          </form>
        </details>
        {{/suspended}}
        <script src="{{script}}" defer></script>
        {{/content}}
        {{/layout}}
        """

    private static let reply = """
        <div class="meta">
          <form method="post" action="/replies/{{id}}/vote" class="vote">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <button type="submit" name="value" value="1" data-testid="vote-up-{{id}}" aria-label="Vote the reply up"{{#votedUp}} aria-pressed="true"{{/votedUp}}>▲</button>
            <span data-testid="score-{{id}}">{{score}}</span>
            <button type="submit" name="value" value="-1" data-testid="vote-down-{{id}}" aria-label="Vote the reply down"{{#votedDown}} aria-pressed="true"{{/votedDown}}>▼</button>
          </form>
          {{authorName}} · <time datetime="{{createdISO}}">{{created}}</time>{{#edited}} · edited{{/edited}}
        </div>
        {{#removed}}<p class="muted">removed</p>{{/removed}}
        {{^removed}}<div class="prose">{{{bodyHtml}}}</div>{{/removed}}
        {{^removed}}{{#hasAttachments}}<ul class="attachments" data-testid="attachments-{{id}}">{{#attachments}}<li>{{#isImage}}<a href="{{href}}"><img class="thumb" src="{{href}}" alt="{{filename}}" loading="lazy" width="160"></a> {{/isImage}}<a href="{{href}}">{{filename}}</a> <small>{{size}}</small></li>{{/attachments}}</ul>{{/hasAttachments}}{{/removed}}
        <p class="actions">
          {{#canAccept}}{{^removed}}{{^accepted}}<form method="post" action="/threads/{{thread.id}}/accept"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="replyId" value="{{id}}"><button type="submit" data-testid="accept-{{id}}">Accept this answer</button></form>{{/accepted}}{{/removed}}{{/canAccept}}
          {{#canEdit}}<a href="/replies/{{id}}/edit">Edit</a>{{/canEdit}}
          {{#canDelete}}<form method="post" action="/replies/{{id}}/delete"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="quiet">Delete</button></form>{{/canDelete}}
        </p>
        {{#canReply}}{{^removed}}<details{{#replyForm.error}} open{{/replyForm.error}}><summary>Reply to {{authorName}}</summary>
          <form class="stack" method="post" action="/threads/{{thread.id}}/replies">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="parentId" value="{{id}}">
            {{#replyForm.error}}<p class="notice error" role="alert" id="reply-to-{{id}}-error">{{replyForm.error}}</p>{{/replyForm.error}}
            <label for="reply-to-{{id}}">Your reply</label>
            <textarea id="reply-to-{{id}}" name="body" rows="3" required maxlength="20000"{{#replyForm.fields.body}} aria-invalid="true" aria-describedby="reply-to-{{id}}-error"{{/replyForm.fields.body}}>{{replyForm.body}}</textarea>
            <label for="reply-to-{{id}}-files">Files <small>up to 5: images, PDFs, documents</small></label>
          <input type="file" id="reply-to-{{id}}-files" data-upload-purpose="attachment" data-upload-field="attachmentIds" multiple>
            <button type="submit">Reply</button>
          </form></details>{{/removed}}{{/canReply}}
        {{^suspended}}{{^removed}}<details{{#reportForm.error}} open{{/reportForm.error}}><summary>Report</summary>
          <form class="stack" method="post" action="/replies/{{id}}/report">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            {{#reportForm.error}}<p class="notice error" role="alert" id="report-{{id}}-error">{{reportForm.error}}</p>{{/reportForm.error}}
            <label for="report-{{id}}">Why should staff look at it?</label>
            <input id="report-{{id}}" name="reason" required maxlength="500" value="{{reportForm.body}}"{{#reportForm.fields.reason}} aria-invalid="true" aria-describedby="report-{{id}}-error"{{/reportForm.fields.reason}}>
            <button type="submit">Report</button>
          </form></details>{{/removed}}{{/suspended}}
        """
}
