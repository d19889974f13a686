"""The course authoring and learner journey in Chromium, as issue 9 describes it: an instructor builds a course
with the form editors (one refused save that keeps the typed questions), edits and deletes a lesson, previews
the quiz and publishes; a student takes the quiz (confirming an unanswered submit), reviews it, follows
next/previous through the course, sees what completion still needs, completes and prints the certificate.

Imported by e2e.py, which passes its helpers in (`Tools`), so this file never reaches into its globals.
"""

from dataclasses import dataclass
from typing import Callable

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

INSTRUCTOR = "hypatia@demo.lyceum.test"
DEMO_PASSWORD = "lyceum-demo-2026"


@dataclass
class Tools:
    """What the journey needs from the e2e runner."""
    new_driver: Callable
    check: Callable
    secret: Callable
    remember_cookies: Callable
    accessibility: Callable


def _wait(driver):
    return WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException, WebDriverException))


def _button(driver, text):
    return driver.find_element(By.XPATH, f"//button[normalize-space(.)={_quote(text)}]")


def _link(driver, text):
    return driver.find_element(By.XPATH, f"//a[normalize-space(.)={_quote(text)}]")


def _quote(text):
    return "'" + text + "'" if "'" not in text else 'concat("' + text.replace('"', '", \'"\', "') + '")'


def _field(driver, element_id):
    return driver.find_element(By.ID, element_id)


def _type(driver, element_id, text):
    field = _field(driver, element_id)
    field.clear()
    field.send_keys(text)


def _complete_lesson(driver, wait):
    """Marks the open lesson complete and waits for the page that says so (the old page's links go stale)."""
    _button(driver, "Mark as complete").click()
    wait.until(expected_conditions.presence_of_element_located(
        (By.XPATH, "//button[starts-with(normalize-space(.), '✓ Completed')]")))


def _sign_in(driver, base, email, password, tools):
    driver.get(base + "/signin")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    _wait(driver).until(expected_conditions.title_is("Home · Lyceum"))
    tools.remember_cookies(driver)


