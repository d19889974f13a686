/// The courses of the demo school: real prose, so a newcomer sees what a living platform looks like.
enum DemoContent {
    struct LessonText {
        let title: String
        let minutes: Int
        let preview: Bool
        let body: String
    }

    struct ModuleText {
        let title: String
        let lessons: [LessonText]
    }

    struct CourseText {
        let title: String
        let summary: String
        let description: String
        let category: String
        let tags: [String]
        let level: String
        let priceMinor: Int
        let modules: [ModuleText]
        let quiz: [[String: any Sendable]]
    }

    static let courses: [CourseText] = [
        CourseText(
            title: "Looking Up: A First Course in Astronomy",
            summary: "Find your way around the night sky and understand what you are seeing, from the Moon's phases to distant galaxies.",
            description: """
                Astronomy is the oldest science and still one of the most welcoming. This course needs no equipment
                beyond your eyes and, later, a pair of binoculars.

                You will learn to:

                - recognise the brightest stars and constellations of each season,
                - explain the phases of the Moon and the cause of eclipses,
                - read a star chart and plan an evening of observing.
                """,
            category: "Science", tags: ["astronomy", "observing", "beginners"], level: "beginner", priceMinor: 0,
            modules: [
                ModuleText(title: "The sky above you", lessons: [
                    LessonText(title: "Why the sky moves", minutes: 12, preview: true, body: """
                        ## The sky is a clock

                        Watch the sky for an hour and the stars drift from east to west. They are not moving: **the Earth
                        is turning**, once every 23 hours and 56 minutes. That is why the same stars rise about four
                        minutes earlier each night, and why the winter sky differs from the summer sky.

                        > The Pole Star barely moves at all, because Earth's axis points almost straight at it.

                        Try this tonight: note which star sits above a chimney or a tree at 9 pm, then look again at 10 pm.
                        """),
                    LessonText(title: "Constellations as signposts", minutes: 15, preview: false, body: """
                        Constellations are patterns people drew to find their way. Learn three and you can find the rest:

                        1. **Orion** in winter, with the three stars of his belt.
                        2. **The Plough** (Big Dipper) all year in the north; its pointer stars lead to Polaris.
                        3. **The Summer Triangle**: Vega, Deneb and Altair.

                        Star-hop from a pattern you know to one you do not, a hand-width at a time.
                        """),
                ]),
                ModuleText(title: "The Moon and the planets", lessons: [
                    LessonText(title: "Phases of the Moon", minutes: 10, preview: false, body: """
                        The Moon shines only by reflected sunlight. As it orbits Earth every 29.5 days we see more or less
                        of its lit half: *new*, *crescent*, *first quarter*, *gibbous*, *full*, and back again.

                        An eclipse needs the Sun, Earth and Moon in a straight line, which is why eclipses happen only at
                        new or full Moon, and not every month: the Moon's orbit is tilted by about five degrees.
                        """),
                    LessonText(title: "Wanderers: spotting planets", minutes: 14, preview: false, body: """
                        *Planet* means wanderer. Planets shine steadily where stars twinkle, and they move against the
                        background of stars from week to week.

                        Venus is the brightest point in the sky after the Moon; Jupiter comes next, and binoculars show
                        its four largest moons as a tiny line of stars.
                        """),
                ]),
            ],
            quiz: [
                ["kind": "single_choice", "prompt": "Why do stars appear to move across the sky during the night?",
                 "options": ["The stars orbit the Earth", "The Earth rotates", "The Sun pulls them"], "correct": [1]],
                ["kind": "true_false", "prompt": "A solar eclipse can only happen at new Moon.", "truth": true],
                ["kind": "numeric", "prompt": "How many days does the Moon take to go through all its phases?", "value": 29.5, "tolerance": 0.5],
                ["kind": "short_answer", "prompt": "Which star do the pointer stars of the Plough lead to?", "accepted": ["Polaris", "The Pole Star", "North Star"]],
            ]
        ),
        CourseText(
            title: "Practical Python for Data Analysis",
            summary: "Load, clean, summarise and chart real data with Python, one small script at a time.",
            description: """
                Spreadsheets stop scaling long before your questions do. This course teaches the Python you need to
                answer questions about data: reading files, cleaning messy values, grouping and summarising, and
                drawing honest charts.

                Bring a laptop with Python 3.11 or newer.
                """,
            category: "Programming", tags: ["python", "data", "analysis"], level: "intermediate", priceMinor: 0,
            modules: [
                ModuleText(title: "Getting data in", lessons: [
                    LessonText(title: "Reading a CSV file", minutes: 20, preview: true, body: """
                        Python's standard library already reads CSV files:

                        ```python
                        import csv

                        with open("rainfall.csv", newline="") as handle:
                            rows = list(csv.DictReader(handle))
                        print(len(rows), "rows")
                        ```

                        Each row becomes a dictionary keyed by the header line, so `row["month"]` reads naturally.
                        """),
                    LessonText(title: "Cleaning messy values", minutes: 25, preview: false, body: """
                        Real files contain blanks, stray spaces and numbers written as text. Clean them **once**, right
                        after reading, in one function you can test:

                        ```python
                        def millimetres(text):
                            text = text.strip().replace(",", ".")
                            return float(text) if text else None
                        ```

                        Keep `None` for missing values instead of inventing zeros: a zero is a measurement.
                        """),
                ]),
                ModuleText(title: "Asking questions", lessons: [
                    LessonText(title: "Grouping and summarising", minutes: 30, preview: false, body: """
                        Most questions are *group by something, then summarise*. With a dictionary of lists:

                        ```python
                        from collections import defaultdict
                        from statistics import mean

                        by_month = defaultdict(list)
                        for row in rows:
                            by_month[row["month"]].append(millimetres(row["rain"]))
                        ```

                        Then `mean` each list, skipping the `None` values.
                        """),
                    LessonText(title: "Charts that tell the truth", minutes: 20, preview: false, body: """
                        A chart is an argument. Start bar charts at zero, label both axes with units, and prefer one clear
                        message per chart over three crowded ones.
                        """),
                ]),
            ],
            quiz: [
                ["kind": "multiple_choice", "prompt": "Which of these belong in a cleaning function?",
                 "options": ["Trimming spaces", "Replacing decimal commas", "Turning blanks into zero"], "correct": [0, 1]],
                ["kind": "short_answer", "prompt": "Which standard-library module reads CSV files?", "accepted": ["csv"]],
                ["kind": "true_false", "prompt": "A bar chart's value axis should start at zero.", "truth": true],
            ]
        ),
        CourseText(
            title: "Writing Clearly at Work",
            summary: "Emails, reports and documentation that people read, understand and act on.",
            description: """
                Clear writing is a kindness to your reader and a shortcut for you. In short lessons with exercises you
                will learn to put the point first, cut words that do no work, and structure longer documents.
                """,
            category: "Communication", tags: ["writing", "workplace", "email"], level: "beginner", priceMinor: 4900,
            modules: [
                ModuleText(title: "Sentences", lessons: [
                    LessonText(title: "Put the point first", minutes: 10, preview: true, body: """
                        Readers decide in the first line whether to keep reading. Start with what you need from them:

                        - *Weak:* "Following our discussion last week, and after some consideration..."
                        - *Strong:* "Please approve the March budget by Friday; details below."
                        """),
                    LessonText(title: "Words that do no work", minutes: 12, preview: false, body: """
                        Cut "in order to" to "to", "at this point in time" to "now", and "it is important to note that"
                        to nothing at all. Every word should earn its place.
                        """),
                ]),
            ],
            quiz: [
                ["kind": "single_choice", "prompt": "What should the first line of a request email contain?",
                 "options": ["Background", "The request", "A greeting only"], "correct": [1]],
            ]
        ),
    ]
}
