import LyceumWeb

/// The instructor's pages: dashboard, course editor, roster and gradebook.
enum TeachTemplates {
    /// Every template of the teaching pages, by name.
    static let all = [
        PageTemplate("teach", dashboard), PageTemplate("teach-editor", editor), PageTemplate("teach-roster", roster),
        PageTemplate("teach-gradebook", gradebook),
    ]

    static let dashboard = """
        {{<layout}}
        {{$content}}
        <h1>Teaching</h1>
        {{#courses}}
        <div class="card course-row">
          <h2><a href="/teach/courses/{{slug}}">{{title}}</a> <span class="badge{{^published}} off{{/published}}">{{status}}</span></h2>
          <p class="muted">{{enrollmentCount}} learners · <a href="/courses/{{slug}}">view</a> · <a href="/teach/courses/{{slug}}/roster">roster</a> · <a href="/teach/courses/{{slug}}/gradebook">gradebook</a></p>
        </div>
        {{/courses}}
        {{^courses}}<p class="muted">You do not teach any course yet.</p>{{/courses}}
        <h2>Create a course</h2>
        <form class="card stack" method="post" action="/teach/courses">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label>Title <input name="title" required maxlength="200" value="{{form.title}}">
            {{#fields.title}}<span class="field-error">Title {{fields.title}}.</span>{{/fields.title}}{{#fields.slug}}<span class="field-error">The address derived from it {{fields.slug}}.</span>{{/fields.slug}}</label>
          <label>Summary <input name="summary" maxlength="500" value="{{form.summary}}"></label>
          <label>Category <input name="category" maxlength="60" value="{{form.category}}" placeholder="General"></label>
          <div><button type="submit">Create draft</button></div>
        </form>
        {{/content}}
        {{/layout}}
        """

