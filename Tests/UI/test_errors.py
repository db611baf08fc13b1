"""Every error screen of issue 10, reached by injecting the fault through kioskctl (or the kiosk's hours)."""
import datetime

import pytest
from selenium.webdriver.common.by import By

from audit import audit
from conftest import click, seoul_now, wait_screen
from test_flow import PARCEL, open_home


def to_fee(browser, kiosk, category="land", code="LD-LAND"):
    open_home(browser, kiosk)
    click(browser, f"cat-{category}")
    click(browser, f"doc-{code}")
    wait_screen(browser, "copies", "options")
    if browser.find_element(By.ID, "screen").get_attribute("data-screen") == "options":
        click(browser, "nav-next")
    click(browser, "nav-next")
    wait_screen(browser, "key")
    browser.find_element(By.ID, "key-input").send_keys(PARCEL)
    click(browser, "nav-next")
    wait_screen(browser, "fee")


def test_paper_out_makes_documents_unavailable(browser, kiosk):
    open_home(browser, kiosk)
    with kiosk.simulated("paper-out"):
        wait_screen(browser, "unavailable")
        assert "용지" in browser.find_element(By.ID, "screen").text
        audit(browser, kiosk)
    wait_screen(browser, "home")


def test_maintenance_shows_out_of_service(browser, kiosk):
    open_home(browser, kiosk)
    kiosk.ctl("maintenance", "on")
    try:
        wait_screen(browser, "out-of-service")
        audit(browser, kiosk)
    finally:
        kiosk.ctl("maintenance", "off")
    wait_screen(browser, "home")


def test_card_declined(browser, kiosk):
    to_fee(browser, kiosk)
    with kiosk.simulated("card-declined"):
        click(browser, "pay-card")
        wait_screen(browser, "card-declined")
        audit(browser, kiosk)
    click(browser, "pay-again")
    wait_screen(browser, "done", timeout=30)
    click(browser, "nav-home")
    wait_screen(browser, "home")


def test_no_change_offers_exact_amount_or_card(browser, kiosk):
    to_fee(browser, kiosk)
    with kiosk.simulated("no-change"):
        click(browser, "pay-cash")
        wait_screen(browser, "no-change")
        assert browser.find_element(By.ID, "no-change").is_displayed()
        audit(browser, kiosk)
    click(browser, "nav-cancel")
    wait_screen(browser, "home")


def test_paper_jam_offers_reprint_or_refund(browser, kiosk):
    to_fee(browser, kiosk)
    with kiosk.simulated("jam"):
        click(browser, "pay-card")
        wait_screen(browser, "reprint-offer", timeout=40)
        audit(browser, kiosk)
        click(browser, "jam-refund")
        wait_screen(browser, "print-failed", timeout=40)
        text = browser.find_element(By.ID, "screen").text
        assert "돌려" in text, text
        audit(browser, kiosk)
    click(browser, "nav-home")
    wait_screen(browser, "home")


def test_closed_shows_next_opening(browser, make_kiosk):
    hour = (seoul_now().hour + 12) % 24
    closed = make_kiosk(hours=f"Mo-Su {hour:02d}:00-{hour:02d}:30")
    browser.get(closed.url + "/")
    wait_screen(browser, "closed")
    assert f"{hour:02d}:00" in browser.find_element(By.ID, "next-opening").text
    audit(browser, closed)


def test_closing_soon(browser, make_kiosk):
    now = seoul_now()
    end = now + datetime.timedelta(minutes=3)
    start = now - datetime.timedelta(minutes=60)
    if end.date() != now.date() or start.date() != now.date():
        pytest.skip("too close to midnight in Seoul for a same-day opening window")
    closing = make_kiosk(hours=f"Mo-Su {start:%H:%M}-{end:%H:%M}", closing_soon=5)
    browser.get(closing.url + "/")
    wait_screen(browser, "closing-soon")
    audit(browser, closing)


def test_idle_timeout_wipes_and_more_time(browser, make_kiosk):
    idle = make_kiosk(idle=12)
    browser.get(idle.url + "/")
    wait_screen(browser, "home")
    click(browser, "cat-land")
    wait_screen(browser, "category")
    timer = browser.find_element(By.ID, "timer-text")
    assert timer.is_displayed() and ("초" in timer.text)
    session_id = browser.execute_script("return S.session.id")
    before = idle.api("GET", f"/api/v1/sessions/{session_id}")[1]["idleSecondsLeft"]
    import time
    time.sleep(3)
    click(browser, "btn-more-time")
    time.sleep(0.5)
    after = idle.api("GET", f"/api/v1/sessions/{session_id}")[1]["idleSecondsLeft"]
    assert after >= before - 1, "more time restarts the countdown"
    audit(browser, idle, name="timer")
    wait_screen(browser, "timeout", timeout=30)
    assert idle.api("GET", f"/api/v1/sessions/{session_id}")[1]["phase"] == "abandoned"
    assert browser.execute_script("return rrn") == ""
    audit(browser, idle)
