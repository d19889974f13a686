import LyceumWeb

/// Catalog, course, lesson, quiz, learning dashboard and certificate pages.
enum CourseTemplates {
    /// Every template of the learner's pages, by name.
    static let all = [
        PageTemplate("home", home), PageTemplate("dashboard", dashboard), PageTemplate("catalog", catalog),
        PageTemplate("course", course), PageTemplate("lesson", lesson), PageTemplate("quiz", quiz),
        PageTemplate("attempt", attempt), PageTemplate("learning", learning), PageTemplate("certificate", certificate),
        PageTemplate("course-path", coursePath), PageTemplate("attempt-summary", attemptSummary),
        PageTemplate("leave-course", leaveCourse), PageTemplate("certificates", certificates),
    ]

    static let home = """
        {{<layout}}
        {{$content}}
        <section class="hero">
          <h1>Teach and learn online, without the weight.</h1>
          <p class="lead">Lyceum is a fast, self-hosted learning platform for schools, bootcamps and tutors:
            courses with lessons, quizzes graded on the server, progress and certificates.</p>
          <p><a class="button" href="/signup">Create your account</a> <a href="/signin">or sign in</a> · <a href="/courses">Browse the courses</a></p>
        </section>
        <div class="features">
          <div class="card"><h2>Courses that flow</h2><p class="muted">Modules, lessons and quizzes graded on the server.</p></div>
          <div class="card"><h2>Progress you can see</h2><p class="muted">Pick up where you left off; finish and earn a verifiable certificate.</p></div>
          <div class="card"><h2>Yours to run</h2><p class="muted">One binary on a laptop, or many replicas in the cloud.</p></div>
        </div>
        {{/content}}
        {{/layout}}
        """

    static let dashboard = """
        {{<layout}}
        {{$content}}
        <h1>Welcome back, {{displayName}}</h1>
        {{#continueLearning}}
        <div class="card progress-card">
          <h2>Continue learning</h2>
          <p><strong>{{courseTitle}}</strong> · {{percent}}% done</p>
          <p><a class="button" href="{{url}}" data-testid="continue-learning">Continue where you left off</a></p>
        </div>
        {{/continueLearning}}
        <h2>What is due</h2>
        {{#due}}<div class="card course-row"><p><a href="{{url}}">{{title}}</a> <span class="muted">· {{courseTitle}} · {{detail}}</span></p></div>{{/due}}
        {{^due}}<p class="card muted">Nothing is waiting for you{{#enrolledSomewhere}}: every quiz of your courses is passed{{/enrolledSomewhere}}.</p>{{/due}}
        {{{panelsHtml}}}
        <h2>My courses</h2>
        {{#courses}}
        <div class="card course-row">
          <h3><a href="/courses/{{slug}}">{{title}}</a></h3>
          <label class="muted">Progress <progress max="100" value="{{percent}}">{{percent}}%</progress> {{percent}}%</label>
          {{#completed}}<p><span class="badge done">completed</span></p>{{/completed}}
        </div>
        {{/courses}}
        {{^courses}}<p class="card">You are not enrolled in any course yet. <a href="/courses">Browse the catalog</a>.</p>{{/courses}}
        {{#teaches}}<p><a href="/teach">Go to your teaching dashboard</a></p>{{/teaches}}
        {{/content}}
        {{/layout}}
        """

    static let catalog = """
        {{<layout}}
        {{$content}}
        <h1>Courses</h1>
        <form class="filters" method="get" action="/courses" role="search">
          <label>Search <input name="q" type="search" value="{{query}}" placeholder="Topic, skill or lesson"></label>
          <label>Level
            <select name="level"><option value="">Any level</option>{{#levels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/levels}}</select>
          </label>
          <label>Price
            <select name="price"><option value="">Free and paid</option>{{#prices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/prices}}</select>
          </label>
          <label>Sort
            <select name="sort">{{#sorts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sorts}}</select>
          </label>
          <button type="submit">Search</button>
        </form>
        <div class="course-grid">
          {{#courses}}
          <a class="card course-card" href="/courses/{{slug}}">
            <span class="badge">{{category}}</span> <span class="muted">{{level}}</span>
            <h2>{{title}}</h2>
            <p class="muted">{{summary}}</p>
            <p class="meta">{{price}} · {{learners}}</p>
          </a>
          {{/courses}}
        </div>
        {{^courses}}<p class="card muted">No course matches. Try fewer words or other filters.</p>{{/courses}}
        {{#nextURL}}<p class="pager"><a href="{{nextURL}}">More courses →</a></p>{{/nextURL}}
        {{/content}}
        {{/layout}}
        """

