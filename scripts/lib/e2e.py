#!/usr/bin/env python3
"""End-to-end check of the built `lyceum` binary: real process, real HTTP, real browser.

Run by scripts/e2e with Debian's python3 (which has selenium). The whole suite runs once on SQLite and, when
LYCEUM_TEST_DATABASE_URL names a PostgreSQL server, once more on fresh databases created on that server.
Every check prints one line labelled with its engine; the first failure stops the run with a non-zero exit
code. At the end of each engine's run, every log the run captured (the servers' standard output and error,
and the CLI's output) is searched for every secret the run used; a hit fails the run and names the kind of
secret, never the secret itself.
"""
import json
import os
import re
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import e2e_billing
import e2e_community
import e2e_courses
import e2e_media
import e2e_realtime
import stripe_standin

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/lyceum"


class Database:
    """One database a server or CLI call uses: a SQLite file in a data directory, or a PostgreSQL database."""

    def __init__(self, engine, data_dir, url=None):
        self.engine = engine
        self.data_dir = data_dir
        self.url = url

    @property
    def env(self):
        return {"LYCEUM_DATABASE_URL": self.url} if self.url else {}

    def mail_bodies(self, recipient=None):
        """The bodies of the messages in `mail_outbox`, oldest first."""
        if self.engine == "sqlite":
            with sqlite3.connect(os.path.join(self.data_dir, "lyceum.sqlite")) as connection:
                if recipient:
                    rows = connection.execute("SELECT body FROM mail_outbox WHERE recipient = ? ORDER BY created_at", (recipient,))
                else:
                    rows = connection.execute("SELECT body FROM mail_outbox ORDER BY created_at")
                return [row[0] for row in rows]
        where = f"WHERE recipient = '{recipient}'" if recipient else ""
        text = psql(self.url, f"SELECT string_agg(body, E'\\x1e' ORDER BY created_at) FROM mail_outbox {where}")
        return [body for body in text.split("\x1e") if body]


