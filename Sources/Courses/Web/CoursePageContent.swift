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
        let completedLessons: Int
        let totalLessons: Int
        let completed: Bool

        init(_ progress: CourseProgress) {
            percent = progress.percent
            completedLessons = progress.completedLessons
            totalLessons = progress.totalLessons
            completed = progress.completedAt != nil
        }
    }

    struct Catalog: Sendable {
        struct Card: Sendable {
            let slug, title, summary, category, level, price: String
            let enrollmentCount: Int
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
                let open: Bool
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
        let modules: [Module]
        let progress: Progress?
        let certificateURL: String?
        let continueURL: String?
    }

    struct Lesson: Sendable {
        struct Body: Sendable {
            let id, title, bodyHtml: String
            let videoUrl: String?
        }

        struct Neighbour: Sendable {
            let id, title: String
        }

        let course: CourseRef
        let lesson: Body
        let enrolled: Bool
        let completed: Bool
        let previous: Neighbour?
        let next: Neighbour?
        let progress: Progress?
    }

    struct QuizOverview: Sendable {
        struct Rules: Sendable {
            let id, title: String
            let passingScore: Int
            let timeLimitMinutes: Int?
            let maxAttempts: Int?
        }

        struct AttemptRow: Sendable {
            let id: String
            let number: Int
            let percent: Int?
            let passed: Bool
        }

        let course: CourseRef
        let quiz: Rules
        let enrolled: Bool
        let attempts: [AttemptRow]
    }

    struct Attempt: Sendable {
        struct Header: Sendable {
            let id, quizTitle: String
            let number: Int
        }

        struct Question: Sendable {
            struct Option: Sendable {
                let id, text, questionId: String
            }

            let number: Int
            let prompt: String
            let points: Int
            let single, multiple, truefalse, short, numeric: Bool
            let options: [Option]
            let questionId: String
        }

        struct Result: Sendable {
            let score, maxScore, percent: Int
            let passed, late: Bool
        }

        struct ReviewItem: Sendable {
            let number: Int
            let prompt: String
            let correct: Bool
            let answer: String
        }

        struct Review: Sendable {
            let items: [ReviewItem]
        }

        let attempt: Header
        let courseSlug: String
        let open: Bool
        let questions: [Question]
        let deadline: String?
        let result: Result?
        let review: Review?
    }

    struct Learning: Sendable {
        struct Row: Sendable {
            let slug, title: String
            let percent: Int
            let completed: Bool
            let continueURL: String?
        }

        let items: [Row]
    }

    struct CertificateCard: Sendable {
        struct Details: Sendable {
            let studentName, courseTitle, date, code: String
        }

        let certificate: Details
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
    }
}
