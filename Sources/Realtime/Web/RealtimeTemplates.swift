import LyceumWeb

/// The messages and call pages' templates.
enum RealtimeTemplates {
    static let all = [PageTemplate("messages", rooms), PageTemplate("conversation", conversation), PageTemplate("call", call)]

    static let rooms = """
        {{<layout}}
        {{$content}}
        <h1>Messages</h1>
        <div class="grid two">
          <section class="card" aria-labelledby="rooms-heading">
            <h2 id="rooms-heading">Your conversations</h2>
            <ul class="rooms" data-room-list>
              {{#rooms}}
              <li data-room="{{id}}"><a href="/messages/{{id}}" data-testid="room-link">{{title}}</a> <span class="muted">{{kind}}</span>
                <span class="badge" data-room-unread{{^hasUnread}} hidden{{/hasUnread}}>{{unread}} unread</span>
                {{#preview}}<br><span class="muted" data-room-preview>{{preview}}</span>{{/preview}}</li>
              {{/rooms}}
            </ul>
            {{^rooms}}<p class="muted">No conversations yet. Course and study group rooms appear here when you join one.</p>{{/rooms}}
          </section>
          <section class="card" aria-labelledby="new-heading">
            <h2 id="new-heading">Start a conversation</h2>
            <form method="post" action="/messages" class="stack">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label for="names">People</label>
              <input id="names" name="names" value="{{names}}" required maxlength="1000" aria-describedby="names-hint{{#namesError}} names-error{{/namesError}}"{{#namesError}} aria-invalid="true"{{/namesError}}>
              <p class="hint" id="names-hint">Their display names, separated by commas (up to 19 people).</p>
              {{#namesError}}<p class="error" id="names-error">{{namesError}}</p>{{/namesError}}
              <button type="submit" data-testid="start-conversation">Start the conversation</button>
            </form>
          </section>
        </div>
        {{/content}}
        {{/layout}}
        """

    static let conversation = """
        {{<layout}}
        {{$content}}
        <p><a href="/messages">All conversations</a></p>
        <h1>{{title}}</h1>
        <p class="muted">{{kindLabel}}{{#members}} · {{members}}{{/members}}</p>
        {{{panelHtml}}}
        {{/content}}
        {{/layout}}
        """

    static let call = """
        {{<layout}}
        {{$content}}
        <h1>Call in {{roomTitle}}</h1>
        <section class="call" data-call data-room="{{roomId}}"{{#callId}} data-call-id="{{callId}}"{{/callId}} data-ice-servers="{{iceServers}}" aria-labelledby="call-status">
          <p id="call-status" class="call-status" data-call-status role="status">Starting your camera and microphone…</p>
          <div class="call-grid" data-call-tiles>
            <figure class="tile self" data-testid="self-tile"><video data-local-video autoplay muted playsinline></video><figcaption>You</figcaption></figure>
          </div>
          <div class="call-controls">
            <button type="button" class="secondary" data-call-mute aria-pressed="false" disabled>Mute</button>
            <button type="button" class="secondary" data-call-camera aria-pressed="false" disabled>Turn camera off</button>
            <button type="button" class="danger" data-call-hangup data-testid="hang-up">Hang up</button>
          </div>
          <noscript><p>Calls need JavaScript, a camera or a microphone.</p></noscript>
        </section>
        <p><a href="/messages/{{roomId}}">Back to the conversation</a></p>
        <script src="{{script}}" defer></script>
        {{/content}}
        {{/layout}}
        """
}
