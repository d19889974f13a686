"""Uploads in Chromium, as the Media issue describes them: a student signs up, sets a profile picture through
the upload widget on the profile page (the progress bar reaches 100 % and the page header then shows the
picture), cancels a large upload midway (nothing is left behind), and sends a file above the widget's
threshold straight to the object store (presign, PUT to the signed URL, complete). Run once on the disk
store and, when the test services provide S3 (SeaweedFS), once more with the server's storage on S3.

Imported by e2e.py, which passes its helpers in (`Tools`), so this file never reaches into its globals.
"""

import os
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
