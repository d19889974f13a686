"""Uploads in Chromium, as the Media issue describes them: a student signs up, sets a profile picture through
the upload widget on the profile page (the progress bar reaches 100 % and the page header then shows the
picture), cancels a large upload midway (nothing is left behind), and sends a file above the widget's
threshold straight to the object store (presign, PUT to the signed URL, complete). Run once on the disk
store and, when the test services provide S3 (SeaweedFS), once more with the server's storage on S3.

Imported by e2e.py, which passes its helpers in (`Tools`), so this file never reaches into its globals.
"""

import os
import subprocess
import struct
import tempfile
import time
import zlib
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
    upload_statuses: Callable  # () -> the status of every row in `uploads`
    server_log: Callable  # () -> the server's log lines so far
    api: Callable  # (method, path, body=None, token=None) -> (status, headers, json)


def _wait(driver, seconds=30):
    return WebDriverWait(driver, seconds, ignored_exceptions=(StaleElementReferenceException, WebDriverException))


def png(width, height, padding=0):
    """A real PNG of `width` x `height` pixels (a gradient), with `padding` bytes after its end, which
    browsers ignore: a large file that still decodes."""
    rows = b"".join(
        b"\x00" + b"".join(bytes((x * 255 // width, y * 255 // height, 128)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    image = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
             + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return image + os.urandom(padding)


def _file(folder, name, data):
    path = os.path.join(folder, name)
    with open(path, "wb") as handle:
        handle.write(data)
    return path


# Records the widget's highest progress and its last words in sessionStorage, so they survive the form's
# submission once the upload is done.
WATCH_PROGRESS = """
var progress = document.querySelector('[data-testid=upload-progress]');
var status = document.querySelector('[data-testid=upload-status]');
sessionStorage.setItem('e2e-progress', '0');
new MutationObserver(function () {
  var value = Math.round(progress.value);
  if (value > Number(sessionStorage.getItem('e2e-progress'))) { sessionStorage.setItem('e2e-progress', String(value)); }
  sessionStorage.setItem('e2e-status', status.textContent);
}).observe(progress.parentNode, {attributes: true, childList: true, characterData: true, subtree: true});
"""


def _choose(driver, path, threshold=None):
    field = driver.find_element(By.ID, "avatarFile")
    if threshold is not None:
        driver.execute_script("arguments[0].setAttribute('data-direct-threshold', arguments[1])", field, str(threshold))
    driver.execute_script(WATCH_PROGRESS)
    field.send_keys(path)


def _header_picture_width(driver):
    return driver.execute_script(
        "var img = document.querySelector('[data-testid=header-avatar]');"
        "return img && img.complete ? img.naturalWidth : -1")


def _cancel_midway(driver, tools, path, where, threshold=None):
    """Chooses a large file on a throttled connection, cancels once the bar has moved, and checks that no
    pending upload stays behind."""
    check = tools.check
    ready_before = tools.upload_statuses().count("ready")
    driver.set_network_conditions(offline=False, latency=5, download_throughput=4 * 1024 * 1024, upload_throughput=256 * 1024)
    try:
        _choose(driver, path, threshold)
        _wait(driver).until(lambda d: 3 <= d.execute_script("return document.querySelector('[data-testid=upload-progress]').value") < 90)
        driver.find_element(By.CSS_SELECTOR, "[data-testid=upload-cancel]").click()
    finally:
        driver.delete_network_conditions()
    _wait(driver).until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-testid=upload-status]"), "Upload cancelled."))
    check(driver.find_element(By.CSS_SELECTOR, "[data-testid=upload-progress]").get_attribute("value") == "0",
          "Cancel stops the upload midway and empties the bar")
    deadline = time.time() + 20
    while time.time() < deadline and "pending" in tools.upload_statuses():
        time.sleep(0.2)
    statuses = tools.upload_statuses()
    check("pending" not in statuses and statuses.count("ready") == ready_before,
          f"a cancelled {'direct' if threshold is not None else 'streamed'} upload leaves nothing pending {where} ({statuses})")


def uploads_in_browser(base, tools, where, on_disk):
    check = tools.check
    stamp = str(int(time.time() * 1000))[-7:]
    folder = tempfile.mkdtemp(prefix="lyceum-e2e-uploads-")
    small = _file(folder, "portrait.png", png(48, 32))
    large = _file(folder, "large.png", png(20, 20, padding=4_500_000))
    direct = _file(folder, "direct.png", png(64, 40, padding=300_000))
    driver = tools.new_driver("1200,900")
    try:
        driver.get(base + "/signup")
        driver.find_element(By.NAME, "displayName").send_keys("Pia Picture")
        driver.find_element(By.NAME, "email").send_keys(f"pia-{stamp}@example.org")
        driver.find_element(By.NAME, "password").send_keys(tools.secret("password", f"picture password {stamp}"))
        driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
        _wait(driver).until(expected_conditions.title_is("Your profile · Lyceum"))
        check(driver.find_element(By.CSS_SELECTOR, "[data-testid=header-initials]").text == "PP",
              "without a picture the header shows the initials")
        tools.accessibility(driver, "the profile page with the upload widget")

        # A small picture streams through POST /uploads and the form submits itself.
        _choose(driver, small)
        _wait(driver).until(lambda d: "picture=set" in d.current_url)
        reached = driver.execute_script("return [sessionStorage.getItem('e2e-progress'), sessionStorage.getItem('e2e-status')]")
        check(reached[0] == "100" and "100 %" in (reached[1] or ""), f"the progress bar and its words reach 100 % {where} ({reached})")
        _wait(driver).until(lambda d: _header_picture_width(d) == 48)
        check(True, f"the header shows the new picture (naturalWidth 48) {where}")
        check("Your profile picture is changed." in driver.page_source, "the profile page confirms the change")

        _cancel_midway(driver, tools, large, where)
        _cancel_midway(driver, tools, large, where, threshold=1024)

        # Above the threshold: presign, PUT straight to the signed URL, complete.
        _choose(driver, direct, threshold=1024)
        _wait(driver).until(lambda d: "picture=set" in d.current_url and _header_picture_width(d) == 64)
        reached = driver.execute_script("return sessionStorage.getItem('e2e-progress')")
        check(reached == "100", f"a direct upload above the threshold reaches 100 % and becomes the picture {where}")
        log = "\n".join(tools.server_log())
        check("POST /uploads/presign 201" in log, "the direct upload went through POST /uploads/presign")
        if on_disk:
            check("PUT /objects/media/" in log, "on disk the browser PUT the file to Lyceum's signed /objects URL")
        else:
            check("PUT /objects/" not in log, "on S3 the browser PUT the file to the bucket, not through Lyceum")
        statuses = tools.upload_statuses()
        check("pending" not in statuses and statuses.count("ready") == 2, f"two ready uploads and nothing pending {where} ({statuses})")
    finally:
        driver.quit()


def lecture_video(folder):
    """An 8-second VP8 WebM test pattern with cues (so a browser can seek in it), made by the static ffmpeg
    that scripts/start-test-services installs into .venv-test (PyPI's imageio-ffmpeg)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ffmpeg = subprocess.run(
        [os.path.join(root, ".venv-test/bin/python"), "-c", "import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())"],
        capture_output=True, text=True, check=True).stdout.strip()
    path = os.path.join(folder, "lecture.webm")
    subprocess.run([ffmpeg, "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=8:size=160x120:rate=10",
                    "-c:v", "libvpx", "-b:v", "100k", path], check=True, timeout=120)
    return path


def _sign_in(driver, base, email, password):
    driver.get(base + "/signin")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    _wait(driver).until(expected_conditions.title_is("Home · Lyceum"))


def _attach_in_editor(driver, field_id, path, done):
    """Chooses `path` in the lesson editor's widget input, which uploads it and submits its form."""
    field = driver.find_element(By.ID, field_id)
    field.send_keys(path)
    _wait(driver, 60).until(done)


def lesson_files_in_browser(base, tools, where, admin_email, admin_password):
    """Staff upload a lecture video and a PDF handout in the lesson editor through the widget; an enrolled
    student plays the video, seeks into it, and downloads the handout; a student of another course is refused."""
    check, api = tools.check, tools.api
    stamp = str(int(time.time() * 1000))[-7:]
    folder = tempfile.mkdtemp(prefix="lyceum-e2e-lesson-files-")
    video = lecture_video(folder)
    handout_bytes = b"%PDF-1.4\n% Lyceum e2e handout\n" + b"0" * 4_000 + b"\n%%EOF\n"
    handout = _file(folder, "handout.pdf", handout_bytes)

    status, _, body = api("POST", "/api/v1/auth/login", {"email": admin_email, "password": admin_password})
    check(status == 200, "the admin signs in over the API")
    admin = body["accessToken"]
    courses = []
    for title in ("Seeing lectures", "Another course"):
        status, _, body = api("POST", "/api/v1/courses", {"title": f"{title} {stamp}", "summary": "Lectures.", "description": "Lectures."}, admin)
        course = body["course"]
        _, _, module = api("POST", f"/api/v1/courses/{course['id']}/modules", {"title": "Week 1"}, admin)
        _, _, lesson = api("POST", f"/api/v1/courses/{course['id']}/modules/{module['module']['id']}/lessons",
                           {"title": "Lecture 1", "body": "Watch the lecture.", "estimatedMinutes": 10}, admin)
        published, _, _ = api("POST", f"/api/v1/courses/{course['id']}/publish", None, admin)
        check(status == 201 and published == 200, f"the admin builds and publishes {title!r} over the API")
        courses.append((course, lesson["lesson"]))
    (course, lesson), (other_course, _) = courses
    students = []
    for name, enrolled_in in (("Sami Seek", course), ("Oda Outside", other_course)):
        email = f"{name.split()[0].lower()}-{stamp}@example.org"
        password = tools.secret("password", f"{name} password {stamp}")
        status, _, body = api("POST", "/api/v1/auth/register", {"email": email, "password": password, "displayName": name})
        enrolled, _, _ = api("POST", f"/api/v1/courses/{enrolled_in['id']}/enrollment", None, body["accessToken"])
        check(status == 201 and enrolled == 201, f"{name} signs up and enrols over the API")
        students.append((email, password))

    editor = f"/teach/courses/{course['slug']}/lessons/{lesson['id']}"
    driver = tools.new_driver("1200,900")
    try:
        _sign_in(driver, base, admin_email, admin_password)
        driver.get(base + editor)
        _attach_in_editor(driver, "lesson-video-file", video, lambda d: "Uploaded video: <strong>lecture.webm</strong>" in d.page_source)
        _attach_in_editor(driver, "lesson-attachment-file", handout, lambda d: 'aria-label="Remove handout.pdf"' in d.page_source)
        check("pending" not in tools.upload_statuses(), f"the video and the handout uploaded through the lesson editor {where}")
    finally:
        driver.quit()

    lesson_page = f"/courses/{course['slug']}/lessons/{lesson['id']}"
    driver = tools.new_driver("1200,900")
    try:
        _sign_in(driver, base, *students[0])
        driver.get(base + lesson_page)
        player = _wait(driver).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=lesson-video]")))
        _wait(driver, 60).until(lambda d: d.execute_script("return arguments[0].readyState >= 1 && arguments[0].duration > 7", player))
        seeked = driver.execute_async_script("""
            var video = arguments[0], done = arguments[arguments.length - 1];
            video.muted = true;
            video.addEventListener('seeked', function () { done([video.currentTime, video.seekable.length ? video.seekable.end(0) : 0]); }, {once: true});
            video.currentTime = 5.5;
        """, player)
        check(abs(seeked[0] - 5.5) < 0.6 and seeked[1] > 7, f"the student's lesson video seeks to 5.5 s of 8 {where} ({seeked})")
        if "/objects/" in player.get_attribute("src"):
            check(any("GET /objects/media/" in line and ' 206"' in line for line in tools.server_log()),
                  "on disk, the seek was a Range request Lyceum answered with 206")
        link = driver.find_element(By.CSS_SELECTOR, "[data-testid=lesson-attachments] a")
        check(link.text == "handout.pdf", "the lesson lists the handout")
        fetched = driver.execute_async_script("""
            var done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: 'same-origin'})
              .then(function (r) { return r.text().then(function (t) { done([r.status, t.slice(0, 8), r.headers.get('content-type')]); }); })
              .catch(function (e) { done([0, String(e), '']); });
        """, link.get_attribute("href"))
        check(fetched[0] == 200 and fetched[1] == "%PDF-1.4" and fetched[2] == "application/pdf",
              f"the enrolled student downloads the handout {where} ({fetched[:1] + fetched[2:]})")
    finally:
        driver.quit()

    driver = tools.new_driver("1200,900")
    try:
        _sign_in(driver, base, *students[1])
        driver.get(base + lesson_page)
        check(not driver.find_elements(By.CSS_SELECTOR, "[data-testid=lesson-video]"),
              "a student of another course gets no video on the lesson page")
        refused = driver.execute_script(
            "var r = new XMLHttpRequest(); r.open('GET', arguments[0], false); r.send(); return r.status;",
            base + lesson_page + "/attachments/" + lesson_attachment_id(api, course, lesson, admin))
        check(refused in (403, 404), f"a student of another course cannot download the handout ({refused})")
    finally:
        driver.quit()


def lesson_attachment_id(api, course, lesson, token):
    _, _, body = api("GET", f"/api/v1/courses/{course['id']}/lessons/{lesson['id']}/attachments", None, token)
    return body["items"][0]["uploadId"]