def build_course(base, tools, title):
    """The instructor's half; returns the course's address."""
    check = tools.check
    driver = tools.new_driver("1200,900")
    try:
        wait = _wait(driver)
        _sign_in(driver, base, INSTRUCTOR, DEMO_PASSWORD, tools)
        driver.get(base + "/teach")
        tools.accessibility(driver, "teaching dashboard (instructor)")
        _type(driver, "new-course-title", title)
        _button(driver, "Create draft").click()
        wait.until(expected_conditions.title_contains("Edit · "))
        slug = driver.current_url.rstrip("/").rsplit("/", 1)[1]
        _type(driver, "new-module-title", "First steps")
        _button(driver, "Add module").click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Added the module “First steps”."))
        tools.accessibility(driver, "course editor (instructor)")

        for lesson, body in (("Looking up", "Find the *Moon* tonight."), ("Keeping notes", "Write down what you see.\nEvery night."),
                             ("A lesson to drop", "Soon gone.")):
            driver.find_element(By.XPATH, "//summary[starts-with(normalize-space(.), 'Add a lesson to module 1')]").click()
            module_form = driver.find_element(By.XPATH, "//form[contains(@action, '/lessons') and .//textarea[@name='body']]")
            module_form.find_element(By.NAME, "title").send_keys(lesson)
            module_form.find_element(By.NAME, "body").send_keys(body)
            module_form.find_element(By.XPATH, ".//button[normalize-space(.)='Add lesson']").click()
            wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), f"Added the lesson “{lesson}”."))
        check(True, "the instructor adds a module and three lessons in the course editor")

        _link(driver, "Add a quiz to module 1").click()
        wait.until(expected_conditions.title_contains("New quiz"))
        tools.accessibility(driver, "quiz editor (instructor)")
        _type(driver, "quiz-title", "Check your sky")
        _type(driver, "quiz-passing", "60")
        _type(driver, "q0-prompt", "Which of these is a planet?")
        _type(driver, "q0-option0", "Mars")
        _type(driver, "q0-option1", "Sirius")
        driver.find_element(By.CSS_SELECTOR, "input[name='q0.correct'][value='0']").click()
        _button(driver, "Add a question").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "q1-prompt")))
        Select(_field(driver, "q1-kind")).select_by_value("true_false")
        driver.find_element(By.XPATH, "//fieldset[@id='q1']//button[normalize-space(.)='Change kind']").click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "input[name='q1.truth'][value='true']")))
        _type(driver, "q1-prompt", "The Moon shines by reflected sunlight.")
        driver.find_element(By.CSS_SELECTOR, "input[name='q1.truth'][value='true']").click()
        _type(driver, "quiz-passing", "150")
        _button(driver, "Save quiz").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "quiz-passing-error")))
        check(_field(driver, "quiz-passing").get_attribute("aria-invalid") == "true"
              and "0 to 100" in _field(driver, "quiz-passing-error").text,
              "a passing score of 150 is refused next to its field")
        check(_field(driver, "q0-prompt").get_attribute("value") == "Which of these is a planet?"
              and _field(driver, "q0-option1").get_attribute("value") == "Sirius"
              and _field(driver, "q1-prompt").get_attribute("value") == "The Moon shines by reflected sunlight.",
              "the refused save keeps every typed question and option")
        tools.accessibility(driver, "quiz editor with errors (instructor)")
        _type(driver, "quiz-passing", "60")
        _button(driver, "Save quiz").click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Added the quiz “Check your sky”."))
        check(True, "the corrected quiz is saved from the form editor")

        driver.find_element(By.XPATH, "//a[normalize-space(.)='Edit Keeping notes']").click()
        wait.until(expected_conditions.title_contains("Edit lesson"))
        tools.accessibility(driver, "lesson editor (instructor)")
        _type(driver, "lesson-title", "Keeping a sky diary")
        _button(driver, "Save lesson").click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Saved the lesson “Keeping a sky diary”."))
        driver.find_element(By.XPATH, "//button[normalize-space(.)='Delete A lesson to drop']").click()
        wait.until(expected_conditions.title_contains("Delete the lesson"))
        tools.accessibility(driver, "delete confirmation (instructor)")
        _button(driver, "Delete the lesson").click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Deleted the lesson “A lesson to drop”."))
        check("A lesson to drop" not in driver.find_element(By.CSS_SELECTOR, ".module").text,
              "the instructor edits one lesson and deletes another after confirming")

        driver.find_element(By.XPATH, "//a[normalize-space(.)='Check your sky']").click()
        wait.until(expected_conditions.presence_of_element_located((By.XPATH, "//*[contains(normalize-space(.), 'Preview')]")))
        check("Which of these is a planet?" in driver.page_source, "the instructor previews the quiz as students see it")
        tools.accessibility(driver, "quiz preview (instructor)")
        driver.get(base + f"/teach/courses/{slug}")
        _button(driver, "Publish").click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Published"))
        check(True, "the instructor publishes the course")
        return slug
    finally:
        driver.quit()


