import LyceumWeb

/// Templates of the pages that change one item: the lesson form, the quiz editor and the confirmation page.
///
/// Field errors follow one pattern: the input carries `aria-invalid="true"` and `aria-describedby` naming the
/// `<span class="field-error" id="…-error">` that says what is wrong, next to the field.
enum TeachItemTemplates {
    /// Every template, by name.
    static let all = [
        PageTemplate("teach-lesson", lesson), PageTemplate("teach-confirm", confirm), PageTemplate("teach-quiz", quiz),
    ]

    static let lesson = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/teach">Teaching</a> › <a href="/teach/courses/{{course.slug}}">{{course.title}}</a></p>
        <h1>{{heading}}</h1>
        {{#lessonID}}<p><a href="/courses/{{course.slug}}/lessons/{{lessonID}}">Preview as students see it</a></p>{{/lessonID}}
        <form class="card stack" method="post" action="{{formAction}}">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="lesson-title">Title</label>
          <input id="lesson-title" name="title" required maxlength="200" value="{{lessonTitle}}"{{#fields.title}} aria-invalid="true" aria-describedby="lesson-title-error"{{/fields.title}}>
          {{#fields.title}}<span class="field-error" id="lesson-title-error">Title {{fields.title}}.</span>{{/fields.title}}
          <label for="lesson-body">Body <small>Markdown; the preview below shows what students see</small></label>
          <textarea id="lesson-body" name="body" rows="16" data-preview="lesson-preview"{{#fields.body}} aria-invalid="true" aria-describedby="lesson-body-error"{{/fields.body}}>{{body}}</textarea>
          {{#fields.body}}<span class="field-error" id="lesson-body-error">Body {{fields.body}}.</span>{{/fields.body}}
          <div class="preview prose" id="lesson-preview" aria-live="polite"></div>
          <label for="lesson-minutes">Minutes to read</label>
          <input id="lesson-minutes" name="estimatedMinutes" inputmode="numeric" value="{{minutes}}"{{#fields.estimatedMinutes}} aria-invalid="true" aria-describedby="lesson-minutes-error"{{/fields.estimatedMinutes}}>
          {{#fields.estimatedMinutes}}<span class="field-error" id="lesson-minutes-error">Minutes {{fields.estimatedMinutes}}.</span>{{/fields.estimatedMinutes}}
          <label for="lesson-video">Video address <small>optional; an https:// link to the lecture video</small></label>
          <input id="lesson-video" name="videoUrl" type="url" maxlength="2000" value="{{videoURL}}"{{#fields.videoUrl}} aria-invalid="true" aria-describedby="lesson-video-error"{{/fields.videoUrl}}>
          {{#fields.videoUrl}}<span class="field-error" id="lesson-video-error">Video address {{fields.videoUrl}}.</span>{{/fields.videoUrl}}
          <label class="choice"><input type="checkbox" name="preview" value="true"{{#preview}} checked{{/preview}}> Free preview (open to everyone who sees the course)</label>
          <label class="choice"><input type="checkbox" name="hidden" value="true"{{#hidden}} checked{{/hidden}}> Hidden from students</label>
          <div class="actions"><button type="submit">{{saveLabel}}</button> <a href="/teach/courses/{{course.slug}}">Cancel</a></div>
        </form>
        {{#media}}
        <section class="card stack" aria-labelledby="lesson-video-heading" data-testid="lesson-video-editor">
          <h2 id="lesson-video-heading">Video</h2>
          <p class="muted">Upload a video file (MP4 or WebM), or give a video address in the lesson form above; a lesson has one video.</p>
          {{#uploadedVideo}}
          <p>Uploaded video: <strong>{{uploadedVideo}}</strong></p>
          <form method="post" action="{{videoAction}}">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="remove" value="true">
            <button class="danger" type="submit">Remove the video</button>
          </form>
          {{/uploadedVideo}}
          <form method="post" action="{{videoAction}}">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="videoUploadId" value="">
            <label for="lesson-video-file">{{#uploadedVideo}}Replace it with another video file{{/uploadedVideo}}{{^uploadedVideo}}Video file{{/uploadedVideo}}</label>
            <input id="lesson-video-file" type="file" accept="video/mp4,video/webm" data-upload-purpose="video" data-upload-field="videoUploadId" data-upload-autosubmit>
            <noscript><p class="muted">Uploading a file needs JavaScript; you can still give a video address above.</p></noscript>
          </form>
        </section>
        <section class="card stack" aria-labelledby="lesson-attachments-heading" data-testid="lesson-attachments-editor">
          <h2 id="lesson-attachments-heading">Attachments</h2>
          {{#files}}
          <form class="actions" method="post" action="{{removeAction}}">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <span>{{filename}} <span class="muted">{{size}}</span></span>
            <button class="quiet" type="submit" aria-label="Remove {{filename}}">Remove</button>
          </form>
          {{/files}}
          {{^files}}<p class="muted">No files yet.</p>{{/files}}
          {{#canAttach}}
          <form method="post" action="{{attachAction}}">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <input type="hidden" name="uploadId" value="">
            <label for="lesson-attachment-file">Add attachment <small>PDF, Office documents, text, images, zip or audio</small></label>
            <input id="lesson-attachment-file" type="file" data-upload-purpose="attachment" data-upload-field="uploadId" data-upload-autosubmit>
            <noscript><p class="muted">Uploading a file needs JavaScript.</p></noscript>
          </form>
          {{/canAttach}}
          {{^canAttach}}<p class="muted">This lesson has the most files a lesson may have ({{maxAttachments}}); remove one to add another.</p>{{/canAttach}}
        </section>
        {{/media}}
        <script src="{{script}}" defer></script>
        {{/content}}
        {{/layout}}
        """

    static let confirm = """
        {{<layout}}
        {{$content}}
        <h1>{{heading}}</h1>
        <p>{{consequence}}</p>
        <form class="actions" method="post" action="{{action}}">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="confirm" value="yes">
          <button class="danger" type="submit">{{confirmLabel}}</button>
          <a href="{{cancelURL}}">Cancel, keep it</a>
        </form>
        {{/content}}
        {{/layout}}
        """

    static let quiz = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/teach">Teaching</a> › <a href="/teach/courses/{{course.slug}}">{{course.title}}</a></p>
        <h1>{{heading}}</h1>
        {{#quizID}}<p><a href="/courses/{{course.slug}}/quizzes/{{quizID}}/preview">Preview as students see it</a></p>{{/quizID}}
        {{#lockedByAttempts}}<p class="notice" role="status">Students have made {{lockedByAttempts}} attempt(s), so the questions, options, right answers and points can no longer change; the settings can.</p>{{/lockedByAttempts}}
        <form class="stack" method="post" action="{{formAction}}">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="questionCount" value="{{questionCount}}">
          <fieldset class="card stack">
            <legend>Settings</legend>
            <label for="quiz-title">Title</label>
            <input id="quiz-title" name="title" required maxlength="200" value="{{quizTitle}}"{{#fields.title}} aria-invalid="true" aria-describedby="quiz-title-error"{{/fields.title}}>
            {{#fields.title}}<span class="field-error" id="quiz-title-error">Title {{fields.title}}.</span>{{/fields.title}}
            <label for="quiz-module">Module</label>
            <select id="quiz-module" name="moduleId"{{#fields.moduleId}} aria-invalid="true" aria-describedby="quiz-module-error"{{/fields.moduleId}}>{{#modules}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/modules}}</select>
            {{#fields.moduleId}}<span class="field-error" id="quiz-module-error">Module {{fields.moduleId}}.</span>{{/fields.moduleId}}
            <label for="quiz-passing">Passing score, in percent</label>
            <input id="quiz-passing" name="passingScore" inputmode="numeric" value="{{passingScore}}"{{#fields.passingScore}} aria-invalid="true" aria-describedby="quiz-passing-error"{{/fields.passingScore}}>
            {{#fields.passingScore}}<span class="field-error" id="quiz-passing-error">Passing score {{fields.passingScore}}.</span>{{/fields.passingScore}}
            <label for="quiz-attempts">Attempts allowed <small>empty for unlimited</small></label>
            <input id="quiz-attempts" name="maxAttempts" inputmode="numeric" value="{{maxAttempts}}"{{#fields.maxAttempts}} aria-invalid="true" aria-describedby="quiz-attempts-error"{{/fields.maxAttempts}}>
            {{#fields.maxAttempts}}<span class="field-error" id="quiz-attempts-error">Attempts {{fields.maxAttempts}}.</span>{{/fields.maxAttempts}}
            <label for="quiz-minutes">Time limit in minutes <small>empty for none</small></label>
            <input id="quiz-minutes" name="timeLimitMinutes" inputmode="numeric" value="{{timeLimitMinutes}}"{{#fields.timeLimitSeconds}} aria-invalid="true" aria-describedby="quiz-minutes-error"{{/fields.timeLimitSeconds}}>
            {{#fields.timeLimitSeconds}}<span class="field-error" id="quiz-minutes-error">Time limit {{fields.timeLimitSeconds}}.</span>{{/fields.timeLimitSeconds}}
            <label class="choice"><input type="checkbox" name="shuffle" value="true"{{#shuffle}} checked{{/shuffle}}> Shuffle questions and options for each attempt</label>
            <label class="choice"><input type="checkbox" name="allowReview" value="true"{{#allowReview}} checked{{/allowReview}}> Students may review their submitted answers</label>
            <label for="quiz-reveal">Show the right answers in reviews</label>
            <select id="quiz-reveal" name="revealAnswers">{{#reveal}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/reveal}}</select>
            <label class="choice"><input type="checkbox" name="hidden" value="true"{{#hidden}} checked{{/hidden}}> Hidden from students</label>
          </fieldset>
          <h2>Questions</h2>
          {{#fields.questions}}<p class="field-error" id="questions-error">Questions: {{fields.questions}}.</p>{{/fields.questions}}
          {{#questions}}
          <fieldset class="card stack question-editor" id="q{{index}}">
            <legend>Question {{number}}</legend>
            <label for="q{{index}}-kind">Kind</label>
            <div class="actions">
              <select id="q{{index}}-kind" name="q{{index}}.kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
              <button class="small" name="action" value="refresh" type="submit">Change kind</button>
            </div>
            <label for="q{{index}}-prompt">Question</label>
            <textarea id="q{{index}}-prompt" name="q{{index}}.prompt" rows="2"{{#focus}} autofocus{{/focus}}{{#errors.prompt}} aria-invalid="true" aria-describedby="q{{index}}-prompt-error"{{/errors.prompt}}>{{prompt}}</textarea>
            {{#errors.prompt}}<span class="field-error" id="q{{index}}-prompt-error">The question {{errors.prompt}}.</span>{{/errors.prompt}}
            <label for="q{{index}}-points">Points</label>
            <input id="q{{index}}-points" name="q{{index}}.points" inputmode="numeric" value="{{points}}"{{#errors.points}} aria-invalid="true" aria-describedby="q{{index}}-points-error"{{/errors.points}}>
            {{#errors.points}}<span class="field-error" id="q{{index}}-points-error">Points {{errors.points}}.</span>{{/errors.points}}
            {{#isChoice}}
            <input type="hidden" name="q{{index}}.optionCount" value="{{optionCount}}">
            <fieldset class="stack"{{#errors.options}} aria-describedby="q{{index}}-options-error"{{/errors.options}}>
              <legend>Options <small>{{#isSingle}}mark the one right option{{/isSingle}}{{^isSingle}}mark every right option{{/isSingle}}</small></legend>
              {{#options}}
              <div class="option-row">
                <label for="q{{question}}-option{{position}}">Option {{number}}</label>
                <input id="q{{question}}-option{{position}}" name="q{{question}}.option{{position}}" maxlength="500" value="{{text}}"{{#errors.options}} aria-invalid="true"{{/errors.options}}>
                {{#isSingle}}<label class="choice"><input type="radio" name="q{{question}}.correct" value="{{position}}"{{#correct}} checked{{/correct}}> Right answer<span class="visually-hidden"> for option {{number}}</span></label>{{/isSingle}}
                {{^isSingle}}<label class="choice"><input type="checkbox" name="q{{question}}.correct{{position}}" value="true"{{#correct}} checked{{/correct}}> Right<span class="visually-hidden"> answer: option {{number}}</span></label>{{/isSingle}}
                {{#canRemove}}<button class="small" name="action" value="remove-option:{{question}}:{{position}}" type="submit">Remove option {{number}}</button>{{/canRemove}}
              </div>
              {{/options}}
              {{#errors.options}}<span class="field-error" id="q{{index}}-options-error">Options {{errors.options}}.</span>{{/errors.options}}
              {{#errors.correct}}<span class="field-error" id="q{{index}}-correct-error">Right answer: {{errors.correct}}.</span>{{/errors.correct}}
              {{#canAddOption}}<div><button class="small" name="action" value="add-option:{{index}}" type="submit">Add an option</button></div>{{/canAddOption}}
            </fieldset>
            {{/isChoice}}
            {{#isTrueFalse}}
            <fieldset{{#errors.truth}} aria-describedby="q{{index}}-truth-error"{{/errors.truth}}>
              <legend>The statement is</legend>
              <label class="choice"><input type="radio" name="q{{index}}.truth" value="true"{{#truthTrue}} checked{{/truthTrue}}> True</label>
              <label class="choice"><input type="radio" name="q{{index}}.truth" value="false"{{#truthFalse}} checked{{/truthFalse}}> False</label>
              {{#errors.truth}}<span class="field-error" id="q{{index}}-truth-error">The answer {{errors.truth}}.</span>{{/errors.truth}}
            </fieldset>
            {{/isTrueFalse}}
            {{#isShortAnswer}}
            <label for="q{{index}}-accepted">Accepted answers <small>one per line; case and extra spaces are ignored</small></label>
            <textarea id="q{{index}}-accepted" name="q{{index}}.accepted" rows="3"{{#errors.accepted}} aria-invalid="true" aria-describedby="q{{index}}-accepted-error"{{/errors.accepted}}>{{accepted}}</textarea>
            {{#errors.accepted}}<span class="field-error" id="q{{index}}-accepted-error">Accepted answers: {{errors.accepted}}.</span>{{/errors.accepted}}
            {{/isShortAnswer}}
            {{#isNumeric}}
            <label for="q{{index}}-value">Right number</label>
            <input id="q{{index}}-value" name="q{{index}}.value" inputmode="decimal" value="{{value}}"{{#errors.value}} aria-invalid="true" aria-describedby="q{{index}}-value-error"{{/errors.value}}>
            {{#errors.value}}<span class="field-error" id="q{{index}}-value-error">The number {{errors.value}}.</span>{{/errors.value}}
            <label for="q{{index}}-tolerance">Allowed distance</label>
            <input id="q{{index}}-tolerance" name="q{{index}}.tolerance" inputmode="decimal" value="{{tolerance}}"{{#errors.tolerance}} aria-invalid="true" aria-describedby="q{{index}}-tolerance-error"{{/errors.tolerance}}>
            {{#errors.tolerance}}<span class="field-error" id="q{{index}}-tolerance-error">The distance {{errors.tolerance}}.</span>{{/errors.tolerance}}
            {{/isNumeric}}
            <div class="actions">
              {{#canMoveUp}}<button class="small" name="action" value="up:{{index}}" type="submit">Move question {{number}} up</button>{{/canMoveUp}}
              {{#canMoveDown}}<button class="small" name="action" value="down:{{index}}" type="submit">Move question {{number}} down</button>{{/canMoveDown}}
              <button class="small danger" name="action" value="remove-question:{{index}}" type="submit">Remove question {{number}}</button>
            </div>
          </fieldset>
          {{/questions}}
          {{#canAddQuestion}}<div><button name="action" value="add-question" type="submit">Add a question</button></div>{{/canAddQuestion}}
          <details class="card"{{#fields.importText}} open{{/fields.importText}}>
            <summary>Import questions from text</summary>
            <label for="quiz-import">Questions as text
              <small>One block per question, separated by a blank line. "? prompt" then: "* right" / "- wrong" options; "= true" or "= false"; "~ accepted answer"; "# number" or "# number ± tolerance".</small></label>
            <textarea id="quiz-import" name="importText" rows="8"{{#fields.importText}} aria-invalid="true" aria-describedby="quiz-import-error"{{/fields.importText}}>{{importText}}</textarea>
            {{#fields.importText}}<span class="field-error" id="quiz-import-error">Import: {{fields.importText}}.</span>{{/fields.importText}}
            <div><button name="action" value="import" type="submit">Add these questions</button></div>
          </details>
          <div class="actions"><button name="action" value="save" type="submit">Save quiz</button> <a href="/teach/courses/{{course.slug}}">Cancel</a></div>
        </form>
        {{/content}}
        {{/layout}}
        """
}
