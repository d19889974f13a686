"""The community journey in Chromium, as issue 10 describes it: two students of one course; one asks a question
on the course's board, the other answers, the asker accepts the answer, and the answerer's notification count
rises (delivered by the job worker through the outbox, read by the bell's script without a page load of its own).

Imported by e2e.py, which passes its helpers in (`e2e_courses.Tools`), so this file never reaches into its globals.
"""

import time

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def _wait(driver):
    return WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException, WebDriverException))


def _sign_up_and_enroll(driver, base, tools, name, email, slug):
    wait = _wait(driver)
    driver.get(base + "/signup")
    driver.find_element(By.NAME, "displayName").send_keys(name)
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(tools.secret("password", f"community password {email}"))
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    wait.until(expected_conditions.title_is("Your profile · Lyceum"))
    tools.remember_cookies(driver)
    driver.get(base + f"/courses/{slug}")
    driver.find_element(By.XPATH, "//button[normalize-space(.)='Enroll for free']").click()
    wait.until(expected_conditions.presence_of_element_located((By.ID, "course-progress")))


def _bell_count(driver):
    """The unread count the bell shows: its text once the script has filled it, 0 while it is hidden."""
    bell = driver.find_element(By.CSS_SELECTOR, "[data-testid=notification-count]")
    text = (bell.get_attribute("textContent") or "").strip()
    return int(text) if text.isdigit() and not bell.get_attribute("hidden") else 0


def _wait_for_bell(driver, base, at_least, seconds=30):
    """Reloads the home page until the bell shows at least `at_least` (the worker delivers asynchronously)."""
    deadline = time.monotonic() + seconds
    count = 0
    while time.monotonic() < deadline:
        driver.get(base + "/")
        try:
            _wait(driver).until(lambda d: _bell_count(d) >= at_least)
            return _bell_count(driver)
        except WebDriverException:
            count = _bell_count(driver)
        time.sleep(0.5)
    return count


def question_answered_and_accepted(base, tools, slug):
    check = tools.check
    asker = tools.new_driver("1200,900")
    answerer = tools.new_driver("1200,900")
    try:
        _sign_up_and_enroll(asker, base, tools, "Curious Asker", f"asker-{slug}@example.org", slug)
        _sign_up_and_enroll(answerer, base, tools, "Helpful Answerer", f"answerer-{slug}@example.org", slug)
        answerer.get(base + "/")
        _wait(answerer).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=notification-count]")))
        before = _bell_count(answerer)

        wait = _wait(asker)
        asker.get(base + f"/courses/{slug}/board")
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "a[href$='/new']"))).click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "thread-title"))).send_keys("Why does the Moon show phases?")
        asker.find_element(By.CSS_SELECTOR, "input[name=kind][value=question]").click()
        asker.find_element(By.ID, "thread-body").send_keys("I see it change **every night**. Why?")
        asker.find_element(By.ID, "thread-tags").send_keys("moon, phases")
        tools.accessibility(asker, "new thread form (student)")
        asker.find_element(By.CSS_SELECTOR, "[data-testid=create-thread]").click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=reply-form]")))
        thread_url = asker.current_url
        check("/threads/" in thread_url and "every night" in asker.page_source, "the asker's question opens as its own thread page")

        answerer.get(thread_url)
        answer_wait = _wait(answerer)
        answer_wait.until(expected_conditions.presence_of_element_located((By.ID, "reply-body"))).send_keys(
            "Because we see a changing part of its sunlit half.")
        answerer.find_element(By.CSS_SELECTOR, "[data-testid=reply-submit]").click()
        answer_wait.until(expected_conditions.text_to_be_present_in_element((By.TAG_NAME, "main"), "changing part of its sunlit half"))
        check(True, "the other student answers on the thread page")

        asker.get(thread_url)
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid^=accept-]"))).click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=accepted-answer]")))
        check(True, "the asker accepts the answer and the page marks it accepted")
        tools.accessibility(asker, "thread page with an accepted answer (student)")

        after = _wait_for_bell(answerer, base, before + 1)
        check(after >= before + 1, f"the answerer's notification count rises once the answer is accepted ({before} -> {after})")
        answerer.get(base + "/notifications")
        check("accepted" in answerer.find_element(By.TAG_NAME, "main").text.lower(),
              "the answerer's notifications say the answer was accepted")
        tools.accessibility(answerer, "notifications page (student)")
    finally:
        asker.quit()
        answerer.quit()