def psql(url, statement):
    result = subprocess.run(["psql", url, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", statement],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        print(result.stderr.strip())
        check(False, "psql runs against the test server")
    return result.stdout.rstrip("\n")


def mail_tokens(body, path):
    return re.findall(re.escape(path) + r"\?token=([A-Za-z0-9_-]+)", body)


class Run:
    """What one engine's run shares: its label, the environment that selects the engine, the databases it
    created, the secrets it used (by kind) and every log it captured."""

    def __init__(self, engine, server_url=None):
        self.engine = engine
        self.server_url = server_url
        self.env = {}
        self.databases = []
        self.created = []
        self.secrets = {}
        self.logs = []
        if server_url:
            self.env["LYCEUM_JWT_SECRET"] = self.secret("JWT secret", secrets.token_urlsafe(48))
            self.secret("database password", urllib.parse.unquote(urllib.parse.urlsplit(server_url).password or ""))

    def secret(self, kind, value):
        if value:
            self.secrets.setdefault(kind, set()).add(value)
        return value

    def new_database(self, data_dir):
        """A fresh database for one server: SQLite in `data_dir`, or a new database on the PostgreSQL server."""
        if not self.server_url:
            database = Database("sqlite", data_dir)
        else:
            name = f"lyceum_e2e_{secrets.token_hex(6)}"
            psql(self.server_url, f"CREATE DATABASE {name}")
            self.created.append(name)
            url = urllib.parse.urlunsplit(urllib.parse.urlsplit(self.server_url)._replace(path="/" + name))
            database = Database("postgres", data_dir, url)
        self.databases.append(database)
        return database

    def drop_databases(self):
        for name in self.created:
            psql(self.server_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.created = []

    def collect_stored_secrets(self):
        """Secrets the run did not type but the servers made: generated signing keys and the tokens mailed."""
        for database in self.databases:
            key = os.path.join(database.data_dir, "jwt-secret")
            if not database.url and os.path.exists(key):
                with open(key) as handle:
                    self.secret("JWT secret", handle.read().strip())
            for body in database.mail_bodies():
                for token in mail_tokens(body, "/verify-email"):
                    self.secret("email verification token", token)
                for token in mail_tokens(body, "/reset-password"):
                    self.secret("password reset token", token)

    def check_logs_hold_no_secret(self):
        self.collect_stored_secrets()
        leaks = []
        lines = sum(len(captured) for _, captured in self.logs)
        for kind, values in sorted(self.secrets.items()):
            forms = {form for value in values for form in (value, urllib.parse.quote(value, safe=""), urllib.parse.quote_plus(value))}
            for source, captured in self.logs:
                for number, line in enumerate(captured, start=1):
                    if any(form in line for form in forms):
                        leaks.append(f"a {kind} appears in the {source} (line {number})")
                        break
        for leak in leaks:
            print(f"FAIL [{self.engine}] {leak}", flush=True)
        counts = ", ".join(f"{len(values)} {kind}" + ("s" if len(values) > 1 else "") for kind, values in sorted(self.secrets.items()))
        check(not leaks, f"no secret reaches a log: {lines} captured lines searched for {counts}")


RUN = None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def check(condition, message):
    label = f"[{RUN.engine}] " if RUN else ""
    if not condition:
        print(f"FAIL {label}{message}", flush=True)
        sys.exit(1)
    print(f"ok   {label}{message}", flush=True)


def request(base, method, path, body=None, token=None, public_password=False):
    """One JSON request; passwords and refresh tokens in the body join the secrets the logs must not hold,
    unless `public_password` (the demo school's password, which `lyceum demo` prints on purpose)."""
    if body is not None and RUN and not public_password:
        for key in ("password", "currentPassword", "newPassword"):
            RUN.secret("password", body.get(key))
        RUN.secret("refresh token", body.get("refreshToken"))
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            raw = response.read()
            return response.status, dict(response.headers), remember_tokens(json.loads(raw) if raw else None)
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, dict(error.headers), json.loads(raw) if raw else None


def remember_tokens(body):
    if RUN and isinstance(body, dict):
        RUN.secret("access token", body.get("accessToken"))
        RUN.secret("refresh token", body.get("refreshToken"))
    return body


class Server:
    """A `lyceum serve` process whose standard output and error are drained continuously by two threads
    (so a long log can never fill a pipe and block the server) and kept line by line."""

    def __init__(self, database, data_dir, port, extra_env=None, args=()):
        env = dict(os.environ)
        env.update(RUN.env)
        env.update(database.env)
        env.update({"LYCEUM_DATA_DIR": data_dir, "LYCEUM_PORT": str(port), "LYCEUM_LOG_FORMAT": "json"})
        env.update(extra_env or {})
        self.stdout = []
        self.stderr = []
        RUN.logs.append(("server standard output", self.stdout))
        RUN.logs.append(("server log", self.stderr))
        self.process = subprocess.Popen(
            [BINARY, "serve", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace"
        )
        self.readers = [
            threading.Thread(target=self._drain, args=(self.process.stdout, self.stdout), daemon=True),
            threading.Thread(target=self._drain, args=(self.process.stderr, self.stderr), daemon=True),
        ]
        for reader in self.readers:
            reader.start()

    @staticmethod
    def _drain(stream, lines):
        for line in stream:
            lines.append(line.rstrip("\n"))

    def poll(self):
        return self.process.poll()

    def send_signal(self, number):
        self.process.send_signal(number)

    def kill(self):
        self.process.kill()
        self.finish()

    def wait(self, timeout):
        code = self.process.wait(timeout=timeout)
        self.finish()
        return code

    def finish(self):
        """Waits until both pipes are read to the end (the process has exited)."""
        self.process.wait(timeout=30)
        for reader in self.readers:
            reader.join(timeout=10)


def start(database, port, extra_env=None, args=()):
    return Server(database, database.data_dir, port, extra_env, args)


def wait_ready(base, process, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            process.finish()
            print("\n".join(process.stderr[-40:]))
            check(False, "server stayed up")
        try:
            if request(base, "GET", "/health/ready")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    check(False, "server became ready in time")


def cli(*args, env=None, stdin=None, engine_env=True):
    full_env = dict(os.environ)
    if engine_env:
        full_env.update(RUN.env)
        full_env.update(RUN.main.env)
    full_env.update(env or {})
    result = subprocess.run([BINARY, *args], env=full_env, input=stdin, capture_output=True, text=True, timeout=120)
    RUN.logs.append((f"output of lyceum {' '.join(args[:2])}", result.stdout.splitlines() + result.stderr.splitlines()))
    return result


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
        handle.write(RUN.secret("password", "operator password 42") + "\n")
    created = cli("admin", "create", "--data-dir", data_dir, "--email", "Root@Example.org", "--name", "Root Admin",
                  "--password-file", password_file)
    check(created.returncode == 0 and "root@example.org" in created.stdout, "lyceum admin create makes the first admin")
    piped = cli("admin", "create", "--data-dir", data_dir, "--email", "second@example.org", "--name", "Second",
                stdin=RUN.secret("password", "piped password 42") + "\n")
    check(piped.returncode == 0, "lyceum admin create reads a piped password")
    duplicate = cli("admin", "create", "--data-dir", data_dir, "--email", "root@example.org", "--name", "Root",
                    "--password-file", password_file)
    check(duplicate.returncode != 0 and "Traceback" not in duplicate.stderr and "already exists" in duplicate.stderr,
          "creating the same admin twice fails with a clear sentence")
    short = cli("admin", "create", "--data-dir", data_dir, "--email", "short@example.org", "--name", "Short",
                stdin="short\n")
    check(short.returncode == 1 and short.stderr.strip().splitlines()[-1:]
          == ["lyceum: The administrator was not created: password must be at least 10 characters."],
          "a short admin password is refused with one sentence for that command")
    bad = cli("serve", "--data-dir", data_dir, env={"LYCEUM_PORT": "eighty"})
    check(bad.returncode == 1 and bad.stderr.strip() == "lyceum: LYCEUM_PORT must be a whole number from 0 to 65535 (got eighty).",
          "an invalid port stops start-up with one sentence")
    no_secret = cli("serve", "--data-dir", data_dir, env={"LYCEUM_DATABASE_URL": "postgres://u:p@127.0.0.1:1/db"},
                    engine_env=False)
    check(no_secret.returncode == 1 and "LYCEUM_JWT_SECRET" in no_secret.stderr, "PostgreSQL without a JWT secret refuses to start")
    blocked = os.path.join(data_dir, "a-file")
    open(blocked, "w").close()
    not_dir = cli("serve", "--data-dir", blocked, engine_env=False)  # the data directory matters on SQLite only
    check(not_dir.returncode == 1 and "is a file, not a directory" in not_dir.stderr, "an unusable data directory is refused")


NEW_PASSWORD = "end to end password, renewed"


def remember_cookies(driver):
    for cookie in driver.get_cookies():
        if cookie["name"] == "lyceum_session":
            RUN.secret("session cookie", cookie["value"])
        elif cookie["name"] == "lyceum_csrf":
            RUN.secret("CSRF cookie", cookie["value"])


def check_api(base):
    status, headers, body = request(base, "POST", "/api/v1/auth/register",
                                    {"email": "e2e@example.org", "password": "end to end password", "displayName": "E2E Learner"})
    check(status == 201 and body["user"]["email"] == "e2e@example.org", "sign up over HTTP")
    check(len(headers.get("X-Request-Id", "")) == 32, "responses carry X-Request-Id")
    status, _, body = request(base, "POST", "/api/v1/auth/login", {"email": "E2E@example.org", "password": "end to end password"})
    check(status == 200 and "accessToken" in body, "sign in over HTTP")
    token = body["accessToken"]
    refresh = body["refreshToken"]
    status, _, me = request(base, "GET", "/api/v1/me", token=token)
    check(status == 200 and me["user"]["displayName"] == "E2E Learner", "read /api/v1/me with the access token")
    status, _, body = request(base, "POST", "/api/v1/auth/login", {"email": "root@example.org", "password": "operator password 42"})
    check(status == 200 and body["user"]["role"] == "admin", "the CLI-created admin signs in")
    status, _, users = request(base, "GET", "/api/v1/admin/users?q=e2e", token=body["accessToken"])
    check(status == 200 and [u["email"] for u in users["items"]] == ["e2e@example.org"], "the admin finds the new user")
    verification = mail_tokens("\n".join(RUN.main.mail_bodies("e2e@example.org")), "/verify-email")
    check(len(verification) == 1, "signing up mails one email verification link")
    status, _, body = request(base, "POST", "/api/v1/auth/verify-email", {"token": verification[0]})
    check(status == 200 and body["user"]["emailVerified"] is True, "the mailed link verifies the email address")
    status, _, body = request(base, "POST", "/api/v1/auth/refresh", {"refreshToken": refresh})
    check(status == 200 and body["refreshToken"] != refresh, "a refresh token buys a new pair")
    status, _, _ = request(base, "POST", "/api/v1/auth/password-reset", {"email": "e2e@example.org"})
    check(status == 202, "a password reset is requested")
    reset = mail_tokens("\n".join(RUN.main.mail_bodies("e2e@example.org")), "/reset-password")
    check(len(reset) == 1, "the reset link is mailed")
    status, _, _ = request(base, "POST", "/api/v1/auth/password-reset/confirm", {"token": reset[0], "password": NEW_PASSWORD})
    check(status == 204, "the mailed reset link sets a new password")
    status, _, _ = request(base, "GET", "/api/v1/me", token=token)
    check(status == 401, "the reset signs out the sessions of the old password")
    with urllib.request.urlopen(base + "/metrics", timeout=10) as response:
        metrics = response.read().decode()
    check("hb_requests{" in metrics and "lyceum_build_info" in metrics, "/metrics counts requests in Prometheus format")


def new_driver(window_size, fake_media=False):
    """A headless Chromium; `fake_media` gives it a synthetic camera and microphone it may use without asking."""
    options = Options()
    flags = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={window_size}"]
    if fake_media:
        flags += ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]
    for flag in flags:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def check_browser(base):
    driver = new_driver("390,844")
    try:
        wait = WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException, WebDriverException))
        driver.get(base + "/signin")
        check(driver.title == "Sign in · Lyceum", "the sign-in page loads in Chromium")
        check(driver.find_element(By.NAME, "email").is_displayed() and driver.find_element(By.NAME, "password").is_displayed(),
              "the sign-in form shows email and password on a phone-sized screen")
        width, viewport = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        check(width <= viewport, f"the page fits a narrow screen without horizontal scrolling ({width}px in {viewport}px)")
        check_accessibility(driver, "the sign-in page on a phone, signed out")
        driver.get(base + "/signup")
        check_accessibility(driver, "the sign-up page on a phone, signed out")
        driver.find_element(By.NAME, "displayName").send_keys("Browser Learner")
        driver.find_element(By.NAME, "email").send_keys("browser@example.org")
        driver.find_element(By.NAME, "password").send_keys(RUN.secret("password", "browser password 1"))
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        wait.until(expected_conditions.title_is("Your profile · Lyceum"))
        remember_cookies(driver)
        check("Welcome to Lyceum" in driver.page_source, "signing up in the browser lands on the profile")
        check_accessibility(driver, "the profile on a phone, as a student")
        cookies = {cookie["name"]: cookie for cookie in driver.get_cookies()}
        check(cookies["lyceum_session"]["httpOnly"] and cookies["lyceum_session"].get("sameSite") == "Lax",
              "the session cookie is HttpOnly and SameSite=Lax")
        name = driver.find_element(By.NAME, "displayName")
        name.clear()
        name.send_keys("Renamed Learner")
        driver.find_element(By.CSS_SELECTOR, "form[action='/profile'] button[type=submit]").click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Saved"))
        check(driver.find_element(By.NAME, "displayName").get_attribute("value") == "Renamed Learner", "the profile edit is saved")
        check_accessibility(driver, "the saved profile on a phone, as a student")
        driver.find_element(By.CSS_SELECTOR, "nav.site form button").click()
        wait.until(expected_conditions.title_is("Home · Lyceum"))
        check("Sign in" in driver.find_element(By.CSS_SELECTOR, "nav.site").text, "signing out returns to the signed-out home page")
        check_accessibility(driver, "the home page on a phone, signed out")
        driver.get(base + "/signin")
        driver.find_element(By.NAME, "email").send_keys("browser@example.org")
        driver.find_element(By.NAME, "password").send_keys("browser password 1")
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        wait.until(expected_conditions.title_is("Home · Lyceum"))
        remember_cookies(driver)
        check("Renamed Learner" in driver.page_source, "signing in again in the browser shows the user")
        check_accessibility(driver, "the home page on a phone, as a student")
        driver.get(base + "/courses/no-such-course/lessons/nowhere")
        check(driver.title == "Page not found · Lyceum" and "Renamed Learner" in driver.page_source
              and driver.find_element(By.LINK_TEXT, "Back to the course").get_attribute("href").endswith("/courses/no-such-course"),
              "a missing lesson's error page keeps the signed-in header and links back to the course")
        check_accessibility(driver, "the not-found page on a phone, as a student")
    finally:
        driver.quit()


AXE_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".test-services", "axe", "axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe_source = None


def axe_violations(driver):
    """The serious and critical WCAG 2.2 A/AA violations axe-core finds on the page in `driver`: a list of
    (rule id, impact, help, [target selectors])."""
    global _axe_source
    if _axe_source is None:
        path = os.path.normpath(AXE_SCRIPT)
        if not os.path.isfile(path):
            check(False, f"axe-core is at {path} (scripts/start-test-services extracts it from PyPI's axe-playwright-python wheel)")
        with open(path, encoding="utf-8") as source:
            _axe_source = source.read()
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(_axe_source)
    driver.set_script_timeout(60)
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
          .then(r => done({violations: r.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(" "))}))}))
          .catch(e => done({error: String(e)}));
    """, AXE_TAGS)
    if result.get("error"):
        check(False, f"axe-core ran on {driver.current_url} ({result['error']})")
    return [(v["id"], v["impact"], v["help"], v["targets"]) for v in result["violations"] if v["impact"] in ("serious", "critical")]


def describe_violations(found):
    """One readable line per violation: page, rule, impact, what it means and the elements it names."""
    return "\n".join(f"    {page}: {rule} ({impact}: {help_text}) at {', '.join(targets[:5])}"
                     + (f" and {len(targets) - 5} more" if len(targets) > 5 else "")
                     for page, (rule, impact, help_text, targets) in found)


def check_accessibility(driver, label):
    """Runs axe-core on the page `driver` shows and fails with the list of serious and critical violations."""
    page = urllib.parse.urlsplit(driver.current_url)
    where = page.path + (f"?{page.query}" if page.query else "")
    found = [(f"{label} {where}", violation) for violation in axe_violations(driver)]
    check(not found, f"axe-core finds no serious or critical violation on {label} ({where})"
          + (f":\n{describe_violations(found)}" if found else ""))


def check_accessibility_as_each_role(base):
    """Visits the demo school's pages as a visitor, a student, an instructor and the administrator (same-site
    links breadth-first, one page per URL shape, never sign-out or downloads) and runs axe-core on each; fails
    once, with every serious or critical violation of every role."""
    roles = [("visitor", None), ("student", "amara.okafor@demo.lyceum.test"), ("instructor", "hypatia@demo.lyceum.test"),
             ("admin", "admin@demo.lyceum.test")]
    found = []
    visited_count = 0
    for role, email in roles:
        driver = new_driver("1200,900")
        try:
            if email:
                driver.get(base + "/signin")
                driver.find_element(By.NAME, "email").send_keys(email)
                driver.find_element(By.NAME, "password").send_keys("lyceum-demo-2026")
                driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
                WebDriverWait(driver, 20).until(lambda d: not urllib.parse.urlsplit(d.current_url).path.startswith("/signin"))
            queue, shapes = ["/"], set()
            while queue and len(shapes) < 30:
                path = queue.pop(0)
                shape = re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27,}|\b\d+\b", "#", path.split("?")[0])
                if shape in shapes:
                    continue
                shapes.add(shape)
                driver.get(base + path)
                found += [(f"{role} {path}", violation) for violation in axe_violations(driver)]
                for href in driver.execute_script("return Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href'))"):
                    if href.startswith("/") and not href.startswith(("//", "/static/", "/signout")) and not href.endswith(".csv"):
                        queue.append(href)
            visited_count += len(shapes)
        finally:
            driver.quit()
    check(not found, f"axe-core finds no serious or critical violation on {visited_count} pages as visitor, student, "
          "instructor and admin" + (f":\n{describe_violations(found)}" if found else ""))


def check_admin_users_on_a_phone(base):
    """The demo administrator manages users on a phone-sized screen: every control of the user list is within
    the screen, and deactivating an account goes through a confirmation page and says whom it deactivated."""
    driver = new_driver("390,844")
    try:
        wait = WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException, WebDriverException))
        driver.get(base + "/signin")
        driver.find_element(By.NAME, "email").send_keys("admin@demo.lyceum.test")
        driver.find_element(By.NAME, "password").send_keys("lyceum-demo-2026")
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        wait.until(lambda d: not urllib.parse.urlsplit(d.current_url).path.startswith("/signin"))
        driver.get(base + "/admin/users?role=student")
        width, viewport, outside = driver.execute_script("""
            const controls = Array.from(document.querySelectorAll("main a, main button, main select, main input:not([type=hidden])"));
            return [document.documentElement.scrollWidth, window.innerWidth,
                    controls.filter(c => c.getBoundingClientRect().right > window.innerWidth).map(c => c.outerHTML.slice(0, 80))];""")
        check(width <= viewport and not outside,
              f"every control of the user list is within a phone's screen ({width}px in {viewport}px; outside: {outside})")
        check_accessibility(driver, "the user list on a phone, as the administrator")
        deactivate = driver.find_element(By.CSS_SELECTOR, "a.button.danger")
        name = deactivate.get_attribute("aria-label").removeprefix("Deactivate ")
        deactivate.click()
        wait.until(expected_conditions.title_is(f"Deactivate {name}? · Lyceum"))
        check_accessibility(driver, "the deactivation confirmation on a phone, as the administrator")
        driver.find_element(By.CSS_SELECTOR, "form button.danger").click()
        notice = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[role=status]")))
        check(notice.text.startswith(f"Deactivated {name} (") and "role=student" in driver.current_url,
              f"deactivating after the confirmation names the user and keeps the filter ({notice.text})")
        reactivate = [button for button in driver.find_elements(By.CSS_SELECTOR, "button[value=reactivate]")
                      if button.get_attribute("aria-label") == f"Reactivate {name}"]
        check(len(reactivate) == 1, f"the list offers to reactivate {name}")
        reactivate[0].click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), f"Reactivated {name} ("))
        check(True, f"the administrator reactivates {name} from the list")
    finally:
        driver.quit()


def check_keyboard_only(base):
    """Signs in and changes the password with the keyboard alone (Tab, typing, Enter; no clicks), checking that
    every element focused on the way shows a visible focus ring."""
    email = "keyboard@example.org"
    old, new = RUN.secret("password", "keyboard password 1"), RUN.secret("password", "keyboard password 2")
    status, _, _ = request(base, "POST", "/api/v1/auth/register", {"email": email, "password": old, "displayName": "Key Board"})
    check(status == 201, "a keyboard user registers through the API")
    driver = new_driver("1200,900")
    try:
        wait = WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException, WebDriverException))
        keys = ActionChains(driver)

        def tab_to(description, matches, limit=40):
            """Presses Tab until the focused element `matches`; every element focused on the way must show an outline."""
            for _ in range(limit):
                keys.send_keys(Keys.TAB).perform()
                focused = driver.switch_to.active_element
                style, width = driver.execute_script(
                    "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, parseFloat(s.outlineWidth) || 0];", focused)
                if style == "none" or width < 2:
                    check(False, f"the focused element {focused.get_attribute('outerHTML')[:160]} shows a focus ring "
                                 f"(outline {style} {width}px)")
                if matches(focused):
                    check(True, f"Tab reaches {description}, and each element on the way shows a focus ring")
                    return focused
            check(False, f"Tab reaches {description}")

        driver.get(base + "/signin")
        tab_to("the email field", lambda e: e.get_attribute("name") == "email")
        keys.send_keys(email).perform()
        tab_to("the password field", lambda e: e.get_attribute("name") == "password")
        keys.send_keys(old + Keys.ENTER).perform()
        wait.until(expected_conditions.title_is("Home · Lyceum"))
        remember_cookies(driver)
        check(True, "signing in with the keyboard alone works")
        tab_to("the link to the profile", lambda e: (e.get_attribute("href") or "").endswith("/profile"))
        keys.send_keys(Keys.ENTER).perform()
        wait.until(expected_conditions.title_is("Your profile · Lyceum"))
        tab_to("the current password", lambda e: e.get_attribute("name") == "currentPassword")
        keys.send_keys(old).perform()
        tab_to("the new password", lambda e: e.get_attribute("name") == "newPassword")
        keys.send_keys(new).perform()
        tab_to("the new password again", lambda e: e.get_attribute("name") == "confirmPassword")
        keys.send_keys(new + Keys.ENTER).perform()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[role=status]"), "Your password is changed"))
        check_accessibility(driver, "the profile after a keyboard password change")
        status, _, _ = request(base, "POST", "/api/v1/auth/login", {"email": email, "password": new})
        check(status == 200, "the password changed with the keyboard alone signs in")
    finally:
        driver.quit()


def check_demo_cli(demo):
    demo_dir = demo.data_dir
    seeded = cli("demo", "--data-dir", demo_dir, env={"LYCEUM_BCRYPT_COST": "4", **demo.env})
    check(seeded.returncode == 0 and "Demo school ready" in seeded.stdout and "admin@demo.lyceum.test" in seeded.stdout,
          "lyceum demo seeds a school and prints how to sign in")
    again = cli("demo", "--data-dir", demo_dir, env=demo.env)
    check(again.returncode == 1 and "already has accounts" in again.stderr, "lyceum demo refuses a database that has accounts")


def check_learning_in_browser(base):
    driver = new_driver("1200,900")
    try:
        # Pages re-render after each click; Chromium may report a replaced node as an inspector error rather
        # than a stale element, so the waits retry on both until their deadline.
        wait = WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException, WebDriverException))
        driver.get(base + "/signup")
        driver.find_element(By.NAME, "displayName").send_keys("Curious Learner")
        driver.find_element(By.NAME, "email").send_keys("curious@example.org")
        driver.find_element(By.NAME, "password").send_keys(RUN.secret("password", "curious password 1"))
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        wait.until(expected_conditions.title_is("Your profile · Lyceum"))
        remember_cookies(driver)

        driver.get(base + "/courses")
        search = driver.find_element(By.NAME, "q")
        search.send_keys("moon phases")
        search.submit()
        # The unfiltered catalog's cards are on the page until the search's page replaces it: wait for that first.
        wait.until(lambda d: "q=moon" in d.current_url)
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".course-card")))
        cards = driver.find_elements(By.CSS_SELECTOR, ".course-card")
        check(len(cards) == 1 and "Astronomy" in cards[0].text, "searching the catalog finds the astronomy course")
        check_accessibility(driver, "the catalog search, as a student")
        cards[0].click()
        wait.until(expected_conditions.presence_of_element_located((By.XPATH, "//button[text()='Enroll for free']"))).click()
        bar = wait.until(expected_conditions.presence_of_element_located((By.ID, "course-progress")))
        check(bar.get_attribute("value") == "0", "after enrolling the progress bar starts at 0")
        check_accessibility(driver, "the course page after enrolling, as a student")

        driver.find_element(By.CSS_SELECTOR, ".lessons a").click()
        wait.until(expected_conditions.presence_of_element_located((By.XPATH, "//button[text()='Mark as complete']"))).click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-testid=progress-percent]"), "25%"))
        check(True, "completing a lesson moves the lesson page's progress to 25%")
        check_accessibility(driver, "a completed lesson, as a student")
        driver.find_element(By.CSS_SELECTOR, ".crumbs a").click()
        bar = wait.until(expected_conditions.presence_of_element_located((By.ID, "course-progress")))
        check(bar.get_attribute("value") == "25", "the course page's progress bar moved to 25")

        driver.find_element(By.XPATH, "//p[starts-with(normalize-space(.), 'Quiz:')]/a").click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=start-attempt]"))).click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".quiz-form")))
        check_accessibility(driver, "a quiz attempt, as a student")

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
        check_accessibility(driver, "a graded quiz attempt, as a student")
        remember_cookies(driver)
    finally:
        driver.quit()


def check_port_in_use(data_dir, port):
    second = cli("serve", "--data-dir", data_dir, "--port", str(port))
    check(second.returncode == 1 and "already in use" in second.stderr and "Traceback" not in second.stderr,
          "a port in use stops start-up with one sentence")


def check_graceful_shutdown(base, process):
    results = {}

    def slow_login():
        results["login"] = request(base, "POST", "/api/v1/auth/login", {"email": "e2e@example.org", "password": NEW_PASSWORD})[0]

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


def check_second_replica(demo, base):
    """A second `lyceum serve` on the same PostgreSQL database serves a course edited through the first one
    fresh within a second (the cache invalidation travels by LISTEN/NOTIFY)."""
    port = free_port()
    other = f"http://127.0.0.1:{port}"
    replica = start(demo, port, {"LYCEUM_BCRYPT_COST": "4", "LYCEUM_DATABASE_MIGRATE_ON_START": "false"})
    try:
        wait_ready(other, replica)
        course = "looking-up-a-first-course-in-astronomy"
        status, _, body = request(base, "POST", "/api/v1/auth/login",
                                  {"email": "hypatia@demo.lyceum.test", "password": "lyceum-demo-2026"}, public_password=True)
        check(status == 200, "the instructor signs in on the first replica")
        token = body["accessToken"]
        summary = lambda: request(other, "GET", f"/api/v1/courses/{course}")[2]["course"]["summary"]
        before = summary()
        check(summary() == before, "the second replica serves the course (from its cache)")
        changed = f"Edited through the first replica at {time.time():.3f}."
        status, _, _ = request(base, "PATCH", f"/api/v1/courses/{course}", {"summary": changed}, token=token)
        check(status == 200, "the course is edited through the first replica")
        started = time.time()
        while summary() != changed and time.time() - started < 1:
            time.sleep(0.02)
        elapsed = time.time() - started
        check(summary() == changed, f"the second replica serves the edit within a second (took {elapsed * 1000:.0f} ms)")
    finally:
        replica.kill()


def handshake_status(port):
    """The status a WebSocket handshake for the real-time socket gets from the server on `port` (`101` when it
    upgrades), read from the raw response's first line."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"GET /api/v1/realtime HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        head = b""
        while b"\r\n" not in head:
            chunk = connection.recv(256)
            if not chunk:
                break
            head += chunk
    parts = head.split(b" ")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def check_worker_crash_drill():
    """`serve --roles worker` runs jobs and serves only health and metrics; a worker killed with SIGKILL in
    the middle of a job loses it only until its lease runs out: another worker runs it again, and the job's
    unique key keeps its effect to one row."""
    data_dir = tempfile.mkdtemp(prefix=f"lyceum-e2e-{RUN.engine}-jobs-")
    drill = RUN.new_database(data_dir)
    env = {**drill.env, "LYCEUM_DATA_DIR": data_dir}
    check(cli("migrate", env=env).returncode == 0, "the drill database is migrated")
    worker_env = {"LYCEUM_ROLES": "worker", "LYCEUM_JOBS_LEASE_SECONDS": "2", "LYCEUM_JOBS_POLL_SECONDS": "0.2"}

    def probe_row(key):
        query = f"SELECT runs, finished_at IS NOT NULL FROM job_probes WHERE job_key = '{key}'"
        if drill.engine == "sqlite":
            with sqlite3.connect(os.path.join(data_dir, "lyceum.sqlite")) as connection:
                return [tuple(row) for row in connection.execute(query)]
        text = psql(drill.url, query)
        return [(int(runs), flag == "t") for runs, flag in (line.split("|") for line in text.splitlines() if line)]

    port = free_port()
    first = start(drill, port, worker_env)
    try:
        wait_ready(f"http://127.0.0.1:{port}", first)
        status, _, _ = request(f"http://127.0.0.1:{port}", "GET", "/api/v1/courses")
        check(status == 404, "a worker-only process serves no API")
        check(handshake_status(port) == 404, "a worker-only process refuses the real-time WebSocket handshake")
        quick = cli("jobs", "probe", "--wait", "30", env=env)
        check(quick.returncode == 0 and "A worker ran the probe" in quick.stdout, "lyceum jobs probe sees the worker run a job")
        probe = cli("jobs", "probe", "--hold", "8", "--wait", "0", env=env)
        check(probe.returncode == 0, "a long probe is enqueued")
        job_id = probe.stdout.split()[0]
        deadline = time.time() + 20
        while not probe_row(job_id) and time.time() < deadline:
            time.sleep(0.05)
        check(probe_row(job_id) == [(1, False)], "the first worker is in the middle of the job")
        listed = cli("jobs", "list", "--state", "running", env=env)
        check(job_id in listed.stdout, "lyceum jobs list shows the job running")
        first.kill()
    finally:
        if first.poll() is None:
            first.kill()
    check(first.process.returncode == -9, "the first worker died by SIGKILL")
    port = free_port()
    second = start(drill, port, worker_env)
    try:
        wait_ready(f"http://127.0.0.1:{port}", second)
        deadline = time.time() + 30
        while time.time() < deadline and job_id not in cli("jobs", "list", "--state", "succeeded", env=env).stdout:
            time.sleep(0.5)
        listed = cli("jobs", "list", "--state", "succeeded", env=env).stdout
        line = next((line for line in listed.splitlines() if line.startswith(job_id)), "")
        check(" 2/5 " in line, f"the second worker ran the job again after the lease ran out: {line.strip()}")
        check(probe_row(job_id) == [(2, True)], "two runs, one effect: the probe's row exists once and is finished")
        second.send_signal(signal.SIGTERM)
        check(second.wait(timeout=30) == 0, "a worker stops cleanly on SIGTERM")
    finally:
        if second.poll() is None:
            second.kill()
    unknown = cli("jobs", "retry", "no-such-job", env=env)
    check(unknown.returncode == 1 and "There is no job with that id." in unknown.stderr, "lyceum jobs retry explains an unknown id")