    static let course = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses">Courses</a> › {{course.category}}</p>
        <h1>{{course.title}}</h1>
        <p class="lead">{{course.summary}}</p>
        <p class="muted">Taught by {{#staff}}{{displayName}}{{^last}}, {{/last}}{{/staff}} · {{course.level}} · {{course.price}} · {{learners}}
          {{#draft}} · <span class="badge off">{{course.status}}</span>{{/draft}}</p>
        {{#enrolled}}
        <section class="card progress-card" id="progress" aria-labelledby="progress-heading">
          <h2 id="progress-heading">Your progress</h2>
          <p><progress id="course-progress" max="100" value="{{progress.percent}}" aria-labelledby="progress-heading">{{progress.percent}}%</progress>
            <strong data-testid="progress-percent">{{progress.percent}}%</strong> · {{progress.lessons}}</p>
          {{#progress.completed}}
          <p data-testid="course-complete"><span class="badge done">Course complete</span>
            {{#progress.certificateURL}} <a href="{{progress.certificateURL}}">View your certificate</a>{{/progress.certificateURL}}</p>
          {{/progress.completed}}
          {{#hasMissing}}
          <p>To complete this course:</p>
          <ul data-testid="completion-missing">{{#missing}}<li><a href="{{url}}">{{text}}</a></li>{{/missing}}</ul>
          {{/hasMissing}}
          {{#continueURL}}<p><a class="button" href="{{continueURL}}">Continue where you left off</a></p>{{/continueURL}}
          {{#startURL}}<p><a class="button" href="{{startURL}}">Start the course</a></p>{{/startURL}}
        </section>
        {{/enrolled}}
        {{#enrollment}}
        <form method="post" action="/courses/{{course.slug}}/enroll">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <button type="submit">{{label}}</button>
        </form>
        {{/enrollment}}
        {{#signInURL}}<p><a class="button" href="{{signInURL}}">Sign in to enroll</a></p>{{/signInURL}}
        {{#teaching}}<p><a href="/teach/courses/{{course.slug}}">Edit course</a> · <a href="/teach/courses/{{course.slug}}/roster">Roster</a> · <a href="/teach/courses/{{course.slug}}/gradebook">Gradebook</a></p>{{/teaching}}
        <section class="prose">{{{descriptionHtml}}}</section>
        {{{panelsHtml}}}
        <h2>Outline</h2>
        {{#modules}}
        <div class="card module">
          <h3>{{title}}</h3>
          <ol class="lessons">
            {{#lessons}}
            <li>{{#open}}<a href="/courses/{{slug}}/lessons/{{id}}">{{title}}</a>{{/open}}{{^open}}{{title}}{{/open}}
              <span class="muted">{{minutes}} min</span>{{#preview}} <span class="badge">preview</span>{{/preview}}{{#completed}} <span class="badge done">✓ done</span>{{/completed}}</li>
            {{/lessons}}
          </ol>
          {{#quizzes}}<p>Quiz: {{#open}}<a href="/courses/{{slug}}/quizzes/{{id}}">{{title}}</a>{{/open}}{{^open}}{{title}}{{/open}}{{#passed}} <span class="badge done">✓ passed</span>{{/passed}}</p>{{/quizzes}}
        </div>
        {{/modules}}
        {{#enrolled}}
        <p><a class="quiet" href="/courses/{{course.slug}}/leave">Leave this course</a></p>
        {{/enrolled}}
        {{/content}}
        {{/layout}}
        """

    /// Previous and next along the course order, and the way back to the course after the last item.
    static let coursePath = """
        <nav class="pager lesson-nav" aria-label="Course path">
          {{#path.previous}}<a rel="prev" href="{{url}}">← Previous: {{title}}</a>{{/path.previous}}
          {{#path.next}}<a class="next" rel="next" href="{{url}}">Next: {{title}} →</a>{{/path.next}}
          {{#path.finish}}<a class="next" href="{{path.finish}}" data-testid="finish-course">End of the course: back to the course page →</a>{{/path.finish}}
        </nav>
        """

    static let lesson = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses/{{course.slug}}">{{course.title}}</a></p>
        {{#staffPreview}}<div class="notice" role="note" data-testid="staff-preview"><strong>Preview:</strong> this is what students see.</div>{{/staffPreview}}
        <h1>{{lesson.title}}</h1>
        {{#progress}}<p class="muted"><label for="lesson-progress">Course progress</label> <progress id="lesson-progress" max="100" value="{{percent}}">{{percent}}%</progress> <strong data-testid="progress-percent">{{percent}}%</strong>
          {{#completed}} · <span class="badge done">Course complete</span>{{#certificateURL}} <a href="{{certificateURL}}">View your certificate</a>{{/certificateURL}}{{/completed}}</p>{{/progress}}
        {{#video}}<video class="lesson-video" controls preload="metadata" src="{{src}}" data-testid="lesson-video"><a href="{{src}}">Download the video</a></video>{{/video}}
        {{#lesson.videoUrl}}<p><a href="{{lesson.videoUrl}}" rel="noopener noreferrer">Watch the video</a></p>{{/lesson.videoUrl}}
        <article class="card prose">{{{lesson.bodyHtml}}}</article>
        {{#attachments}}
        <section class="card" aria-labelledby="lesson-attachments" data-testid="lesson-attachments">
          <h2 id="lesson-attachments">Attachments</h2>
          <ul>{{#items}}<li><a href="{{url}}" download>{{filename}}</a> <span class="muted">{{size}}</span></li>{{/items}}</ul>
        </section>
        {{/attachments}}
        {{#tracking}}
        <form method="post" action="/courses/{{course.slug}}/lessons/{{lesson.id}}/completion">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#completed}}<input type="hidden" name="completed" value="false"><button class="quiet" type="submit">✓ Completed — mark as not done</button>{{/completed}}
          {{^completed}}<input type="hidden" name="completed" value="true"><button type="submit">Mark as complete</button>{{/completed}}
        </form>
        {{/tracking}}
        {{> course-path}}
        {{/content}}
        {{/layout}}
        """

    static let quiz = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses/{{course.slug}}">{{course.title}}</a></p>
        <h1>{{quiz.title}}</h1>
        <ul class="muted quiz-rules" data-testid="quiz-rules">
          <li>Pass with {{quiz.passingScore}}%</li>
          <li>{{quiz.timeLimit}}</li>
          <li data-testid="attempts-left">{{attemptsText}}</li>
        </ul>
        {{#hasAttempts}}
        <h2>Your attempts</h2>
        <ul class="attempts">
        {{#attempts}}<li>Attempt {{number}}: {{#inProgress}}in progress · <a href="{{url}}">Continue attempt {{number}}</a>{{/inProgress}}{{^inProgress}}{{percent}}%{{#passed}} <span class="badge done">passed</span>{{/passed}} · <a href="{{url}}">Result of attempt {{number}}</a>{{/inProgress}}</li>{{/attempts}}
        </ul>
        {{/hasAttempts}}
        {{#continueURL}}<p><a class="button" href="{{continueURL}}" data-testid="continue-attempt">Continue</a></p>{{/continueURL}}
        {{#canStart}}
        <form method="post" action="/courses/{{course.slug}}/quizzes/{{quiz.id}}/start">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <button type="submit" data-testid="start-attempt">Start</button>
        </form>
        {{/canStart}}
        {{#noneLeft}}<p class="card" data-testid="no-attempts-left">You have used every attempt at this quiz.</p>{{/noneLeft}}
        {{^enrolled}}{{^previewURL}}<p class="card">Enroll in the course to take this quiz.{{#signInURL}} <a href="{{signInURL}}">Sign in</a>{{/signInURL}}</p>{{/previewURL}}{{/enrolled}}
        {{#previewURL}}<p><a href="{{previewURL}}">Preview this quiz as a student sees it</a></p>{{/previewURL}}
        {{> course-path}}
        {{/content}}
        {{/layout}}
        """

    static let attempt = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses/{{course.slug}}">{{course.title}}</a> › <a href="/courses/{{course.slug}}/quizzes/{{attempt.quizId}}">{{attempt.quizTitle}}</a></p>
        {{#preview}}<div class="notice" role="note" data-testid="quiz-preview"><strong>Preview:</strong> this is what students see. Nothing you answer here is recorded.</div>{{/preview}}
        <h1>{{#preview}}Preview: {{/preview}}{{^preview}}{{#open}}Attempt {{attempt.number}}: {{/open}}{{^open}}Result: {{/open}}{{/preview}}{{attempt.quizTitle}}</h1>
        {{#result}}
        <div class="notice {{#passed}}ok{{/passed}}{{^passed}}error{{/passed}}" role="status" data-testid="quiz-result">
          You scored {{score}} of {{maxScore}} ({{percent}}%): {{#passed}}passed{{/passed}}{{^passed}}not passed yet{{/passed}}.
          {{#late}} Answers sent after the time limit were not counted.{{/late}}
        </div>
        {{/result}}
        {{#attemptsText}}<p class="muted" data-testid="attempts-left">{{attemptsText}}</p>{{/attemptsText}}
        {{#retry}}
        <form method="post" action="/courses/{{course.slug}}/quizzes/{{attempt.quizId}}/start">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <button type="submit">Try again</button>
        </form>
        {{/retry}}
        {{#open}}
        {{#timer}}<p class="timer" data-deadline="{{deadline}}">Time left: <strong data-timer>{{left}}</strong> <span class="muted">(until {{until}})</span></p>{{/timer}}
        <form method="post" action="{{formAction}}" class="stack quiz-form" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#questions}}
          <fieldset class="card question">
            <legend>{{number}}. {{prompt}} <span class="muted">({{points}} pt)</span></legend>
            {{#single}}{{#options}}<label class="choice" for="{{fieldId}}"><input type="radio" id="{{fieldId}}" name="q.{{questionId}}" value="{{id}}"{{#checked}} checked{{/checked}}> {{text}}</label>{{/options}}{{/single}}
            {{#multiple}}{{#options}}<label class="choice" for="{{fieldId}}"><input type="checkbox" id="{{fieldId}}" name="q.{{questionId}}.{{id}}" value="{{id}}"{{#checked}} checked{{/checked}}> {{text}}</label>{{/options}}{{/multiple}}
            {{#truefalse}}<label class="choice" for="{{fieldId}}-true"><input type="radio" id="{{fieldId}}-true" name="q.{{questionId}}" value="true"{{#isTrue}} checked{{/isTrue}}> True</label><label class="choice" for="{{fieldId}}-false"><input type="radio" id="{{fieldId}}-false" name="q.{{questionId}}" value="false"{{#isFalse}} checked{{/isFalse}}> False</label>{{/truefalse}}
            {{#short}}<label for="{{fieldId}}">Your answer</label> <input id="{{fieldId}}" name="q.{{questionId}}" value="{{value}}" autocomplete="off" maxlength="500"{{#fieldError}} aria-invalid="true" aria-describedby="{{fieldId}}-error"{{/fieldError}}>{{/short}}
            {{#numeric}}<label for="{{fieldId}}">Your answer (a number)</label> <input id="{{fieldId}}" name="q.{{questionId}}" value="{{value}}" inputmode="decimal" autocomplete="off" maxlength="100"{{#fieldError}} aria-invalid="true" aria-describedby="{{fieldId}}-error"{{/fieldError}}>{{/numeric}}
            {{#fieldError}}<span class="field-error" id="{{fieldId}}-error">{{fieldError}}</span>{{/fieldError}}
          </fieldset>
          {{/questions}}
          <div><button type="submit">{{#preview}}Check answers (not recorded){{/preview}}{{^preview}}Submit answers{{/preview}}</button></div>
        </form>
        {{/open}}
        {{#review}}
        <h2>Review</h2>
        {{#withheld}}<p class="muted" data-testid="answers-withheld">{{withheld}}</p>{{/withheld}}
        {{#items}}
        <div class="card question" data-testid="review-item">
          <p>{{number}}. {{prompt}} {{#correct}}<span class="badge done">correct</span>{{/correct}}{{^correct}}<span class="badge off">not correct</span>{{/correct}}</p>
          <p>Your answer: <strong>{{yourAnswer}}</strong></p>
          {{#rightAnswer}}<p data-testid="right-answer">Correct answer: <strong>{{rightAnswer}}</strong></p>{{/rightAnswer}}
        </div>
        {{/items}}
        {{/review}}
        {{#reviewOff}}<p class="muted">Your instructor does not show reviews of this quiz's attempts.</p>{{/reviewOff}}
        {{#path}}{{> course-path}}{{/path}}
        <script src="{{script}}" defer></script>
        {{/content}}
        {{/layout}}
        """

    /// Asked when an attempt is submitted with questions left unanswered; the answers are saved already.
    static let attemptSummary = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses/{{course.slug}}">{{course.title}}</a></p>
        <h1>Submit {{attempt.quizTitle}}?</h1>
        <div class="notice error" role="alert" data-testid="unanswered-summary">You have not answered {{count}}:</div>
        <ul>{{#unanswered}}<li>{{number}}. {{prompt}}</li>{{/unanswered}}</ul>
        <p>Your answers so far are saved. Once you submit, you cannot change them.</p>
        <form method="post" action="/attempts/{{attempt.id}}/submit">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="confirm" value="true">
          <button type="submit">Submit all and finish</button>
        </form>
        <p><a class="button" href="/attempts/{{attempt.id}}">Return to attempt</a></p>
        {{/content}}
        {{/layout}}
        """

    static let leaveCourse = """
        {{<layout}}
        {{$content}}
        <h1>Leave {{course.title}}?</h1>
        <p>You will no longer see this course under My learning. Your progress ({{percent}}%), your quiz results and any
          certificate are kept: enroll again to pick up where you left off.</p>
        <form method="post" action="/courses/{{course.slug}}/leave">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <input type="hidden" name="confirm" value="true">
          <button type="submit">Leave the course</button>
        </form>
        <p><a href="/courses/{{course.slug}}">Stay in the course</a></p>
        {{/content}}
        {{/layout}}
        """

    static let learning = """
        {{<layout}}
        {{$content}}
        <h1>My learning</h1>
        <p><a href="/certificates">My certificates</a>{{#certificates}} <span class="muted">({{certificates}})</span>{{/certificates}}</p>
        {{#items}}
        <div class="card course-row">
          <h2><a href="/courses/{{slug}}">{{title}}</a></h2>
          <p class="muted"><label for="progress-{{slug}}">Progress</label> <progress id="progress-{{slug}}" max="100" value="{{percent}}">{{percent}}%</progress> {{percent}}%</p>
          <p>{{#continueURL}}<a href="{{continueURL}}" aria-label="Continue where you left off in {{title}}">Continue where you left off</a>{{/continueURL}}{{^continueURL}}<a href="/courses/{{slug}}" aria-label="Start {{title}}">Start</a>{{/continueURL}}{{#completed}} · <span class="badge done">completed</span>{{/completed}}{{#certificateURL}} · <a href="{{certificateURL}}" aria-label="Certificate for {{title}}">Certificate</a>{{/certificateURL}}</p>
        </div>
        {{/items}}
        {{^items}}<p class="card">You are not enrolled in any course yet. <a href="/courses">Browse the catalog</a>.</p>{{/items}}
        {{/content}}
        {{/layout}}
        """

    static let certificates = """
        {{<layout}}
        {{$content}}
        <h1>My certificates</h1>
        {{#hasCertificates}}
        <ul class="certificate-list">
        {{#certificates}}<li class="card"><a href="{{url}}">{{courseTitle}}</a> <span class="muted">· {{date}} · code <code>{{code}}</code></span></li>{{/certificates}}
        </ul>
        {{/hasCertificates}}
        {{^certificates}}<p class="card">You have no certificate yet. Complete a course to earn one. <a href="/learning">Go to My learning</a>.</p>{{/certificates}}
        {{/content}}
        {{/layout}}
        """

    static let certificate = """
        {{<layout}}
        {{$content}}
        <link rel="stylesheet" href="{{printStylesheet}}" media="print">
        <div class="card certificate">
          <p class="muted">Certificate of completion</p>
          <h1>{{certificate.studentName}}</h1>
          <p>completed <strong>{{certificate.courseTitle}}</strong> on {{certificate.date}}.</p>
          <p class="muted">Verification code <code>{{certificate.code}}</code> · verified by Lyceum</p>
        </div>
        <section class="certificate-share" aria-labelledby="share-heading">
          <h2 id="share-heading">Share or print</h2>
          <p><label for="share-url">Link to this certificate (anyone with it can verify it)</label>
            <input id="share-url" type="url" value="{{shareURL}}" readonly data-testid="share-url"></p>
          <p class="muted">Select the link and copy it to share it. To keep a copy on paper or as a PDF, use your browser's Print command: only the certificate is printed.</p>
          {{#own}}<p><a href="/certificates">My certificates</a></p>{{/own}}
        </section>
        {{/content}}
        {{/layout}}
        """

    /// Print rules for the certificate page: the site's header, footer and sharing controls are not printed.
    static let certificatePrint = """
        @page { size: A4 landscape; margin: 12mm; }
        header.site, footer.site, .skip, .certificate-share, .notice { display: none !important; }
        body { background: #fff; color: #000; }
        main { max-width: none; margin: 0; padding: 0; }
        .certificate { border: 6px double #000; box-shadow: none; min-height: 150mm; display: flex; flex-direction: column;
          justify-content: center; page-break-inside: avoid; break-inside: avoid; }
        .certificate h1 { font-size: 32pt; }
        .certificate p { font-size: 14pt; }
        a { color: #000; text-decoration: none; }
        """
}
