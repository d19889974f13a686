@testable import Courses
import Foundation
import LyceumContracts
import LyceumCore
import Testing

@Suite("Quiz grading and quiz text")
struct QuizLogicTests {
    static func question(_ kind: QuestionKind, key: AnswerKey, options: [String] = []) -> QuizQuestion {
        QuizQuestion(
            id: "q", quizID: "z", position: 0, kind: kind, prompt: "?",
            options: options.map { QuestionOption(id: $0, text: $0.uppercased()) }, key: key, points: 1
        )
    }

    @Test("each kind is graded by its own rule")
    func grading() {
        let single = Self.question(.singleChoice, key: AnswerKey(correctOptions: ["b"]), options: ["a", "b"])
        #expect(QuizGrading.isCorrect(.text("b"), for: single))
        #expect(!QuizGrading.isCorrect(.text("a"), for: single))
        #expect(!QuizGrading.isCorrect(.options(["a", "b"]), for: single))

        let multiple = Self.question(.multipleChoice, key: AnswerKey(correctOptions: ["a", "c"]), options: ["a", "b", "c"])
        #expect(QuizGrading.isCorrect(.options(["c", "a"]), for: multiple))
        #expect(!QuizGrading.isCorrect(.options(["a"]), for: multiple))
        #expect(!QuizGrading.isCorrect(.options(["a", "c", "b"]), for: multiple))
        #expect(!QuizGrading.isCorrect(.options(["a", "a", "c"]), for: multiple))

        let truth = Self.question(.trueFalse, key: AnswerKey(truth: false))
        #expect(QuizGrading.isCorrect(.truth(false), for: truth))
        #expect(!QuizGrading.isCorrect(.text("false"), for: truth))

        let short = Self.question(.shortAnswer, key: AnswerKey(accepted: ["Milky Way", "Voie lactée"]))
        #expect(QuizGrading.isCorrect(.text("  milky   WAY "), for: short))
        #expect(QuizGrading.isCorrect(.text("voie lactee"), for: short))
        #expect(QuizGrading.isCorrect(.text("ＭＩＬＫＹ ＷＡＹ"), for: short))
        #expect(!QuizGrading.isCorrect(.text("milky"), for: short))
        #expect(!QuizGrading.isCorrect(.text(""), for: short))

        let numeric = Self.question(.numeric, key: AnswerKey(value: 29.5, tolerance: 0.5))
        #expect(QuizGrading.isCorrect(.number(29), for: numeric))
        #expect(QuizGrading.isCorrect(.number(30), for: numeric))
        #expect(QuizGrading.isCorrect(.text("29,7"), for: numeric))
        #expect(!QuizGrading.isCorrect(.number(30.6), for: numeric))
        #expect(!QuizGrading.isCorrect(.number(.nan), for: numeric))
        #expect(!QuizGrading.isCorrect(nil, for: numeric))
    }

    @Test("the text format turns into every question kind")
    func quizText() throws {
        let questions = try QuizText.parse("""
            ? Largest planet?
            - Mars
            * Jupiter

            ? Gas giants?
            * Jupiter
            - Mars
            * Saturn

            ? The Moon is a planet.
            = false

            ? Our galaxy?
            ~ Milky Way
            ~ The Milky Way

            ? Days in a lunar month?
            # 29,5 ± 0.5
            """)
        #expect(questions.map(\.kind) == [.singleChoice, .multipleChoice, .trueFalse, .shortAnswer, .numeric])
        #expect(questions[0].options == ["Mars", "Jupiter"])
        #expect(questions[0].correct == [1])
        #expect(questions[1].correct == [0, 2])
        #expect(questions[2].truth == false)
        #expect(questions[3].accepted == ["Milky Way", "The Milky Way"])
        #expect(questions[4].value == 29.5)
        #expect(questions[4].tolerance == 0.5)
    }

    @Test(
        "malformed quiz text names the question at fault",
        arguments: ["", "Largest planet?\n* Jupiter", "? Mixed\n* a\n= true", "? Bad\n= maybe", "? Bad\n# lots", "? Bad\n+ what", "? Bad\n#", "? Bad\n#±"]
    )
    func badQuizText(text: String) {
        #expect(throws: AppError.self) { try QuizText.parse(text) }
    }

    @Test("slugs are URL-safe and never look like ids")
    func slugs() {
        #expect(CourseRules.slug(from: "Looking Up: A First Course!") == "looking-up-a-first-course")
        #expect(CourseRules.slug(from: "Ünïcödé   Çourse") == "unicode-course")
        #expect(CourseRules.slug(from: "Основы астрономии") == "osnovy-astronomii")
        #expect(CourseRules.slug(from: "Αστρονομία 101") == "astronomia-101")
        #expect(CourseRules.isValidSlug(CourseRules.defaultSlug(for: "天文学")))
        #expect(CourseRules.isValidSlug("looking-up"))
        #expect(!CourseRules.isValidSlug("ab"))
        #expect(!CourseRules.isValidSlug("bad--slug"))
        #expect(!CourseRules.isValidSlug(UUID().uuidString.lowercased()))
    }

    @Test("the quiz form keeps a time limit that is not a whole number of minutes")
    func quizDraftTimeLimit() throws {
        let quiz = Quiz(
            id: "q", courseID: "c", moduleID: "m", title: "Timed", passingScore: 50, maxAttempts: nil, timeLimitSeconds: 90,
            shuffleQuestions: false, shuffleOptions: false, allowReview: true, createdAt: Date()
        )
        let question = QuizQuestion(id: "x", quizID: "q", position: 0, kind: .trueFalse, prompt: "Sure?", options: [], key: AnswerKey(truth: true), points: 1)
        let draft = QuizDraft(quiz, questions: [question])
        #expect(draft.timeLimitMinutes == "1.5")
        #expect(try draft.input().get().timeLimitSeconds == 90)
    }

    @Test("prices are typed as money and shown with two decimals")
    func money() {
        #expect(MoneyText.minorUnits("49.00") == 4900)
        #expect(MoneyText.minorUnits("49") == 4900)
        #expect(MoneyText.minorUnits(" 49,5 ") == 4950)
        #expect(MoneyText.minorUnits("0") == 0)
        for bad in ["", "-1", "49.001", "4 9", "abc", "1e3", "49.", ".5", "١٢"] { #expect(MoneyText.minorUnits(bad) == nil, "\(bad)") }
        #expect(MoneyText.text(minor: 4900) == "49.00")
        #expect(MoneyText.text(minor: 5) == "0.05")
    }

    @Test("CSV fields are quoted and neutralise spreadsheet formulas")
    func csvFields() {
        #expect(Gradebook.field("plain") == "plain")
        #expect(Gradebook.field("a,b") == "\"a,b\"")
        #expect(Gradebook.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Gradebook.field("=1+1") == "'=1+1")
        #expect(Gradebook.field("@SUM(A1)") == "'@SUM(A1)")
    }
}
