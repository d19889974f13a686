import LyceumWeb

/// Typed contents of the learner's pages. Every optional value is `Optional`, so an absent link or number
/// cannot render.
enum CoursePageContent {
    struct CourseRef: Sendable {
        let slug: String
        let title: String
    }

    struct Progress: Sendable {
        let percent: Int
        /// "1 of 3 lessons".
        let lessons: String
        let completed: Bool
        let certificateURL: String?

        init(_ progress: CourseProgress, certificate: Certificate? = nil) {
            percent = progress.percent
            lessons = "\(progress.completedLessons) of \(CoursePageText.count(progress.totalLessons, "lesson"))"
            completed = progress.completedAt != nil
            certificateURL = certificate.map { "/certificates/\($0.code)" }
        }
    }

    /// A link to an item of the course (a lesson or a quiz).
    struct ItemLink: Sendable {
        let url, title, kind: String
    }

    /// Previous and next along the course order; after the last item, `finish` leads back to the course.
    struct PathNav: Sendable {
        let previous: ItemLink?
        let next: ItemLink?
        let finish: String?
    }

    struct Catalog: Sendable {
        struct Card: Sendable {
            let slug, title, summary, category, level, price: String
            /// "1 learner", "12 learners".
            let learners: String
        }

        let query: String
        let levels: [SelectOption]
        let prices: [SelectOption]
        let sorts: [SelectOption]
        let courses: [Card]
        let nextURL: String?
    }

    struct Course: Sendable {
        struct Header: Sendable {
            let slug, title, summary, category, level, status, price: String
        }

        struct StaffName: Sendable {
            let displayName: String
            let last: Bool
        }

        struct Module: Sendable {
            struct LessonEntry: Sendable {
                let id, slug, title: String
                let minutes: Int
                let preview, open, completed: Bool
            }

            struct QuizEntry: Sendable {
                let id, slug, title: String
                let open, passed: Bool
            }

            let title: String
            let lessons: [LessonEntry]
            let quizzes: [QuizEntry]
        }

        /// The enroll button, for a signed-in visitor who may enroll.
        struct Enrollment: Sendable {
            let label: String
        }

        let course: Header
        let draft: Bool
        let descriptionHtml: String
        let staff: [StaffName]
        let enrolled: Bool
        let teaching: Bool
        let enrollment: Enrollment?
        let signInURL: String?
        /// What remains before the course counts as complete ("Pass Sky check with 60%").
        struct Missing: Sendable {
            let text, url: String
        }

        let modules: [Module]
        let progress: Progress?
        let missing: [Missing]
        let hasMissing: Bool
        /// "Continue where you left off", only once the learner has started.
        let continueURL: String?
        /// The first item, for an enrolled learner who has not started yet.
        let startURL: String?
        /// The share-free count shown to everyone: "1 learner".
        let learners: String
        /// Other modules' panels for this course (announcements, the board), already escaped HTML.
        let panelsHtml: String
    }

    struct Lesson: Sendable {
        struct Body: Sendable {
            let id, title, bodyHtml: String
            let videoUrl: String?
        }

        /// An uploaded video, played from a link signed for this viewer (seekable: the link answers Range requests).
        struct Video: Sendable {
            let src: String
        }

        /// One attached file: its name, its size for people, and the page route that checks access and redirects.
        struct Attachment: Sendable {
            let filename, size, url: String
        }

        /// The "Attachments" list, present when the lesson has any.
        struct Attachments: Sendable {
            let items: [Attachment]
        }

        let course: CourseRef
        let lesson: Body
        let video: Video?
        let attachments: Attachments?
        /// Shows the completion button: enrolled learners who do not teach the course.
        let tracking: Bool
        /// The course's teachers see the lesson as its students do, marked as a preview.
        let staffPreview: Bool
        let completed: Bool
        let path: PathNav
        let progress: Progress?
    }

    struct QuizOverview: Sendable {
        struct Rules: Sendable {
            let id, title: String
            let passingScore: Int
            /// "No time limit" or "Time limit: 10 minutes".
            let timeLimit: String
        }

        struct AttemptRow: Sendable {
            let url: String
            let number: Int
            let percent: Int?
            let passed: Bool
            let inProgress: Bool
        }