    static let editor = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/teach">Teaching</a> › <a href="/courses/{{course.slug}}">{{course.title}}</a></p>
        <h1>Edit: {{course.title}} <span class="badge{{^published}} off{{/published}}">{{course.status}}</span></h1>
        <div class="actions">
          {{^published}}<form method="post" action="/teach/courses/{{course.slug}}/status"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="status" value="published"><button type="submit">Publish</button></form>{{/published}}
          {{#published}}<form method="post" action="/teach/courses/{{course.slug}}/status"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="status" value="archived"><button class="danger" type="submit">Archive</button></form>{{/published}}
        </div>
        <form class="card stack" method="post" action="/teach/courses/{{course.slug}}">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label>Title <input name="title" required maxlength="200" value="{{course.title}}">{{#fields.title}}<span class="field-error">Title {{fields.title}}.</span>{{/fields.title}}</label>
          <label>Summary <input name="summary" maxlength="500" value="{{course.summary}}"></label>
          <label>Description <small>Markdown</small>
            <textarea name="description" data-preview="description-preview">{{description}}</textarea></label>
          <div class="preview prose" id="description-preview" aria-live="polite"></div>
          <label>Category <input name="category" maxlength="60" value="{{course.category}}"></label>
          <label>Tags <small>comma-separated</small> <input name="tags" value="{{tags}}"></label>
          <label>Level <select name="level">{{#levels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/levels}}</select></label>
          <label>Price in cents <small>0 is free</small> <input name="priceMinor" inputmode="numeric" value="{{course.priceMinor}}">{{#fields.priceMinor}}<span class="field-error">Price {{fields.priceMinor}}.</span>{{/fields.priceMinor}}</label>
          <div><button type="submit">Save course</button></div>
        </form>
        <h2>Modules and lessons</h2>
        {{#modules}}
        <div class="card module">
          <h3>{{position}}. {{title}}
            <form class="inline" method="post" action="/teach/courses/{{courseSlug}}/move"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="module" value="{{id}}"><button class="small" name="direction" value="up" aria-label="Move module up">↑</button><button class="small" name="direction" value="down" aria-label="Move module down">↓</button></form>
          </h3>
          <ol class="lessons">
            {{#lessons}}<li><a href="/courses/{{courseSlug}}/lessons/{{id}}">{{title}}</a>{{#preview}} <span class="badge">preview</span>{{/preview}}
              <form class="inline" method="post" action="/teach/courses/{{courseSlug}}/move"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="lesson" value="{{id}}"><button class="small" name="direction" value="up" aria-label="Move lesson up">↑</button><button class="small" name="direction" value="down" aria-label="Move lesson down">↓</button></form></li>{{/lessons}}
          </ol>
          <details>
            <summary>Add a lesson</summary>
            <form class="stack" method="post" action="/teach/courses/{{courseSlug}}/modules/{{id}}/lessons">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label>Title <input name="title" required maxlength="200"></label>
              <label>Body <small>Markdown; the preview below shows what students see</small>
                <textarea name="body" data-preview="preview-{{id}}"></textarea></label>
              <div class="preview prose" id="preview-{{id}}" aria-live="polite"></div>
              <label>Minutes <input name="estimatedMinutes" inputmode="numeric" value="10"></label>
              <label class="choice"><input type="checkbox" name="preview" value="true"> Free preview</label>
              <div><button type="submit">Add lesson</button></div>
            </form>
          </details>
          <details>
            <summary>Add a quiz</summary>
            <form class="stack" method="post" action="/teach/courses/{{courseSlug}}/modules/{{id}}/quizzes">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label>Title <input name="title" required maxlength="200" value="Check your understanding"></label>
              <label>Passing score % <input name="passingScore" inputmode="numeric" value="70"></label>
              <label>Attempts allowed <small>empty for unlimited</small> <input name="maxAttempts" inputmode="numeric"></label>
              <label>Time limit in minutes <small>empty for none</small> <input name="timeLimitMinutes" inputmode="numeric"></label>
              <label>Questions
                <small>One block per question, separated by a blank line. "? prompt" then: "* right" / "- wrong" options; "= true" or "= false"; "~ accepted answer"; "# number" or "# number ± tolerance".</small>
                <textarea name="questions" rows="10" placeholder="? Which planet is largest?&#10;- Mars&#10;* Jupiter&#10;&#10;? The Moon is a planet.&#10;= false"></textarea>
              </label>
              <label class="choice"><input type="checkbox" name="shuffle" value="true" checked> Shuffle questions and options</label>
              <div><button type="submit">Add quiz</button></div>
            </form>
          </details>
        </div>
        {{/modules}}
        <form class="card stack" method="post" action="/teach/courses/{{course.slug}}/modules">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label>New module title <input name="title" required maxlength="200"></label>
          <div><button type="submit">Add module</button></div>
        </form>
        <script src="{{script}}" defer></script>
        {{/content}}
        {{/layout}}
        """

    static let roster = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/teach">Teaching</a> › <a href="/teach/courses/{{course.slug}}">{{course.title}}</a></p>
        <h1>Roster</h1>
        <div class="table-wrap card flush">
          <table>
            <thead><tr><th>Student</th><th>Progress</th><th class="optional">Enrolled</th><th></th></tr></thead>
            <tbody>
              {{#entries}}<tr><td>{{name}}</td><td><progress max="100" value="{{percent}}">{{percent}}%</progress> {{percent}}%{{#completed}} <span class="badge done">completed</span>{{/completed}}</td><td class="optional">{{enrolled}}</td>
                <td><form method="post" action="/teach/courses/{{course.slug}}/roster/{{id}}/remove"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small danger" type="submit">Remove</button></form></td></tr>{{/entries}}
              {{^entries}}<tr><td colspan="4" class="muted">Nobody has enrolled yet.</td></tr>{{/entries}}
            </tbody>
          </table>
        </div>
        {{/content}}
        {{/layout}}
        """

    static let gradebook = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/teach">Teaching</a> › <a href="/teach/courses/{{course.slug}}">{{course.title}}</a></p>
        <h1>Gradebook</h1>
        <p><a href="/teach/courses/{{course.slug}}/gradebook.csv">Download CSV</a></p>
        <div class="table-wrap card flush">
          <table>
            <thead><tr><th>Student</th><th>Lessons</th>{{#quizzes}}<th>{{title}}</th>{{/quizzes}}</tr></thead>
            <tbody>
              {{#rows}}<tr><td>{{name}}</td><td>{{percent}}%</td>{{#grades}}<td>{{#best}}{{best}}%{{/best}}{{^best}}—{{/best}} <span class="muted">({{attempts}})</span>{{#passed}} ✓{{/passed}}</td>{{/grades}}</tr>{{/rows}}
              {{^rows}}<tr><td class="muted">No students yet.</td></tr>{{/rows}}
            </tbody>
          </table>
        </div>
        {{/content}}
        {{/layout}}
        """
}
