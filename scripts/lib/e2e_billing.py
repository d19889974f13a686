"""Buying a course in Chromium, with real mail: a server of its own sends through the test services' SMTP
relay (aiosmtpd, STARTTLS and AUTH, its certificate checked against the test CA) and takes payments through
the Stripe stand-in. A visitor signs up in the browser and verifies the address with the link the relay
received; staff price a course; the student buys it on the stand-in's Checkout page, whose completion webhook
arrives three times, and lands on the success page enrolled exactly once; the receipt, the welcome and the
enrollment confirmation arrive as multipart mail, the last two with one-click unsubscribe headers, and a
one-click POST switches enrollment email off without a session; an admin refunds from the payments page, the
stand-in's `charge.refunded` webhook removes the seat, and the refund email arrives.

Imported by e2e.py, which passes its helpers in (`Tools`), so this file never reaches into its globals.
"""

import email
import email.policy
import json
import os
import pathlib
import time
import urllib.request
from dataclasses import dataclass
from typing import Callable

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


@dataclass
class Tools:
    """What the journey needs from the e2e runner."""
    new_driver: Callable
    check: Callable
    secret: Callable
    accessibility: Callable
    api: Callable  # (method, path, body=None, token=None) -> (status, headers, json)
    standin: object  # the StripeStandIn the server talks to
    mail_dir: str  # where the SMTP relay writes what it receives


def _wait(driver, seconds=30):
    return WebDriverWait(driver, seconds, ignored_exceptions=(StaleElementReferenceException, WebDriverException))


def relayed(mail_dir, recipient, subject_part, timeout=30):
    """The messages the relay received for `recipient` whose subject contains `subject_part`, as parsed
    `email.message.EmailMessage`s with the relay's record (TLS, AUTH), waiting up to `timeout` for one."""
    deadline = time.time() + timeout
    while True:
        found = []
        for record_path in sorted(pathlib.Path(mail_dir).glob("*.json")):
            record = json.loads(record_path.read_text())
            if recipient not in record["rcptTos"]:
                continue
            message = email.message_from_bytes(record_path.with_suffix(".eml").read_bytes(), policy=email.policy.default)
            if subject_part in str(message["Subject"]):
                found.append((message, record))
        if found or time.time() > deadline:
            return found
        time.sleep(0.25)


def _parts(message):
    """The text and HTML parts of a multipart/alternative message."""
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    return (text.get_content() if text else ""), (html.get_content() if html else "")


def _check_mail(check, found, what, unsubscribe):
    check(len(found) == 1, f"exactly one {what} arrives at the SMTP relay (found {len(found)})")
    if not found:
        return None
    message, record = found[0]
    text, html = _parts(message)
    check(record["tls"] and record["authenticated"], f"the {what} came over STARTTLS with AUTH")
    check(message.get_content_type() == "multipart/alternative" and text.strip() and "<html" in html.lower(),
          f"the {what} is multipart/alternative with a text and an HTML part")
    check(message["Message-ID"] and message["Date"] and "Lyceum" in str(message["From"]), f"the {what} has From, Date and Message-ID")
    has_headers = bool(message["List-Unsubscribe"]) and message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    if unsubscribe:
        check(has_headers and "/unsubscribe/" in str(message["List-Unsubscribe"]) and "Unsubscribe" in text,
              f"the {what} carries List-Unsubscribe, List-Unsubscribe-Post and a footer link")
    else:
        check(not message["List-Unsubscribe"] and "Unsubscribe" not in text, f"the {what} (essential) has no unsubscribe header or link")
    return message


def _seats(tools, course_id, token):
    status, _, body = tools.api("GET", f"/api/v1/courses/{course_id}/roster", token=token)
    return body.get("items", []) if status == 200 else None


