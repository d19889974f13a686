import Foundation
import LyceumContracts
import LyceumWeb

/// The demo school's courses: published courses with lessons and a quiz each, taught by the demo instructors,
/// with students enrolled at different stages (some finished, with certificates).
enum DemoCourses {
    static func seed(_ courses: CoursesService, school: DemoSchoolSeed) async throws {
        let instructors = school.instructors
        let students = school.students
        guard !instructors.isEmpty else { return }
        var titles: [String] = []
        for (index, text) in DemoContent.courses.enumerated() {
            let teacher = instructors[index % instructors.count]
            var draft = CourseDraft(title: text.title)
            draft.summary = text.summary
            draft.description = text.description
            draft.category = text.category
            draft.tags = text.tags
            draft.level = CourseLevel(rawValue: text.level)
            draft.language = "en"
            draft.priceMinor = text.priceMinor
            draft.currency = "EUR"
            let course = try await courses.createCourse(teacher, draft: draft)
            var lessonIDs: [String] = []
            var firstModuleID = ""
            for module in text.modules {
                let created = try await courses.addModule(teacher, course.id, title: module.title)
                if firstModuleID.isEmpty { firstModuleID = created.id }
                for lesson in module.lessons {
                    var input = LessonInput()
                    input.title = lesson.title
                    input.body = lesson.body
                    input.estimatedMinutes = lesson.minutes
                    input.preview = lesson.preview
                    lessonIDs.append(try await courses.addLesson(teacher, course.id, moduleID: created.id, input: input).id)
                }
            }
            // The quiz is written as its JSON request body, the shape instructors' API clients send.
            let quizInput = try JSONDecoder().decode(QuizInput.self, from: try JSONSerialization.data(withJSONObject: [
                "moduleId": firstModuleID, "title": "Check your understanding", "passingScore": 60, "maxAttempts": 3,
                "shuffleOptions": true, "questions": text.quiz,
            ] as [String: any Sendable]))
            let (quiz, questions) = try await courses.createQuiz(teacher, course.id, input: quizInput)
            _ = try await courses.setStatus(teacher, course.id, to: .published)
            titles.append(course.title)
            school.record(course.title, in: "courses")

            for (position, learner) in students.enumerated() where (position + index) % 3 != 0 {
                if course.isPaid {
                    try await courses.addStudent(teacher, course.id, userID: learner.userID)
                } else {
                    _ = try await courses.enroll(learner, course.id)
                }
                let finished = (position * 7 + index) % (lessonIDs.count + 1)
                for lessonID in lessonIDs.prefix(finished) {
                    _ = try await courses.setCompletion(learner, course.id, lessonID: lessonID, completed: true)
                }
                if finished == lessonIDs.count {
                    let sheet = try await courses.startAttempt(learner, quizID: quiz.id)
                    let answers = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, rightAnswer($0)) })
                    _ = try await courses.submitAttempt(learner, attemptID: sheet.attempt.id, answers: answers)
                }
            }
        }
        school.report("courses:     \(titles.joined(separator: "; "))")
    }

    private static func rightAnswer(_ question: QuizQuestion) -> SubmittedAnswer {
        switch question.kind {
        case .singleChoice: .text(question.key.correctOptions?.first ?? "")
        case .multipleChoice: .options(question.key.correctOptions ?? [])
        case .trueFalse: .truth(question.key.truth ?? false)
        case .shortAnswer: .text(question.key.accepted?.first ?? "")
        case .numeric: .number(question.key.value ?? 0)
        }
    }
}
