#!/usr/bin/env python3
"""End-to-end check of the built `lyceum` binary: real process, real HTTP, real browser.

Run by scripts/e2e with Debian's python3 (which has selenium). Every check prints one line; the first
failure stops the run with a non-zero exit code.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/lyceum"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check(condition, message):
    if not condition:
        print(f"FAIL {message}", flush=True)
        sys.exit(1)
    print(f"ok   {message}", flush=True)


def request(base, method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            raw = response.read()
            return response.status, dict(response.headers), json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, dict(error.headers), json.loads(raw) if raw else None


def start(data_dir, port, extra_env=None, args=()):
    env = dict(os.environ)
    env.update({"LYCEUM_DATA_DIR": data_dir, "LYCEUM_PORT": str(port), "LYCEUM_LOG_FORMAT": "json"})
    env.update(extra_env or {})
    return subprocess.Popen([BINARY, "serve", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_ready(base, process, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            print(process.stderr.read())
            check(False, "server stayed up")
        try:
            if request(base, "GET", "/health/ready")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    check(False, "server became ready in time")


def cli(*args, env=None, stdin=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([BINARY, *args], env=full_env, input=stdin, capture_output=True, text=True, timeout=120)


def check_cli(data_dir):
    version = cli("version")
    check(version.returncode == 0 and version.stdout.startswith("lyceum "), "lyceum version prints the version")
    for command in (["--help"], ["serve", "--help"], ["migrate", "--help"], ["admin", "create", "--help"]):
        result = cli(*command)
        check(result.returncode == 0 and "USAGE" in result.stdout.upper(), f"lyceum {' '.join(command)} reads well")
    migrated = cli("migrate", "--data-dir", data_dir)
    check(migrated.returncode == 0 and "Applied migrations" in migrated.stdout, "lyceum migrate applies the schema")
    again = cli("migrate", "--data-dir", data_dir)
    check(again.returncode == 0 and "up to date" in again.stdout, "a second migrate has nothing to do")
    password_file = os.path.join(data_dir, "admin-password")
    with open(password_file, "w") as handle:
        handle.write("operator password 42\n")
    created = cli("admin", "create", "--data-dir", data_dir, "--email", "Root@Example.org", "--name", "Root Admin",
                  "--password-file", password_file)
    check(created.returncode == 0 and "root@example.org" in created.stdout, "lyceum admin create makes the first admin")
    piped = cli("admin", "create", "--data-dir", data_dir, "--email", "second@example.org", "--name", "Second",
                stdin="piped password 42\n")
    check(piped.returncode == 0, "lyceum admin create reads a piped password")
    duplicate = cli("admin", "create", "--data-dir", data_dir, "--email", "root@example.org", "--name", "Root",
                    "--password-file", password_file)
    check(duplicate.returncode != 0 and "Traceback" not in duplicate.stderr and "already exists" in duplicate.stderr,
          "creating the same admin twice fails with a clear sentence")
    bad = cli("serve", "--data-dir", data_dir, env={"LYCEUM_PORT": "eighty"})
    check(bad.returncode == 1 and bad.stderr.strip() == "lyceum: LYCEUM_PORT must be a whole number from 0 to 65535 (got eighty).",
          "an invalid port stops start-up with one sentence")
    no_secret = cli("serve", "--data-dir", data_dir, env={"LYCEUM_DATABASE_URL": "postgres://u:p@127.0.0.1:1/db"})
    check(no_secret.returncode == 1 and "LYCEUM_JWT_SECRET" in no_secret.stderr, "PostgreSQL without a JWT secret refuses to start")
    blocked = os.path.join(data_dir, "a-file")
    open(blocked, "w").close()
    not_dir = cli("serve", "--data-dir", blocked)
    check(not_dir.returncode == 1 and "is a file, not a directory" in not_dir.stderr, "an unusable data directory is refused")


def check_api(base):
    status, headers, body = request(base, "POST", "/api/v1/auth/register",
                                    {"email": "e2e@example.org", "password": "end to end password", "displayName": "E2E Learner"})
    check(status == 201 and body["user"]["email"] == "e2e@example.org", "sign up over HTTP")
    check(len(headers.get("X-Request-Id", "")) == 32, "responses carry X-Request-Id")
    status, _, body = request(base, "POST", "/api/v1/auth/login", {"email": "E2E@example.org", "password": "end to end password"})
    check(status == 200 and "accessToken" in body, "sign in over HTTP")
    token = body["accessToken"]
    status, _, me = request(base, "GET", "/api/v1/me", token=token)
    check(status == 200 and me["user"]["displayName"] == "E2E Learner", "read /api/v1/me with the access token")
    status, _, body = request(base, "POST", "/api/v1/auth/login", {"email": "root@example.org", "password": "operator password 42"})
    check(status == 200 and body["user"]["role"] == "admin", "the CLI-created admin signs in")
    status, _, users = request(base, "GET", "/api/v1/admin/users?q=e2e", token=body["accessToken"])
    check(status == 200 and [u["email"] for u in users["items"]] == ["e2e@example.org"], "the admin finds the new user")
    with urllib.request.urlopen(base + "/metrics", timeout=10) as response:
        metrics = response.read().decode()
    check("hb_requests{" in metrics and "lyceum_build_info" in metrics, "/metrics counts requests in Prometheus format")


def new_driver(window_size):
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={window_size}"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def check_browser(base):
    driver = new_driver("390,844")
    try:
        wait = WebDriverWait(driver, 20)
        driver.get(base + "/signin")
        check(driver.title == "Sign in · Lyceum", "the sign-in page loads in Chromium")
        check(driver.find_element(By.NAME, "email").is_displayed() and driver.find_element(By.NAME, "password").is_displayed(),
              "the sign-in form shows email and password on a phone-sized screen")
        width, viewport = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        check(width <= viewport, f"the page fits a narrow screen without horizontal scrolling ({width}px in {viewport}px)")
        driver.get(base + "/signup")
        driver.find_element(By.NAME, "displayName").send_keys("Browser Learner")
        driver.find_element(By.NAME, "email").send_keys("browser@example.org")
        driver.find_element(By.NAME, "password").send_keys("browser password 1")
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        wait.until(expected_conditions.title_is("Your profile · Lyceum"))
        check("Welcome to Lyceum" in driver.page_source, "signing up in the browser lands on the profile")
        cookies = {cookie["name"]: cookie for cookie in driver.get_cookies()}
        check(cookies["lyceum_session"]["httpOnly"] and cookies["lyceum_session"].get("sameSite") == "Lax",
              "the session cookie is HttpOnly and SameSite=Lax")
        name = driver.find_element(By.NAME, "displayName")
        name.clear()
        name.send_keys("Renamed Learner")
        driver.find_element(By.CSS_SELECTOR, "form[action='/profile'] button[type=submit]").click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Saved"))
        check(driver.find_element(By.NAME, "displayName").get_attribute("value") == "Renamed Learner", "the profile edit is saved")
        driver.find_element(By.CSS_SELECTOR, "nav.site form button").click()
        wait.until(expected_conditions.title_is("Home · Lyceum"))
        check("Sign in" in driver.find_element(By.CSS_SELECTOR, "nav.site").text, "signing out returns to the signed-out home page")
        driver.get(base + "/signin")
        driver.find_element(By.NAME, "email").send_keys("browser@example.org")
        driver.find_element(By.NAME, "password").send_keys("browser password 1")
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        wait.until(expected_conditions.title_is("Home · Lyceum"))
        check("Renamed Learner" in driver.page_source, "signing in again in the browser shows the user")
    finally:
        driver.quit()


def check_demo_cli(demo_dir):
    seeded = cli("demo", "--data-dir", demo_dir, env={"LYCEUM_BCRYPT_COST": "4"})
    check(seeded.returncode == 0 and "Demo school ready" in seeded.stdout and "admin@demo.lyceum.test" in seeded.stdout,
          "lyceum demo seeds a school and prints how to sign in")
    again = cli("demo", "--data-dir", demo_dir)
    check(again.returncode == 1 and "already has accounts" in again.stderr, "lyceum demo refuses a database that has accounts")


def check_learning_in_browser(base):
    driver = new_driver("1200,900")
    try:
        wait = WebDriverWait(driver, 20)
        driver.get(base + "/signup")
        driver.find_element(By.NAME, "displayName").send_keys("Curious Learner")
        driver.find_element(By.NAME, "email").send_keys("curious@example.org")
        driver.find_element(By.NAME, "password").send_keys("curious password 1")
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        wait.until(expected_conditions.title_is("Your profile · Lyceum"))

        driver.get(base + "/courses")
        search = driver.find_element(By.NAME, "q")
        search.send_keys("moon phases")
        search.submit()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".course-card")))
        cards = driver.find_elements(By.CSS_SELECTOR, ".course-card")
        check(len(cards) == 1 and "Astronomy" in cards[0].text, "searching the catalog finds the astronomy course")
        cards[0].click()
        wait.until(expected_conditions.presence_of_element_located((By.XPATH, "//button[text()='Enroll for free']"))).click()
        bar = wait.until(expected_conditions.presence_of_element_located((By.ID, "course-progress")))
        check(bar.get_attribute("value") == "0", "after enrolling the progress bar starts at 0")

        driver.find_element(By.CSS_SELECTOR, ".lessons a").click()
        wait.until(expected_conditions.presence_of_element_located((By.XPATH, "//button[text()='Mark as complete']"))).click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-testid=progress-percent]"), "25%"))
        check(True, "completing a lesson moves the lesson page's progress to 25%")
        driver.find_element(By.CSS_SELECTOR, ".crumbs a").click()
        bar = wait.until(expected_conditions.presence_of_element_located((By.ID, "course-progress")))
        check(bar.get_attribute("value") == "25", "the course page's progress bar moved to 25")

        driver.find_element(By.XPATH, "//p[starts-with(normalize-space(.), 'Quiz:')]/a").click()
        wait.until(expected_conditions.presence_of_element_located((By.XPATH, "//button[text()='Start an attempt']"))).click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".quiz-form")))

        def choose(label_text):
            driver.find_element(By.XPATH, f"//label[contains(normalize-space(.), '{label_text}')]/input").click()

        choose("The Earth rotates")
        choose("True")
        fields = driver.find_elements(By.CSS_SELECTOR, ".quiz-form input[name^='q.']:not([type=radio]):not([type=checkbox])")
        for field in fields:
            legend = field.find_element(By.XPATH, "ancestor::fieldset/legend").text
            field.send_keys("29.5" if "How many days" in legend else "Polaris")
        driver.find_element(By.XPATH, "//button[text()='Submit answers']").click()
        result = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=quiz-result]")))
        check("passed" in result.text and "100%" in result.text, f"the quiz is graded on the server and passed ({result.text.strip()})")
        check("Review" in driver.page_source, "the review shows after submitting")
    finally:
        driver.quit()


def check_port_in_use(data_dir, port):
    second = cli("serve", "--data-dir", data_dir, "--port", str(port))
    check(second.returncode == 1 and "already in use" in second.stderr and "Traceback" not in second.stderr,
          "a port in use stops start-up with one sentence")


def check_graceful_shutdown(base, process):
    results = {}

    def slow_login():
        results["login"] = request(base, "POST", "/api/v1/auth/login", {"email": "e2e@example.org", "password": "end to end password"})[0]

    worker = threading.Thread(target=slow_login)
    worker.start()
    time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    deadline = time.time() + 5
    saw_draining = False
    while time.time() < deadline and not saw_draining:
        try:
            status = request(base, "GET", "/health/ready")[0]
            saw_draining = status == 503
        except OSError:
            break
        time.sleep(0.05)
    check(saw_draining, "after SIGTERM readiness answers 503 while draining")
    check(request(base, "GET", "/health/live")[0] == 200, "liveness stays 200 while draining")
    worker.join(timeout=30)
    check(results.get("login") == 200, "the request in flight at SIGTERM completes")
    code = process.wait(timeout=30)
    check(code == 0, "the process exits 0 after SIGTERM")


def main():
    data_dir = tempfile.mkdtemp(prefix="lyceum-e2e-")
    check_cli(data_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start(data_dir, port, {"LYCEUM_SHUTDOWN_DRAIN_SECONDS": "1.5"})
    try:
        wait_ready(base, process)
        check(True, f"lyceum serve is ready on {base}")
        check_api(base)
        check_port_in_use(data_dir, port)
        check_browser(base)
        demo_dir = tempfile.mkdtemp(prefix="lyceum-e2e-demo-")
        check_demo_cli(demo_dir)
        demo_port = free_port()
        demo_base = f"http://127.0.0.1:{demo_port}"
        demo = start(demo_dir, demo_port, {"LYCEUM_BCRYPT_COST": "4"})
        try:
            wait_ready(demo_base, demo)
            check_learning_in_browser(demo_base)
        finally:
            demo.kill()
        check_graceful_shutdown(base, process)
        lines = [line for line in process.stderr.read().splitlines() if line.startswith("{")]
        check(lines and all(json.loads(line).get("level") for line in lines), "--log-format json writes one JSON object per line")
        check(any("request.id" in json.loads(line) for line in lines), "request log lines carry the request id")
    finally:
        if process.poll() is None:
            process.kill()
    print("e2e: all checks passed", flush=True)


if __name__ == "__main__":
    main()