def take_course(base, tools, slug):
    """The student's half, on the course `build_course` published."""
    check = tools.check
    driver = tools.new_driver("1200,900")
    try:
        wait = _wait(driver)
        driver.get(base + "/signup")
        driver.find_element(By.NAME, "displayName").send_keys("Sky Student")
        driver.find_element(By.NAME, "email").send_keys(f"sky-student-{slug}@example.org")
        password = tools.secret("password", f"sky student password {slug}")
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        wait.until(expected_conditions.title_is("Your profile · Lyceum"))
        tools.remember_cookies(driver)

        driver.get(base + f"/courses/{slug}")
        _button(driver, "Enroll for free").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "course-progress")))
        check("Continue where you left off" not in driver.page_source, "before a start the course offers to start, not to continue")
        _link(driver, "Start the course").click()
        wait.until(expected_conditions.title_contains("Looking up"))
        check(not driver.find_elements(By.XPATH, "//a[normalize-space(.)='Watch the video']"), "a lesson without a video shows no video link")
        _complete_lesson(driver, wait)
        driver.find_element(By.CSS_SELECTOR, "a[rel=next]").click()
        wait.until(expected_conditions.title_contains("Keeping a sky diary"))
        check("Looking up" in driver.find_element(By.CSS_SELECTOR, "a[rel=prev]").text, "the second lesson links back to the first")
        tools.accessibility(driver, "a lesson with previous and next (student)")
        _complete_lesson(driver, wait)
        nxt = driver.find_element(By.CSS_SELECTOR, "a[rel=next]")
        check("Check your sky" in nxt.text, "after the last lesson, next leads to the module's quiz")
        nxt.click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=quiz-rules]")))
        rules = driver.find_element(By.CSS_SELECTOR, "[data-testid=quiz-rules]").text
        check("No time limit" in rules and "Unlimited attempts" in rules, f"the quiz page states its rules ({rules!r})")
        tools.accessibility(driver, "quiz page (student)")

        driver.find_element(By.CSS_SELECTOR, "[data-testid=start-attempt]").click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".quiz-form")))
        driver.find_element(By.XPATH, "//label[normalize-space(.)='Mars']/input").click()
        _button(driver, "Submit answers").click()
        summary = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=unanswered-summary]")))
        check("1" in summary.text and "The Moon shines by reflected sunlight." in driver.page_source,
              "submitting with an unanswered question shows what is unanswered and asks to confirm")
        tools.accessibility(driver, "unanswered-question summary (student)")
        _button(driver, "Submit all and finish").click()
        result = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=quiz-result]")))
        check("50%" in result.text and "not passed" in result.text, f"the confirmed attempt is graded ({result.text.strip()})")
        result_url = driver.current_url
        driver.refresh()
        result = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=quiz-result]")))
        check(driver.current_url == result_url and "50%" in result.text, "the result has its own address that reloads")
        check("Your answer:" in driver.page_source and not driver.find_elements(By.CSS_SELECTOR, "[data-testid=right-answer]"),
              "the review shows the student's answers and keeps the right ones back while attempts remain and it is not passed")
        tools.accessibility(driver, "quiz result with review (student)")

        driver.get(base + f"/courses/{slug}")
        missing = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=completion-missing]")))
        check("Pass Check your sky with 60%" in missing.text, f"a course read to 100% says what completion still needs ({missing.text!r})")

        driver.find_element(By.XPATH, "//p[starts-with(normalize-space(.), 'Quiz:')]/a").click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=start-attempt]"))).click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".quiz-form")))
        driver.find_element(By.XPATH, "//label[normalize-space(.)='Mars']/input").click()
        driver.find_element(By.XPATH, "//label[normalize-space(.)='True']/input").click()
        _button(driver, "Submit answers").click()
        result = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=quiz-result]")))
        check("100%" in result.text and "passed" in result.text, f"the second attempt passes ({result.text.strip()})")
        check(len(driver.find_elements(By.CSS_SELECTOR, "[data-testid=right-answer]")) == 2,
              "once passed, the review shows the right answers next to the student's")

        driver.find_element(By.CSS_SELECTOR, "[data-testid=finish-course]").click()
        complete = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=course-complete]")))
        check("Course complete" in complete.text, "the last item leads back to the course, which shows it complete")
        tools.accessibility(driver, "completed course (student)")
        complete.find_element(By.XPATH, ".//a[normalize-space(.)='View your certificate']").click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".certificate")))
        check("Sky Student" in driver.find_element(By.CSS_SELECTOR, ".certificate").text
              and driver.find_elements(By.CSS_SELECTOR, "link[rel=stylesheet][media=print]"),
              "the certificate page names the student and has a print stylesheet")
        tools.accessibility(driver, "certificate (student)")
        driver.get(base + "/certificates")
        check("Browser sky course" in driver.find_element(By.CSS_SELECTOR, "main").text, "My certificates lists the new certificate")
        tools.accessibility(driver, "my certificates (student)")
    finally:
        driver.quit()
