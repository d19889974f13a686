import LyceumPlatform

/// Courses' tables (versions 200–299). Users are referenced by id only: no foreign key into Identity's
/// tables, so the domains can be split into services.
public enum CoursesMigrations {
    /// Every Courses migration, in order.
    public static let all: [Migration] = [
        Migration(version: 200, name: "create_courses_structure_enrollment") { engine in
            let timestamp = ColumnType.timestamp(engine)
            let boolean = ColumnType.boolean(engine)
            var statements = [
                """
                CREATE TABLE courses (
                    id TEXT PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    description TEXT NOT NULL,
                    category TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    level TEXT NOT NULL CHECK (level IN ('beginner', 'intermediate', 'advanced')),
                    language TEXT NOT NULL,
                    cover_image_ref TEXT,
                    price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
                    currency TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
                    owner_id TEXT NOT NULL,
                    enrollment_count INTEGER NOT NULL DEFAULT 0,
                    created_at \(timestamp) NOT NULL,
                    updated_at \(timestamp) NOT NULL,
                    published_at \(timestamp)
                )
                """,
                "CREATE INDEX courses_status_published ON courses (status, published_at, id)",
                "CREATE INDEX courses_owner ON courses (owner_id)",
                """
                CREATE TABLE course_staff (
                    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('co_instructor', 'assistant')),
                    PRIMARY KEY (course_id, user_id)
                )
                """,
                "CREATE INDEX course_staff_user ON course_staff (user_id)",
                """
                CREATE TABLE course_modules (
                    id TEXT PRIMARY KEY,
                    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL
                )
                """,
                "CREATE INDEX course_modules_course ON course_modules (course_id, position)",
                """
                CREATE TABLE lessons (
                    id TEXT PRIMARY KEY,
                    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
                    module_id TEXT NOT NULL REFERENCES course_modules (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    body_markdown TEXT NOT NULL,
                    body_html TEXT NOT NULL,
                    estimated_minutes INTEGER NOT NULL,
                    video_url TEXT,
                    preview \(boolean) NOT NULL
                )
                """,
                "CREATE INDEX lessons_module ON lessons (module_id, position)",
                "CREATE INDEX lessons_course ON lessons (course_id)",
                """
                CREATE TABLE enrollments (
                    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('active', 'left')),
                    enrolled_at \(timestamp) NOT NULL,
                    left_at \(timestamp),
                    completed_at \(timestamp),
                    last_lesson_id TEXT,
                    PRIMARY KEY (course_id, user_id)
                )
                """,
                "CREATE INDEX enrollments_user ON enrollments (user_id, status)",
                """
                CREATE TABLE lesson_completions (
                    lesson_id TEXT NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
                    completed_at \(timestamp) NOT NULL,
                    PRIMARY KEY (lesson_id, user_id)
                )
                """,
                "CREATE INDEX lesson_completions_course_user ON lesson_completions (course_id, user_id)",
            ]
            switch engine {
            case .sqlite:
                statements.append(
                    """
                    CREATE VIRTUAL TABLE course_search USING fts5(
                        course_id UNINDEXED, title, summary, description, tags, lessons,
                        tokenize = 'unicode61 remove_diacritics 2'
                    )
                    """
                )
            case .postgres:
                statements.append("ALTER TABLE courses ADD COLUMN search_document TSVECTOR")
                statements.append("CREATE INDEX courses_search ON courses USING GIN (search_document)")
            }
            return statements
        },
        Migration(version: 201, name: "create_quizzes_attempts_certificates") { engine in
            let timestamp = ColumnType.timestamp(engine)
            let boolean = ColumnType.boolean(engine)
            return [
                """
                CREATE TABLE quizzes (
                    id TEXT PRIMARY KEY,
                    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
                    module_id TEXT NOT NULL REFERENCES course_modules (id) ON DELETE CASCADE,
                    title TEXT NOT NULL,
                    passing_score INTEGER NOT NULL CHECK (passing_score BETWEEN 0 AND 100),
                    max_attempts INTEGER,
                    time_limit_seconds INTEGER,
                    shuffle_questions \(boolean) NOT NULL,
                    shuffle_options \(boolean) NOT NULL,
                    allow_review \(boolean) NOT NULL,
                    created_at \(timestamp) NOT NULL
                )
                """,
                "CREATE INDEX quizzes_course ON quizzes (course_id, created_at)",
                """
                CREATE TABLE quiz_questions (
                    id TEXT PRIMARY KEY,
                    quiz_id TEXT NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    prompt TEXT NOT NULL,
                    options TEXT NOT NULL,
                    answer_key TEXT NOT NULL,
                    points INTEGER NOT NULL
                )
                """,
                "CREATE INDEX quiz_questions_quiz ON quiz_questions (quiz_id, position)",
                """
                CREATE TABLE quiz_attempts (
                    id TEXT PRIMARY KEY,
                    quiz_id TEXT NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
                    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    started_at \(timestamp) NOT NULL,
                    deadline_at \(timestamp),
                    submitted_at \(timestamp),
                    answers TEXT NOT NULL,
                    question_order TEXT NOT NULL,
                    option_order TEXT NOT NULL,
                    score INTEGER,
                    max_score INTEGER,
                    percent INTEGER,
                    passed \(boolean),
                    UNIQUE (quiz_id, user_id, number)
                )
                """,
                "CREATE INDEX quiz_attempts_course_user ON quiz_attempts (course_id, user_id)",
                """
                CREATE TABLE certificates (
                    code TEXT PRIMARY KEY,
                    course_id TEXT NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    student_name TEXT NOT NULL,
                    course_title TEXT NOT NULL,
                    issued_at \(timestamp) NOT NULL,
                    UNIQUE (course_id, user_id)
                )
                """,
            ]
        },
        Migration(version: 202, name: "hideable_items_quiz_answer_reveal") { engine in
            let boolean = ColumnType.boolean(engine)
            let no = engine == .postgres ? "FALSE" : "0"
            return [
                "ALTER TABLE course_modules ADD COLUMN hidden \(boolean) NOT NULL DEFAULT \(no)",
                "ALTER TABLE lessons ADD COLUMN hidden \(boolean) NOT NULL DEFAULT \(no)",
                "ALTER TABLE quizzes ADD COLUMN hidden \(boolean) NOT NULL DEFAULT \(no)",
                """
                ALTER TABLE quizzes ADD COLUMN reveal_answers TEXT NOT NULL DEFAULT 'after_last_attempt'
                    CHECK (reveal_answers IN ('never', 'after_last_attempt', 'after_each_attempt'))
                """,
            ]
        },
        Migration(version: 203, name: "lesson_attachments_and_uploaded_video") { engine in
            let timestamp = ColumnType.timestamp(engine)
            return [
                """
                CREATE TABLE lesson_attachments (
                    lesson_id TEXT NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
                    upload_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    added_by TEXT NOT NULL,
                    added_at \(timestamp) NOT NULL,
                    PRIMARY KEY (lesson_id, upload_id)
                )
                """,
                "CREATE INDEX lesson_attachments_upload ON lesson_attachments (upload_id)",
                "ALTER TABLE lessons ADD COLUMN video_upload_id TEXT",
                "CREATE INDEX lessons_video_upload ON lessons (video_upload_id)",
            ]
        },
    ]
}