def buy_course_in_browser(base, tools, where, admin_email, admin_password):
    check = tools.check
    status, _, body = tools.api("POST", "/api/v1/auth/login", {"email": admin_email, "password": admin_password})
    check(status == 200, f"the billing admin signs in ({where})")
    admin = body["accessToken"]
    status, _, body = tools.api("POST", "/api/v1/courses", {"title": "Telescopes for beginners", "summary": "Choose and use one.",
                                                              "priceMinor": 4900, "currency": "eur"}, token=admin)
    check(status == 201, f"staff create a course priced €49.00 ({status})")
    course_id, slug = body["course"]["id"], body["course"]["slug"]
    status, _, body = tools.api("POST", f"/api/v1/courses/{course_id}/modules", {"title": "Optics"}, token=admin)
    module_id = body["module"]["id"]
    tools.api("POST", f"/api/v1/courses/{course_id}/modules/{module_id}/lessons",
              {"title": "Lenses and mirrors", "body": "Two ways to gather light.", "estimatedMinutes": 5}, token=admin)
    status, _, _ = tools.api("POST", f"/api/v1/courses/{course_id}/publish", token=admin)
    check(status == 200, "the paid course is published")

    student = f"buyer-{int(time.time() * 1000)}@example.org"
    password = tools.secret("password", f"buyer password {student}")
    driver = tools.new_driver("1200,900")
    try:
        wait = _wait(driver)
        driver.get(base + "/signup")
        driver.find_element(By.NAME, "displayName").send_keys("Paying Student")
        driver.find_element(By.NAME, "email").send_keys(student)
        driver.find_element(By.NAME, "password").send_keys(password)
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        wait.until(expected_conditions.title_is("Your profile · Lyceum"))

        verify = _check_mail(check, relayed(tools.mail_dir, student, "Confirm your email"), "verification email", unsubscribe=False)
        _check_mail(check, relayed(tools.mail_dir, student, "Welcome"), "welcome email", unsubscribe=True)
        if verify is not None:
            text, _ = _parts(verify)
            link = next((word for word in text.split() if "/verify-email?token=" in word), None)
            check(link is not None and link.startswith(base), "the verification email links to this server")
            tools.secret("email verification token", link.rsplit("=", 1)[1])
            driver.get(link)
            driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            wait.until(lambda d: "your email address is confirmed" in d.page_source)
            check(True, "the link from the relayed email confirms the address in the browser")

        driver.get(base + f"/courses/{slug}")
        page = driver.page_source
        check("€49.00" in page and not driver.find_elements(By.XPATH, "//button[normalize-space(.)='Enroll for free']"),
              "the course page shows the price and no free enrollment")
        tools.accessibility(driver, "paid course page (student)")
        driver.find_element(By.XPATH, "//a[starts-with(normalize-space(.), 'Buy for')]").click()
        wait.until(expected_conditions.title_contains("Buy Telescopes"))
        tools.accessibility(driver, "buy page (student)")
        driver.find_element(By.XPATH, "//button[normalize-space(.)='Continue to payment']").click()
        wait.until(expected_conditions.presence_of_element_located((By.ID, "pay")))
        check(driver.current_url.startswith(tools.standin.base + "/pay/cs_test_"), "the student is sent to the (stand-in) Stripe Checkout page")
        driver.find_element(By.ID, "pay").click()
        wait.until(expected_conditions.url_contains("/checkout/success"))
        for _ in range(20):
            if "you're enrolled" in driver.page_source:
                break
            time.sleep(0.5)
            driver.refresh()
        check("you're enrolled" in driver.page_source, "the success page says the payment arrived and the student is enrolled")
        tools.accessibility(driver, "checkout success (student)")

        answers = [status for kind, status in tools.standin.webhook_answers if kind == "checkout.session.completed"]
        check(answers == [200, 200, 200], f"the completion webhook was delivered three times and accepted each time ({answers})")
        check(not tools.standin.problems, f"every request Lyceum sent to Stripe was well formed ({tools.standin.problems})")
        sessions = [form for method, path, _, form in tools.standin.requests if path == "/v1/checkout/sessions"]
        check(len(sessions) == 1 and sessions[0].get("line_items[0][price_data][unit_amount]") == "4900"
              and sessions[0].get("line_items[0][price_data][currency]") == "eur",
              "one Checkout Session for 4900 eur was created")
        seats = _seats(tools, course_id, admin)
        check(seats is not None and len(seats) == 1, f"the student holds exactly one seat after three deliveries ({seats})")

        driver.get(base + "/purchases")
        check("Telescopes for beginners" in driver.page_source, "my purchases lists the course")
        tools.accessibility(driver, "my purchases (student)")
        _check_mail(check, relayed(tools.mail_dir, student, "receipt"), "receipt", unsubscribe=False)
        enrollment = _check_mail(check, relayed(tools.mail_dir, student, "You are enrolled"), "enrollment confirmation", unsubscribe=True)
        if enrollment is not None:
            url = str(enrollment["List-Unsubscribe"]).strip("<>")
            tools.secret("unsubscribe token", url.rsplit("/", 1)[1])
            one_click = urllib.request.Request(url, data=b"List-Unsubscribe=One-Click", method="POST",
                                               headers={"Content-Type": "application/x-www-form-urlencoded"})
            with urllib.request.urlopen(one_click, timeout=10) as response:
                check(response.status == 200, "a one-click POST to the List-Unsubscribe URL, with no session, answers 200")
            driver.get(base + "/notifications/preferences")
            box = driver.find_element(By.CSS_SELECTOR, "input[name='email.enrollment']")
            check(not box.is_selected(), "the preferences page shows enrollment email switched off")
    finally:
        driver.quit()

    admin_driver = tools.new_driver("1200,900")
    try:
        wait = _wait(admin_driver)
        admin_driver.get(base + "/signin")
        admin_driver.find_element(By.NAME, "email").send_keys(admin_email)
        admin_driver.find_element(By.NAME, "password").send_keys(admin_password)
        admin_driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        wait.until(expected_conditions.title_is("Home · Lyceum"))
        admin_driver.get(base + "/admin/payments")
        tools.accessibility(admin_driver, "payments (admin)")
        row = admin_driver.find_element(By.XPATH, "//tr[.//a[normalize-space(.)='Telescopes for beginners']]")
        row.find_element(By.XPATH, ".//button[normalize-space(.)='Refund']").click()
        wait.until(lambda d: "refunded" in d.find_element(By.XPATH, "//tr[.//a[normalize-space(.)='Telescopes for beginners']]").text)
        check(len(tools.standin.refunds) == 1, "the refund button asks Stripe for exactly one refund")
        admin_driver.get(base + f"/teach/courses/{slug}/revenue")
        check(admin_driver.find_elements(By.CSS_SELECTOR, "svg"), "the revenue page draws its chart")
        tools.accessibility(admin_driver, "revenue (admin)")
    finally:
        admin_driver.quit()
    deadline = time.time() + 20
    while time.time() < deadline and _seats(tools, course_id, admin):
        time.sleep(0.5)
    check(_seats(tools, course_id, admin) == [], "the refund removes the student's seat")
    _check_mail(check, relayed(tools.mail_dir, student, "refund"), "refund email", unsubscribe=False)
