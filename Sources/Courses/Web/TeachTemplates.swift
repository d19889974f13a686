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
          <p class="muted">{{learners}} · <a href="/courses/{{slug}}">view</a> · <a href="/teach/courses/{{slug}}/roster">roster</a> · <a href="/teach/courses/{{slug}}/gradebook">gradebook</a></p>
        </div>
        {{/courses}}
        {{^courses}}<p class="muted">You do not teach any course yet.</p>{{/courses}}
        <h2>Create a course</h2>
        <form class="card stack" method="post" action="/teach/courses">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="new-course-title">Title</label>
          <input id="new-course-title" name="title" required maxlength="200" value="{{form.title}}"{{#fields.title}} aria-invalid="true" aria-describedby="new-course-title-error"{{/fields.title}}{{#fields.slug}} aria-invalid="true" aria-describedby="new-course-slug-error"{{/fields.slug}}>
          {{#fields.title}}<span class="field-error" id="new-course-title-error">Title {{fields.title}}.</span>{{/fields.title}}{{#fields.slug}}<span class="field-error" id="new-course-slug-error">The address derived from it {{fields.slug}}.</span>{{/fields.slug}}
          <label for="new-course-summary">Summary</label>
          <input id="new-course-summary" name="summary" maxlength="500" value="{{form.summary}}"{{#fields.summary}} aria-invalid="true" aria-describedby="new-course-summary-error"{{/fields.summary}}>
          {{#fields.summary}}<span class="field-error" id="new-course-summary-error">Summary {{fields.summary}}.</span>{{/fields.summary}}
          <label for="new-course-category">Category</label>
          <input id="new-course-category" name="category" maxlength="60" value="{{form.category}}" placeholder="General"{{#fields.category}} aria-invalid="true" aria-describedby="new-course-category-error"{{/fields.category}}>
          {{#fields.category}}<span class="field-error" id="new-course-category-error">Category {{fields.category}}.</span>{{/fields.category}}
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
          <label for="course-title">Title</label>
          <input id="course-title" name="title" required maxlength="200" value="{{course.title}}"{{#fields.title}} aria-invalid="true" aria-describedby="course-title-error"{{/fields.title}}>
          {{#fields.title}}<span class="field-error" id="course-title-error">Title {{fields.title}}.</span>{{/fields.title}}
          <label for="course-summary">Summary</label>
          <input id="course-summary" name="summary" maxlength="500" value="{{course.summary}}"{{#fields.summary}} aria-invalid="true" aria-describedby="course-summary-error"{{/fields.summary}}>
          {{#fields.summary}}<span class="field-error" id="course-summary-error">Summary {{fields.summary}}.</span>{{/fields.summary}}
          <label>Description <small>Markdown</small>
            <textarea name="description" data-preview="description-preview">{{description}}</textarea></label>
          <div class="preview prose" id="description-preview" aria-live="polite"></div>
          <label for="course-category">Category</label>
          <input id="course-category" name="category" maxlength="60" value="{{course.category}}"{{#fields.category}} aria-invalid="true" aria-describedby="course-category-error"{{/fields.category}}>
          {{#fields.category}}<span class="field-error" id="course-category-error">Category {{fields.category}}.</span>{{/fields.category}}
          <label for="course-tags">Tags <small>comma-separated</small></label>
          <input id="course-tags" name="tags" value="{{tags}}"{{#fields.tags}} aria-invalid="true" aria-describedby="course-tags-error"{{/fields.tags}}>
          {{#fields.tags}}<span class="field-error" id="course-tags-error">Tags {{fields.tags}}.</span>{{/fields.tags}}
          <label>Level <select name="level">{{#levels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/levels}}</select></label>
          <label for="course-slug">Web address <small>/courses/… — lowercase letters, digits and hyphens</small></label>
          <input id="course-slug" name="slug" maxlength="80" value="{{course.address}}"{{#fields.slug}} aria-invalid="true" aria-describedby="course-slug-error"{{/fields.slug}}>
          {{#fields.slug}}<span class="field-error" id="course-slug-error">The address {{fields.slug}}.</span>{{/fields.slug}}
          <label for="course-price">Price <small>such as 49.00; 0 is free</small></label>
          <input id="course-price" name="price" inputmode="decimal" value="{{course.price}}"{{#fields.priceMinor}} aria-invalid="true" aria-describedby="course-price-error"{{/fields.priceMinor}}>
          {{#fields.priceMinor}}<span class="field-error" id="course-price-error">Price {{fields.priceMinor}}.</span>{{/fields.priceMinor}}
          <label for="course-currency">Currency</label>
          <select id="course-currency" name="currency"{{#fields.currency}} aria-invalid="true" aria-describedby="course-currency-error"{{/fields.currency}}>{{#currencies}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/currencies}}</select>
          {{#fields.currency}}<span class="field-error" id="course-currency-error">Currency {{fields.currency}}.</span>{{/fields.currency}}
          <div><button type="submit">Save course</button></div>
        </form>
        <h2>Modules and lessons</h2>
        {{#modules}}
        <div class="card module">
          <h3>{{position}}. {{title}}{{#hidden}} <span class="badge off">hidden</span>{{/hidden}}</h3>
          <div class="actions">
            <form class="inline" method="post" action="/teach/courses/{{courseSlug}}/move"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="module" value="{{id}}"><button class="small" name="direction" value="up">Move module {{position}} up</button> <button class="small" name="direction" value="down">Move module {{position}} down</button></form>
            <form class="inline" method="post" action="/teach/courses/{{courseSlug}}/modules/{{id}}/visibility"><input type="hidden" name="_csrf" value="{{csrf}}">{{#hidden}}<input type="hidden" name="hidden" value="false"><button class="small" type="submit">Show module {{position}}</button>{{/hidden}}{{^hidden}}<input type="hidden" name="hidden" value="true"><button class="small" type="submit">Hide module {{position}}</button>{{/hidden}}</form>
            <form class="inline" method="post" action="/teach/courses/{{courseSlug}}/modules/{{id}}/delete"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small danger" type="submit">Delete module {{position}}</button></form>
          </div>
          <details>
            <summary>Rename module {{position}}</summary>
            <form class="stack" method="post" action="/teach/courses/{{courseSlug}}/modules/{{id}}">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label for="module-{{id}}-title">Module title</label>
              <input id="module-{{id}}-title" name="title" required maxlength="200" value="{{title}}">
              <div><button type="submit">Rename</button></div>
            </form>
          </details>
          <ol class="lessons">
            {{#lessons}}<li><a href="/courses/{{courseSlug}}/lessons/{{id}}">{{title}}</a>{{#preview}} <span class="badge">preview</span>{{/preview}}{{#hidden}} <span class="badge off">hidden</span>{{/hidden}}
              <span class="item-actions">
                <a class="small" href="/teach/courses/{{courseSlug}}/lessons/{{id}}">Edit<span class="visually-hidden"> {{title}}</span></a>
                <form class="inline" method="post" action="/teach/courses/{{courseSlug}}/move"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="lesson" value="{{id}}"><button class="small" name="direction" value="up" aria-label="Move {{title}} up">↑</button><button class="small" name="direction" value="down" aria-label="Move {{title}} down">↓</button></form>
                <form class="inline" method="post" action="/teach/courses/{{courseSlug}}/lessons/{{id}}/visibility"><input type="hidden" name="_csrf" value="{{csrf}}">{{#hidden}}<input type="hidden" name="hidden" value="false"><button class="small" type="submit">Show<span class="visually-hidden"> {{title}}</span></button>{{/hidden}}{{^hidden}}<input type="hidden" name="hidden" value="true"><button class="small" type="submit">Hide<span class="visually-hidden"> {{title}}</span></button>{{/hidden}}</form>
                <form class="inline" method="post" action="/teach/courses/{{courseSlug}}/lessons/{{id}}/delete"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small danger" type="submit">Delete<span class="visually-hidden"> {{title}}</span></button></form>
              </span></li>{{/lessons}}
            {{#quizzes}}<li>Quiz: <a href="/courses/{{courseSlug}}/quizzes/{{id}}/preview">{{title}}</a>{{#hidden}} <span class="badge off">hidden</span>{{/hidden}}
              <span class="item-actions">
                <a class="small" href="/teach/courses/{{courseSlug}}/quizzes/{{id}}">Edit<span class="visually-hidden"> {{title}}</span></a>
                <form class="inline" method="post" action="/teach/courses/{{courseSlug}}/quizzes/{{id}}/visibility"><input type="hidden" name="_csrf" value="{{csrf}}">{{#hidden}}<input type="hidden" name="hidden" value="false"><button class="small" type="submit">Show<span class="visually-hidden"> {{title}}</span></button>{{/hidden}}{{^hidden}}<input type="hidden" name="hidden" value="true"><button class="small" type="submit">Hide<span class="visually-hidden"> {{title}}</span></button>{{/hidden}}</form>
                <form class="inline" method="post" action="/teach/courses/{{courseSlug}}/quizzes/{{id}}/delete"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small danger" type="submit">Delete<span class="visually-hidden"> {{title}}</span></button></form>
              </span></li>{{/quizzes}}
          </ol>
          <details>
            <summary>Add a lesson to module {{position}}</summary>
            <form class="stack" method="post" action="/teach/courses/{{courseSlug}}/modules/{{id}}/lessons">
              <input type="hidden" name="_csrf" value="{{csrf}}">
              <label for="new-lesson-{{id}}-title">Title</label>
              <input id="new-lesson-{{id}}-title" name="title" required maxlength="200">
              <label for="new-lesson-{{id}}-body">Body <small>Markdown; the preview below shows what students see</small></label>
              <textarea id="new-lesson-{{id}}-body" name="body" data-preview="preview-{{id}}"></textarea>
              <div class="preview prose" id="preview-{{id}}" aria-live="polite"></div>
              <label for="new-lesson-{{id}}-minutes">Minutes to read</label>
              <input id="new-lesson-{{id}}-minutes" name="estimatedMinutes" inputmode="numeric" value="10">
              <label for="new-lesson-{{id}}-video">Video address <small>optional; an https:// link</small></label>
              <input id="new-lesson-{{id}}-video" name="videoUrl" type="url" maxlength="2000">
              <label class="choice"><input type="checkbox" name="preview" value="true"> Free preview</label>
              <div><button type="submit">Add lesson</button></div>
            </form>
          </details>
          <p><a href="/teach/courses/{{courseSlug}}/modules/{{id}}/quizzes/new">Add a quiz to module {{position}}</a></p>
        </div>
        {{/modules}}
        <form class="card stack" method="post" action="/teach/courses/{{course.slug}}/modules">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="new-module-title">New module title</label>
          <input id="new-module-title" name="title" required maxlength="200">
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
        <p class="muted">{{count}}</p>
        <div class="table-wrap card flush">
          <table>
            <thead><tr><th>Student</th><th>Progress</th><th class="optional">Enrolled</th><th></th></tr></thead>
            <tbody>
              {{#entries}}<tr><td>{{name}}</td><td><progress max="100" value="{{percent}}">{{percent}}%</progress> {{percent}}%{{#completed}} <span class="badge done">completed</span>{{/completed}}</td><td class="optional">{{enrolled}}</td>
                <td><form method="post" action="/teach/courses/{{course.slug}}/roster/{{id}}/remove"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small danger" type="submit">Remove<span class="visually-hidden"> {{name}}</span></button></form></td></tr>{{/entries}}
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
