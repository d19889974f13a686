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
