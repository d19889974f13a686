"""The real-time journey in Chromium, as issue 11 describes it: two students of one course, each in their own
headless Chromium (with a synthetic camera and microphone), on two `lyceum serve` processes when the database
is PostgreSQL. They chat live in the course room (typing and presence shown), one starts a direct
conversation that appears on the other's messages page without a reload (with a read receipt once the
other reads it), and they complete a video call
whose peer connections reach `connected` through the server's signalling.

Imported by e2e.py, which passes its helpers in (`e2e_courses.Tools`), so this file never reaches into its globals.
"""

import time

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

import e2e_community


def _wait(driver, seconds=20):
    return WebDriverWait(driver, seconds, ignored_exceptions=(StaleElementReferenceException, WebDriverException))


def _text(driver, selector):
    return " ".join(element.text for element in driver.find_elements(By.CSS_SELECTOR, selector))


def _live(driver):
    """Waits until the page's chat panel says it is live (signed in over the socket, history loaded)."""
    _wait(driver).until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-chat-status]"), "Live"))


def _say(driver, text):
    box = driver.find_element(By.CSS_SELECTOR, "[data-chat-form] textarea")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def chat_and_call(base_a, base_b, tools, slug, where):
    check = tools.check
    stamp = str(int(time.time() * 1000))[-7:]
    ana_name, ben_name = f"Ana Live {stamp}", f"Ben Live {stamp}"
    ana = tools.new_driver("1200,900", fake_media=True)
    ben = tools.new_driver("1200,900", fake_media=True)
    try:
        e2e_community._sign_up_and_enroll(ana, base_a, tools, ana_name, f"ana-{stamp}@example.org", slug)
        e2e_community._sign_up_and_enroll(ben, base_b, tools, ben_name, f"ben-{stamp}@example.org", slug)

        # The course room: both see the panel go live, each other's messages, typing and presence.
        for driver, base in ((ana, base_a), (ben, base_b)):
            driver.get(base + f"/courses/{slug}")
            _live(driver)
        check(True, f"the course page's chat panel goes live for both students {where}")
        _wait(ana).until(lambda d: ben_name in _text(d, "[data-chat-people] [data-status=online]"))
        check(True, "each sees the other online in the room's people list")
        ben.find_element(By.CSS_SELECTOR, "[data-chat-form] textarea").send_keys("thinking")
        _wait(ana).until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-chat-typing]"), f"{ben_name} is typing"))
        check(True, "typing in one browser shows 'is typing' in the other")
        ben.find_element(By.CSS_SELECTOR, "[data-chat-form] textarea").clear()
        _say(ana, "Hello from **Ana**")
        _wait(ben).until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-chat-log]"), "Hello from Ana"))
        check("Ana" in _text(ben, "[data-chat-log] .body strong"), "the message's Markdown arrives rendered")
        _say(ben, "Hi Ana, Ben here")
        _wait(ana).until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-chat-log]"), "Ben here"))
        check(True, "a message sent in one browser appears live in the other, both ways")
        ana.get(base_a + f"/courses/{slug}")
        _live(ana)
        _wait(ana).until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-chat-log]"), "Ben here"))
        check("Hello from Ana" in _text(ana, "[data-chat-log]"), "the history loads again after a page load")
        tools.accessibility(ana, "course page with the chat panel (student)")

        # A direct conversation appears on the other's messages page without a reload.
        ben.get(base_b + "/messages")
        _wait(ben).until(lambda d: d.execute_script("return !!(window.LyceumLive && window.LyceumLive.isOpen())"))
        ana.get(base_a + "/messages")
        tools.accessibility(ana, "messages page (student)")
        ana.find_element(By.ID, "names").send_keys(ben_name)
        ana.find_element(By.CSS_SELECTOR, "[data-testid=start-conversation]").click()
        _wait(ana).until(lambda d: "/messages/dm-" in d.current_url)
        _live(ana)
        conversation = ana.current_url
        _wait(ben).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, f"[data-room-list] a[href='{conversation[len(base_a):]}']")))
        check(True, "the new direct conversation appears on the other's messages page live (room.added)")
        _say(ana, "Shall we call?")
        room = conversation.rsplit("/", 1)[-1]
        _wait(ben).until(lambda d: _text(d, f"[data-room-list] [data-room='{room}'] [data-room-unread]") == "1 unread")
        check(True, "the messages page counts the unread message live")
        ben.find_element(By.CSS_SELECTOR, f"[data-room-list] a[href='{conversation[len(base_a):]}']").click()
        _live(ben)
        _wait(ben).until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-chat-log]"), "Shall we call?"))
        _wait(ana).until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-testid=read-receipt]"), f"Seen by {ben_name}"))
        check(True, "the sender sees the read receipt once the other has read the message")

        # The call: Ana starts it, Ben's page rings, he joins; both peer connections reach "connected".
        ana.find_element(By.CSS_SELECTOR, "[data-testid=start-call]").click()
        _wait(ana).until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "[data-call-status]"), "Waiting for others"))
        check("/calls/" in ana.current_url, "starting a call opens the call page with the camera preview")
        tools.accessibility(ana, "call page (student)")
        _wait(ben).until(expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid=join-call]"))).click()
        check(True, "the other's page rings and offers to join")
        for driver in (ana, ben):
            _wait(driver, 30).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "[data-peer-state=connected]")))
        check(True, f"both peer connections reach connected through the server's signalling {where}")
        playing = ben.execute_script("var v = document.querySelector('[data-peer] video'); return !!(v && v.srcObject && v.srcObject.getTracks().length)")
        check(playing, "the remote tile receives the other's media tracks")
        ana.find_element(By.CSS_SELECTOR, "[data-call-mute]").click()
        check(ana.execute_script("return document.querySelector('[data-local-video]').srcObject.getAudioTracks().every(t => !t.enabled)"),
              "mute switches the microphone track off")
        ana.find_element(By.CSS_SELECTOR, "[data-testid=hang-up]").click()
        _wait(ben).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "[data-peer]") or "left" in _text(d, "[data-call-status]")
                         or "ended" in _text(d, "[data-call-status]"))
        check(True, "hanging up removes the caller's tile from the other's call page")
    finally:
        ana.quit()
        ben.quit()