def upload_statuses(database):
    """The status of every row in `uploads`."""
    if database.engine == "sqlite":
        with sqlite3.connect(os.path.join(database.data_dir, "lyceum.sqlite")) as connection:
            return [row[0] for row in connection.execute("SELECT status FROM uploads")]
    return [line for line in psql(database.url, "SELECT status FROM uploads").splitlines() if line]


def check_uploads_in_browser():
    """The upload widget and profile pictures on a server of their own, on disk and (with the test services'
    SeaweedFS) on S3, whose origin the server must allow in its Content-Security-Policy."""
    stores = [("on disk", {})]
    if os.environ.get("LYCEUM_TEST_S3_URL"):
        stores.append(("on S3", {
            "LYCEUM_STORAGE_URL": os.environ["LYCEUM_TEST_S3_URL"],
            "LYCEUM_STORAGE_ACCESS_KEY_ID": os.environ["LYCEUM_TEST_S3_ACCESS_KEY"],
            "LYCEUM_STORAGE_SECRET_ACCESS_KEY": RUN.secret("S3 secret", os.environ["LYCEUM_TEST_S3_SECRET_KEY"]),
        }))
    elif os.environ.get("CI") == "true":
        check(False, "LYCEUM_TEST_S3_URL is set in CI, so uploads are checked on S3 too")
    else:
        print("e2e: LYCEUM_TEST_S3_URL is not set, so browser uploads are checked on disk only", flush=True)
    admin_email = "staff@example.org"
    admin_password = RUN.secret("password", "lesson files staff password")
    for where, storage in stores:
        data_dir = tempfile.mkdtemp(prefix=f"lyceum-e2e-{RUN.engine}-uploads-")
        database = RUN.new_database(data_dir)
        created = cli("admin", "create", "--data-dir", data_dir, "--email", admin_email, "--name", "Staff Admin",
                      env=database.env, stdin=admin_password + "\n")
        check(created.returncode == 0, f"an admin for the lesson files exists {where}" + ("" if created.returncode == 0 else f": {created.stderr.strip()}"))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start(database, port, {"LYCEUM_BCRYPT_COST": "4", "LYCEUM_PUBLIC_URL": base, **storage})
        try:
            wait_ready(base, server)
            tools = e2e_media.Tools(
                new_driver=new_driver, check=check, secret=RUN.secret, accessibility=check_accessibility,
                upload_statuses=lambda: upload_statuses(database), server_log=lambda: list(server.stderr),
                api=lambda method, path, body=None, token=None: request(base, method, path, body, token))
            e2e_media.uploads_in_browser(base, tools, f"{where} ({RUN.engine})", on_disk=not storage)
            e2e_media.lesson_files_in_browser(base, tools, f"{where} ({RUN.engine})", admin_email, admin_password)
        finally:
            server.kill()


