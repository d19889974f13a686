/// The one stylesheet of the web UI: readable type, a calm palette, and a layout that works from phone to desktop.
///
/// Accessibility (WCAG 2.2 AA): text and badges have at least 4.5:1 contrast, field borders and the focus ring
/// at least 3:1, and every focusable element shows the ring under `:focus-visible`.
///
/// Every form field follows one pattern, so errors are tied to their fields and highlighted. The label names
/// the input with `for`/`id`; a hint, when there is one, has the id `<field>-hint`; the error, when
/// `fields.<field>` is set, has the id `<field>-error`, and the input then gets `aria-invalid="true"` and
/// lists the error in `aria-describedby` (after the hint), which this stylesheet highlights:
///
/// ```html
/// <div class="field">
///   <label for="title">Title</label>
///   <p class="hint" id="title-hint">Up to 120 characters.</p>
///   <input id="title" name="title" value="{{form.title}}" aria-describedby="title-hint{{#fields.title}} title-error{{/fields.title}}"{{#fields.title}} aria-invalid="true"{{/fields.title}}>
///   {{#fields.title}}<p class="field-error" id="title-error">Title {{fields.title}}.</p>{{/fields.title}}
/// </div>
/// ```
/// Without a hint: `<input id="title" …{{#fields.title}} aria-invalid="true" aria-describedby="title-error"{{/fields.title}}>`.
/// A control without a visible label (a select in a table row) gets an `aria-label` that names its row.
/// A page that re-renders a form with errors also sets the page's `error` ("Please correct the highlighted
/// fields."), which the layout announces with `role="alert"`.
enum Stylesheet {
    static let text = """
        :root {
          --ink: #1d2433; --muted: #5b6478; --line: #dde2ea; --paper: #ffffff; --wash: #f5f7fb;
          --brand: #3b4fd8; --brand-ink: #ffffff; --danger: #b42318; --ok: #087443;
          --field-line: #6b7385; --focus: #1e3a8a;
          --radius: 10px; --shadow: 0 1px 2px rgba(16,24,40,.06), 0 1px 3px rgba(16,24,40,.1);
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          color: var(--ink); background: var(--wash); line-height: 1.55;
        }
        * { box-sizing: border-box; }
        body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
        a { color: var(--brand); }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: var(--paper); padding: .5rem; z-index: 10; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0);
          white-space: nowrap; border: 0; }
        header.site { background: var(--paper); border-bottom: 1px solid var(--line); }
        header.site .bar { max-width: 64rem; margin: 0 auto; padding: .75rem 1rem; display: flex; gap: 1rem;
          align-items: center; flex-wrap: wrap; }
        .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; color: var(--ink); margin-right: auto; }
        .brand span { color: var(--brand); }
        nav.site { display: flex; gap: .25rem 1rem; align-items: center; flex-wrap: wrap; }
        nav.site a { text-decoration: none; color: var(--muted); font-weight: 500; }
        nav.site a:hover, nav.site a[aria-current="page"] { color: var(--ink); }
        nav.site a.button, nav.site a.button:hover { color: var(--brand-ink); }
        .hero .button { margin-right: .75rem; }
        nav.site form { margin: 0; }
        nav.site a.bell { position: relative; display: inline-flex; align-items: center; min-height: 2.75rem; min-width: 2.75rem; justify-content: center; }
        .bell-count { position: absolute; top: .2rem; right: 0; min-width: 1.2rem; padding: 0 .3rem; border-radius: 999px;
          background: var(--danger); color: #fff; font-size: .7rem; font-weight: 700; line-height: 1.2rem; text-align: center; }
        .bell-count[hidden] { display: none; }
        nav.site a.viewer { display: inline-flex; align-items: center; gap: .4rem; }
        .avatar { width: 28px; height: 28px; border-radius: 50%; object-fit: cover; flex: none; }
        .avatar.large { width: 96px; height: 96px; }
        .avatar.initials { display: inline-flex; align-items: center; justify-content: center; background: var(--line, #ddd); color: var(--ink); font-size: .75rem; font-weight: 600; }
        .upload-widget { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin-top: .5rem; }
        .upload-widget[hidden] { display: none; }
        .upload-widget.failed .upload-status { color: var(--danger, #b00020); }
        .notification.unread { border-left: 4px solid var(--brand); }
        main { flex: 1; width: 100%; max-width: 64rem; margin: 0 auto; padding: 2rem 1rem 3rem; }
        main.narrow { max-width: 30rem; }
        footer.site { color: var(--muted); font-size: .875rem; text-align: center; padding: 1.5rem 1rem; }
        h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 1rem; }
        h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; }
        .lead { font-size: 1.15rem; color: var(--muted); max-width: 40rem; }
        .card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius);
          box-shadow: var(--shadow); padding: 1.5rem; }
        .hero { padding: 3rem 0 2rem; }
        .features { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); margin-top: 2rem; }
        .features .card h2 { margin-top: 0; font-size: 1.05rem; }
        form.stack { display: grid; gap: 1rem; }
        label { display: grid; gap: .35rem; font-weight: 600; font-size: .95rem; }
        label small { font-weight: 400; color: var(--muted); }
        .field { display: grid; gap: .35rem; }
        .field > label { display: block; }
        .hint { margin: 0; font-size: .875rem; color: var(--muted); }
        input, select, textarea { font: inherit; font-weight: 400; padding: .6rem .75rem; border: 1px solid var(--field-line);
          border-radius: 8px; background: var(--paper); color: var(--ink); width: 100%; }
        textarea { min-height: 7rem; resize: vertical; }
        :focus-visible, input:focus, select:focus, textarea:focus {
          outline: 3px solid var(--focus); outline-offset: 2px; }
        [aria-invalid="true"] { border: 2px solid var(--danger); background: #fffbfa; }
        button, .button { font: inherit; font-weight: 600; border: 0; border-radius: 8px; padding: .6rem 1.1rem;
          background: var(--brand); color: var(--brand-ink); cursor: pointer; text-decoration: none; display: inline-block; }
        button.quiet { background: transparent; color: var(--muted); padding: 0; font-weight: 500; }
        button.quiet:hover { color: var(--ink); }
        button.small { padding: .35rem .7rem; font-size: .875rem; }
        button.danger, .button.danger { background: var(--danger); color: var(--brand-ink); }
        .button.small { padding: .35rem .7rem; font-size: .875rem; }
        .button.secondary { background: var(--paper); color: var(--brand); border: 1px solid var(--brand); }
        .field-error { color: var(--danger); font-weight: 500; font-size: .875rem; margin: 0; }
        .field-error::before { content: "⚠ "; }
        .notice { border-radius: 8px; padding: .75rem 1rem; margin-bottom: 1rem; }
        .notice.error { background: #fef3f2; color: var(--danger); border: 1px solid #fecdca; }
        .notice.ok { background: #ecfdf3; color: var(--ok); border: 1px solid #abefc6; }
        .muted { color: var(--muted); }
        .table-wrap { overflow-x: auto; }
        table { width: 100%; border-collapse: collapse; background: var(--paper); }
        th, td { text-align: left; padding: .6rem .75rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
        th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        td form { display: flex; gap: .5rem; align-items: center; margin: 0; flex-wrap: wrap; }
        td select { width: auto; padding: .35rem .5rem; }
        .badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: .1rem .5rem; border-radius: 999px;
          background: #eef0ff; color: var(--brand); }
        .badge.off { background: #fef3f2; color: var(--danger); }
        .filters { display: flex; gap: .75rem; flex-wrap: wrap; align-items: end; margin-bottom: 1rem; }
        .filters label { flex: 1 1 12rem; }
        .pager { margin-top: 1rem; display: flex; gap: 1.5rem; flex-wrap: wrap; }
        .next-steps { padding-left: 1.25rem; }
        .next-steps li { margin: .35rem 0; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1.5rem; margin: 0; }
        .facts dt { font-weight: 600; }
        .facts dd { margin: 0; overflow-wrap: anywhere; }
        .flush { padding: 0; }
        .crumbs { color: var(--muted); font-size: .9rem; margin: 0 0 .5rem; }
        .course-grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
        .course-card { text-decoration: none; color: var(--ink); display: block; }
        .course-card h2 { margin: .5rem 0; font-size: 1.1rem; }
        .course-card:hover { border-color: var(--brand); }
        .meta { font-size: .875rem; color: var(--muted); margin-bottom: 0; }
        .course-row, .module, .question, .progress-card { margin-bottom: 1rem; }
        .course-row h2, .module h3 { margin-top: 0; }
        .lessons { padding-left: 1.25rem; }
        .lessons li { margin: .35rem 0; }
        progress { width: 100%; max-width: 24rem; height: .8rem; accent-color: var(--brand); vertical-align: middle; }
        .badge.done { background: #ecfdf3; color: var(--ok); }
        .prose { line-height: 1.7; }
        .prose pre { background: #0f172a; color: #e2e8f0; padding: 1rem; border-radius: 8px; overflow-x: auto; }
        .prose code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
        .prose blockquote { border-left: 4px solid var(--line); margin: 1rem 0; padding: .25rem 1rem; color: var(--muted); }
        .preview { border: 1px dashed var(--line); border-radius: 8px; padding: .5rem 1rem; min-height: 2rem; background: var(--wash); }
        .choice { display: flex; gap: .5rem; align-items: center; font-weight: 400; }
        .choice { min-height: 2.75rem; }
        .choice input, input[type="checkbox"], input[type="radio"] { width: 1.5rem; height: 1.5rem; margin: 0; flex: none;
          accent-color: var(--brand); }
        fieldset.question { border: 1px solid var(--line); }
        fieldset.question legend { font-weight: 600; padding: 0 .25rem; }
        form.inline { display: inline-flex; gap: .25rem; margin-left: .5rem; }
        .actions { display: flex; gap: .5rem; margin-bottom: 1rem; }
        .actions > a { display: inline-flex; align-items: center; min-height: 2.75rem; }
        .lesson-nav { display: flex; justify-content: space-between; gap: 1rem; }
        .lesson-nav .next { margin-left: auto; }
        .timer { font-size: 1.1rem; }
        .certificate { text-align: center; padding: 3rem 1.5rem; border: 3px double var(--brand); }
        details { margin-top: .75rem; }
        summary { cursor: pointer; color: var(--brand); font-weight: 600; }
        @media (max-width: 40rem) {
          main { padding-top: 1.25rem; }
          h1 { font-size: 1.45rem; }
          .card { padding: 1.1rem; }
          th.optional, td.optional { display: none; }
          table.stacked thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.stacked tr, table.stacked td { display: block; }
          table.stacked tr { border-bottom: 1px solid var(--line); padding: .5rem 0; }
          table.stacked td { border-bottom: 0; padding: .35rem .75rem; }
          td form select, td form button, td form .button { min-height: 2.75rem; }
        }
        .grid.two { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); align-items: start; }
        ul.rooms { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
        .chat-head { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: baseline; justify-content: space-between; }
        .chat-head h2 { margin: 0; }
        .chat-links { display: flex; gap: 1rem; align-items: baseline; }
        .chat-body { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr) 12rem; margin-top: .75rem; }
        .chat-log { list-style: none; margin: 0; padding: 0 .25rem; max-height: 22rem; overflow-y: auto; display: grid; gap: .5rem; align-content: start; }
        .chat.expanded .chat-log { max-height: 60vh; min-height: 16rem; }
        .chat-log .message { border-bottom: 1px solid var(--line); padding-bottom: .4rem; }
        .chat-log .meta, .chat-log .actions, .chat-log .reply-to { margin: 0; font-size: .875rem; }
        .chat-log .actions { display: flex; gap: .75rem; }
        .chat-log .body p { margin: .2rem 0; }
        .chat-people ul { list-style: none; padding: 0; margin: 0; font-size: .9rem; display: grid; gap: .3rem; }
        .chat-people h3 { margin-top: 0; font-size: .95rem; }
        .chat-people .dot { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; margin-right: .4rem; background: var(--line); }
        .chat-people [data-status="online"] .dot { background: var(--ok); }
        .chat-people [data-status="away"] .dot { background: #b54708; }
        .chat-typing { min-height: 1.4rem; margin: .25rem 0 0; font-size: .875rem; }
        .chat-form { display: grid; gap: .4rem; }
        .chat-form .error { color: var(--danger); margin: 0; }
        .ring { position: sticky; top: 0; z-index: 10; background: #eef4ff; border: 1px solid var(--brand); display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 0; border-radius: 0; }
        .ring p { margin: 0; font-weight: 600; }
        .call-grid { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); margin: 1rem 0; }
        .call .tile { margin: 0; background: #0f1420; border-radius: var(--radius); overflow: hidden; position: relative; aspect-ratio: 4 / 3; }
        .call .tile video { width: 100%; height: 100%; object-fit: cover; }
        .call .tile figcaption { position: absolute; left: .5rem; bottom: .5rem; color: #fff; background: rgba(0, 0, 0, .55); padding: .1rem .5rem; border-radius: 6px; font-size: .875rem; }
        .call-controls { display: flex; flex-wrap: wrap; gap: .75rem; }
        @media (max-width: 40rem) { .chat-body { grid-template-columns: 1fr; } }
"""
}