        let course: CourseRef
        let quiz: Rules
        /// "Unlimited attempts", "2 attempts left", "No attempts left".
        let attemptsText: String
        let enrolled: Bool
        let signInURL: String?
        let attempts: [AttemptRow]
        let hasAttempts: Bool
        /// The attempt in progress, offered as "Continue".
        let continueURL: String?
        /// Whether a new attempt may be started (no attempt in progress and one left).
        let canStart: Bool
        /// Every attempt is used.
        let noneLeft: Bool
        /// The course's teachers get a link to the preview.
        let previewURL: String?
        let path: PathNav
    }

    struct Attempt: Sendable {
        struct Header: Sendable {
            let id, quizId, quizTitle: String
            let number: Int
        }

        struct Question: Sendable {
            struct Option: Sendable {
                let id, text, questionId, fieldId: String
                let checked: Bool
            }

            let number: Int
            let prompt: String
            let points: Int
            let single, multiple, truefalse, short, numeric: Bool
            let options: [Option]
            let questionId: String
            /// The `id` of the question's text input, and the prefix of its error's id.
            let fieldId: String
            let isTrue, isFalse: Bool
            /// What the student typed (short answer and numeric).
            let value: String
            let fieldError: String?
        }

        struct Timer: Sendable {
            /// ISO 8601, for the countdown script.
            let deadline: String
            /// "12:00" when the page was made.
            let left: String
            /// The deadline as a time of day, for readers without the script.
            let until: String
        }

        struct Result: Sendable {
            let score, maxScore, percent: Int
            let passed, late: Bool
        }

        struct ReviewItem: Sendable {
            let number: Int
            let prompt: String
            let correct: Bool
            /// What the student answered, in words ("No answer").
            let yourAnswer: String
            /// The right answer in words; absent while the quiz's policy withholds it.
            let rightAnswer: String?
        }

        struct Review: Sendable {
            let items: [ReviewItem]
            /// Why the right answers are not shown, when they are not.
            let withheld: String?
        }

        let attempt: Header
        let course: CourseRef
        let open: Bool
        /// A teacher's preview: nothing is recorded.
        let preview: Bool
        let formAction: String
        let questions: [Question]
        let timer: Timer?
        let result: Result?
        let review: Review?
        let reviewOff: Bool
        /// "1 attempt left" after a result.
        let attemptsText: String?
        /// Another attempt may be started from the result.
        let retry: Bool
        let path: PathNav?
    }

    /// The confirmation asked before submitting with unanswered questions.
    struct AttemptSummary: Sendable {
        struct Unanswered: Sendable {
            let number: Int
            let prompt: String
        }

        let attempt: Attempt.Header
        let course: CourseRef
        let unanswered: [Unanswered]
        /// "2 of 5 questions".
        let count: String
    }

    struct Learning: Sendable {
        struct Row: Sendable {
            let slug, title: String
            let percent: Int
            let completed: Bool
            /// Only once the learner has started.
            let continueURL: String?
            let certificateURL: String?
        }

        let items: [Row]
        /// "2 certificates", linking to the list; absent when there are none.
        let certificates: String?
    }

    struct CertificateCard: Sendable {
        struct Details: Sendable {
            let studentName, courseTitle, date, code: String
        }

        let certificate: Details
        /// The public verification address, to share instead of a PDF.
        let shareURL: String
        let printStylesheet: String
        /// The holder is looking at their own certificate.
        let own: Bool
    }

    struct CertificateList: Sendable {
        struct Entry: Sendable {
            let courseTitle, date, code, url: String
        }

        let certificates: [Entry]
        let hasCertificates: Bool
    }

    /// The confirmation asked before leaving a course.
    struct LeaveCourse: Sendable {
        let course: CourseRef
        let percent: Int
    }

    struct Dashboard: Sendable {
        struct Continue: Sendable {
            let courseTitle: String
            let url: String
            let percent: Int
        }

        struct Due: Sendable {
            let title: String
            let courseTitle: String
            let url: String
            let detail: String
        }

        let displayName: String
        let continueLearning: Continue?
        let courses: [Learning.Row]
        let enrolledSomewhere: Bool
        let due: [Due]
        let teaches: Bool
        /// Other modules' panels for the home page (announcements), already escaped HTML.
        let panelsHtml: String
    }
}
