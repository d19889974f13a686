import LyceumWeb

/// Catalog, course, lesson, quiz, learning dashboard and certificate pages.
enum CourseTemplates {
    /// Every template of the learner's pages, by name.
    static let all = [
        PageTemplate("home", home), PageTemplate("dashboard", dashboard), PageTemplate("catalog", catalog),
        PageTemplate("course", course), PageTemplate("lesson", lesson), PageTemplate("quiz", quiz),
        PageTemplate("attempt", attempt), PageTemplate("learning", learning), PageTemplate("certificate", certificate),
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
            <p class="meta">{{price}} · {{enrollmentCount}} learners</p>
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
        <p class="muted">Taught by {{#staff}}{{displayName}}{{^last}}, {{/last}}{{/staff}} · {{course.level}} · {{course.price}}
          {{#draft}} · <span class="badge off">{{course.status}}</span>{{/draft}}</p>
        {{#enrolled}}
        <div class="card progress-card">
          <label>Your progress <progress id="course-progress" max="100" value="{{progress.percent}}">{{progress.percent}}%</progress></label>
          <p><strong data-testid="progress-percent">{{progress.percent}}%</strong> · {{progress.completedLessons}} of {{progress.totalLessons}} lessons
            {{#progress.completed}} · <span class="badge">completed</span>{{/progress.completed}}
            {{#certificateURL}} · <a href="{{certificateURL}}">Your certificate</a>{{/certificateURL}}</p>
          {{#continueURL}}<p><a class="button" href="{{continueURL}}">Continue where you left off</a></p>{{/continueURL}}
        </div>
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
          {{#quizzes}}<p>Quiz: {{#open}}<a href="/courses/{{slug}}/quizzes/{{id}}">{{title}}</a>{{/open}}{{^open}}{{title}}{{/open}}</p>{{/quizzes}}
        </div>
        {{/modules}}
        {{#enrolled}}
        <form method="post" action="/courses/{{course.slug}}/leave" class="quiet-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <button class="quiet" type="submit">Leave this course</button>
        </form>
        {{/enrolled}}
        {{/content}}
        {{/layout}}
        """

    static let lesson = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses/{{course.slug}}">{{course.title}}</a></p>
        <h1>{{lesson.title}}</h1>
        {{#enrolled}}<label class="muted">Course progress <progress max="100" value="{{progress.percent}}">{{progress.percent}}%</progress> <strong data-testid="progress-percent">{{progress.percent}}%</strong></label>{{/enrolled}}
        {{#lesson.videoUrl}}<p><a href="{{lesson.videoUrl}}" rel="noopener">Watch the video</a></p>{{/lesson.videoUrl}}
        <article class="card prose">{{{lesson.bodyHtml}}}</article>
        {{#enrolled}}
        <form method="post" action="/courses/{{course.slug}}/lessons/{{lesson.id}}/completion">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#completed}}<input type="hidden" name="completed" value="false"><button class="quiet" type="submit">✓ Completed — mark as not done</button>{{/completed}}
          {{^completed}}<input type="hidden" name="completed" value="true"><button type="submit">Mark as complete</button>{{/completed}}
        </form>
        {{/enrolled}}
        <nav class="pager lesson-nav" aria-label="Lessons">
          {{#previous}}<a href="/courses/{{course.slug}}/lessons/{{id}}">← {{title}}</a>{{/previous}}
          {{#next}}<a class="next" href="/courses/{{course.slug}}/lessons/{{id}}">{{title}} →</a>{{/next}}
        </nav>
        {{/content}}
        {{/layout}}
        """

    static let quiz = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses/{{course.slug}}">{{course.title}}</a></p>
        <h1>{{quiz.title}}</h1>
        <p class="muted">Pass with {{quiz.passingScore}}%{{#quiz.timeLimitMinutes}} · {{quiz.timeLimitMinutes}} minutes{{/quiz.timeLimitMinutes}}{{^quiz.timeLimitMinutes}} · no time limit{{/quiz.timeLimitMinutes}}{{#quiz.maxAttempts}} · {{quiz.maxAttempts}} attempts{{/quiz.maxAttempts}}{{^quiz.maxAttempts}} · unlimited attempts{{/quiz.maxAttempts}}</p>
        {{#attempts}}<p>Attempt {{number}}: {{#percent}}{{percent}}%{{/percent}}{{^percent}}in progress{{/percent}} {{#passed}}<span class="badge done">passed</span>{{/passed}} · <a href="/attempts/{{id}}">open</a></p>{{/attempts}}
        {{#enrolled}}
        <form method="post" action="/courses/{{course.slug}}/quizzes/{{quiz.id}}/start">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <button type="submit">Start an attempt</button>
        </form>
        {{/enrolled}}
        {{^enrolled}}<p class="card">Enroll in the course to take this quiz.</p>{{/enrolled}}
        {{/content}}
        {{/layout}}
        """

    static let attempt = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses/{{courseSlug}}">Back to the course</a></p>
        <h1>{{attempt.quizTitle}} <span class="muted">· attempt {{attempt.number}}</span></h1>
        {{#result}}
        <div class="notice {{#passed}}ok{{/passed}}{{^passed}}error{{/passed}}" role="status" data-testid="quiz-result">
          You scored {{score}} of {{maxScore}} ({{percent}}%): {{#passed}}passed{{/passed}}{{^passed}}not passed yet{{/passed}}.
          {{#late}} Answers sent after the time limit were not counted.{{/late}}
        </div>
        {{/result}}
        {{#open}}
        {{#deadline}}<p class="timer" data-deadline="{{deadline}}" role="timer">Time left: <strong data-timer>…</strong></p>{{/deadline}}
        <form method="post" action="/attempts/{{attempt.id}}/submit" class="stack quiz-form">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#questions}}
          <fieldset class="card question">
            <legend>{{number}}. {{prompt}} <span class="muted">({{points}} pt)</span></legend>
            {{#single}}{{#options}}<label class="choice"><input type="radio" name="q.{{questionId}}" value="{{id}}"> {{text}}</label>{{/options}}{{/single}}
            {{#multiple}}{{#options}}<label class="choice"><input type="checkbox" name="q.{{questionId}}.{{id}}" value="{{id}}"> {{text}}</label>{{/options}}{{/multiple}}
            {{#truefalse}}<label class="choice"><input type="radio" name="q.{{questionId}}" value="true"> True</label><label class="choice"><input type="radio" name="q.{{questionId}}" value="false"> False</label>{{/truefalse}}
            {{#short}}<input name="q.{{questionId}}" autocomplete="off" maxlength="500">{{/short}}
            {{#numeric}}<input name="q.{{questionId}}" inputmode="decimal" autocomplete="off">{{/numeric}}
          </fieldset>
          {{/questions}}
          <div><button type="submit">Submit answers</button></div>
        </form>
        {{/open}}
        {{#review}}
        <h2>Review</h2>
        {{#items}}<div class="card question"><p>{{number}}. {{prompt}}</p><p>{{#correct}}<span class="badge done">correct</span>{{/correct}}{{^correct}}<span class="badge off">not correct</span>{{/correct}} Right answer: {{answer}}</p></div>{{/items}}
        {{/review}}
        <script src="{{script}}" defer></script>
        {{/content}}
        {{/layout}}
        """

    static let learning = """
        {{<layout}}
        {{$content}}
        <h1>My learning</h1>
        {{#items}}
        <div class="card course-row">
          <h2><a href="/courses/{{slug}}">{{title}}</a></h2>
          <label class="muted">Progress <progress max="100" value="{{percent}}">{{percent}}%</progress> {{percent}}%</label>
          <p>{{#continueURL}}<a href="{{continueURL}}">Continue</a>{{/continueURL}}{{#completed}} · <span class="badge done">completed</span>{{/completed}}</p>
        </div>
        {{/items}}
        {{^items}}<p class="card">You are not enrolled in any course yet. <a href="/courses">Browse the catalog</a>.</p>{{/items}}
        {{/content}}
        {{/layout}}
        """

    static let certificate = """
        {{<layout}}
        {{$content}}
        <div class="card certificate">
          <p class="muted">Certificate of completion</p>
          <h1>{{certificate.studentName}}</h1>
          <p>completed <strong>{{certificate.courseTitle}}</strong> on {{certificate.date}}.</p>
          <p class="muted">Verification code <code>{{certificate.code}}</code> · verified by Lyceum</p>
        </div>
        {{/content}}
        {{/layout}}
        """
}