def check_buying_in_browser():
    """Mail through the test services' SMTP relay and payments through the Stripe stand-in, on a server of
    their own. CI always has the relay; without it (a developer machine) the journey is skipped, loudly."""
    if not os.environ.get("LYCEUM_TEST_SMTP_STARTTLS_PORT"):
        check(os.environ.get("CI") != "true", "the SMTP relay is set in CI, so buying a course is checked with real mail")
        print("e2e: LYCEUM_TEST_SMTP_* is not set, so buying a course with real mail is not checked", flush=True)
        return
    smtp_password = RUN.secret("SMTP password", os.environ["LYCEUM_TEST_SMTP_PASSWORD"])
    smtp_url = (f"smtp://{urllib.parse.quote(os.environ['LYCEUM_TEST_SMTP_USER'], safe='')}:{urllib.parse.quote(smtp_password, safe='')}"
                f"@{os.environ['LYCEUM_TEST_SMTP_HOST']}:{os.environ['LYCEUM_TEST_SMTP_STARTTLS_PORT']}?starttls=required")
    RUN.secret("SMTP URL", smtp_url)
    standin = stripe_standin.StripeStandIn(api_key=RUN.secret("Stripe secret key", "sk_test_" + secrets.token_hex(16)),
                                           webhook_secret=RUN.secret("Stripe webhook secret", "whsec_" + secrets.token_hex(16)))
    admin_email = "billing@example.org"
    admin_password = RUN.secret("password", "billing admin password")
    data_dir = tempfile.mkdtemp(prefix=f"lyceum-e2e-{RUN.engine}-billing-")
    database = RUN.new_database(data_dir)
    created = cli("admin", "create", "--data-dir", data_dir, "--email", admin_email, "--name", "Billing Admin",
                  env=database.env, stdin=admin_password + "\n")
    check(created.returncode == 0, "an admin for payments exists" + ("" if created.returncode == 0 else f": {created.stderr.strip()}"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    standin.webhook_url = base + "/api/v1/payments/webhook"
    server = start(database, port, {
        "LYCEUM_BCRYPT_COST": "4", "LYCEUM_PUBLIC_URL": base, "LYCEUM_SMTP_URL": smtp_url,
        "LYCEUM_SMTP_CA_FILE": os.environ["LYCEUM_TEST_SMTP_CA_FILE"], "LYCEUM_MAIL_FROM": "Lyceum <no-reply@lyceum.test>",
        "LYCEUM_STRIPE_SECRET_KEY": standin.api_key, "LYCEUM_STRIPE_WEBHOOK_SECRET": standin.webhook_secret,
        "LYCEUM_STRIPE_API_BASE": standin.base,
    })
    try:
        wait_ready(base, server)
        tools = e2e_billing.Tools(
            new_driver=new_driver, check=check, secret=RUN.secret, accessibility=check_accessibility,
            api=lambda method, path, body=None, token=None: request(base, method, path, body, token),
            standin=standin, mail_dir=os.environ["LYCEUM_TEST_SMTP_MAIL_DIR"])
        e2e_billing.buy_course_in_browser(base, tools, RUN.engine, admin_email, admin_password)
    finally:
        server.kill()
        standin.close()


def run_suite():
    """Every check, on the engine of RUN."""
    data_dir = tempfile.mkdtemp(prefix=f"lyceum-e2e-{RUN.engine}-")
    RUN.main = RUN.new_database(data_dir)
    check_cli(data_dir)
    check_worker_crash_drill()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start(RUN.main, port, {"LYCEUM_SHUTDOWN_DRAIN_SECONDS": "1.5"})
    try:
        wait_ready(base, process)
        check(True, f"lyceum serve is ready on {base}")
        check_api(base)
        check(handshake_status(port) == 101, "the web process upgrades a WebSocket handshake on /api/v1/realtime")
        check_port_in_use(data_dir, port)
        check_browser(base)
        check_keyboard_only(base)
        check_uploads_in_browser()
        check_buying_in_browser()
        demo = RUN.new_database(tempfile.mkdtemp(prefix=f"lyceum-e2e-{RUN.engine}-demo-"))
        check_demo_cli(demo)
        demo_port = free_port()
        demo_base = f"http://127.0.0.1:{demo_port}"
        demo_server = start(demo, demo_port, {"LYCEUM_BCRYPT_COST": "4"})
        try:
            wait_ready(demo_base, demo_server)
            check_learning_in_browser(demo_base)
            course_tools = e2e_courses.Tools(
                new_driver=new_driver, check=check, secret=RUN.secret, remember_cookies=remember_cookies,
                accessibility=check_accessibility)
            course_slug = e2e_courses.build_course(demo_base, course_tools, f"Browser sky course on {RUN.engine}")
            e2e_courses.take_course(demo_base, course_tools, course_slug)
            e2e_community.question_answered_and_accepted(demo_base, course_tools, course_slug)
            if RUN.engine == "postgres":
                replica_port = free_port()
                replica_base = f"http://127.0.0.1:{replica_port}"
                replica = start(demo, replica_port, {"LYCEUM_BCRYPT_COST": "4", "LYCEUM_DATABASE_MIGRATE_ON_START": "false"})
                try:
                    wait_ready(replica_base, replica)
                    e2e_realtime.chat_and_call(demo_base, replica_base, course_tools, course_slug, "on two lyceum serve processes")
                finally:
                    replica.kill()
            else:
                e2e_realtime.chat_and_call(demo_base, demo_base, course_tools, course_slug, "on one process")
            check_accessibility_as_each_role(demo_base)
            check_admin_users_on_a_phone(demo_base)
            if RUN.engine == "postgres":
                check_second_replica(demo, demo_base)
        finally:
            demo_server.kill()
        check_graceful_shutdown(base, process)
        lines = [line for line in process.stderr if line.startswith("{")]
        check(lines and all(json.loads(line).get("level") for line in lines), "--log-format json writes one JSON object per line")
        check(any("request.id" in json.loads(line) for line in lines), "request log lines carry the request id")
        handshakes = [json.loads(line) for line in lines if json.loads(line).get("msg", "").startswith("GET /api/v1/realtime 101")]
        check(handshakes and all("request.id" in line for line in handshakes),
              "each WebSocket handshake writes an access log line (GET /api/v1/realtime 101) with its request id")
        starting = [json.loads(line) for line in lines if "starting" in json.loads(line).get("msg", "")]
        check(starting and starting[0].get("database") == RUN.engine, f"the server says it runs on {RUN.engine}")
    finally:
        if process.poll() is None:
            process.kill()
    RUN.check_logs_hold_no_secret()


def main():
    global RUN
    server_url = os.environ.get("LYCEUM_TEST_DATABASE_URL") or None
    engines = [Run("sqlite")] + ([Run("postgres", server_url)] if server_url else [])
    if not server_url:
        print("e2e: LYCEUM_TEST_DATABASE_URL is not set, so the suite runs on SQLite only "
              "(scripts/start-test-services && source .test-services.env to add PostgreSQL)", flush=True)
    for run in engines:
        RUN = run
        print(f"== e2e on {run.engine}", flush=True)
        try:
            run_suite()
        finally:
            if run.server_url:
                run.drop_databases()
    RUN = None
    print(f"e2e: all checks passed on {' and '.join(run.engine for run in engines)}", flush=True)


if __name__ == "__main__":
    main()
