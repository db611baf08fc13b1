"""Identity screens against kioskd's identity steps (RRN keypad with masking, thumb with live guidance
and retry count, mobile ID), with the in-process SYNTHETIC registry (invented residents) as back-end
and the simulated reader presenting the thumb of finger seed 1."""
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from audit import audit
from conftest import click, synthetic_resident, wait_screen
from test_flow import focus_to, open_home, press


def to_rrn(browser, kiosk, reload=True):
    if reload:
        open_home(browser, kiosk)
    else:
        browser.get(kiosk.url + "/")
        wait_screen(browser, "home")
    click(browser, "cat-resident-registration")
    click(browser, "doc-RR-DEUNGBON")
    wait_screen(browser, "options")
    click(browser, "opt-mask-rrn-mask")
    click(browser, "nav-next")
    click(browser, "nav-next")
    wait_screen(browser, "identity-rrn")


def type_rrn(browser, digits):
    for d in digits:
        click(browser, f"key-{d}")


def masked(rrn):
    return rrn[:6] + "-" + rrn[6] + "******"


def test_document_needing_identity_without_backend_says_unavailable(browser, make_kiosk):
    plain = make_kiosk(identity=None)
    browser.get(plain.url + "/")
    wait_screen(browser, "home")
    click(browser, "cat-resident-registration")
    click(browser, "doc-RR-DEUNGBON")
    wait_screen(browser, "options")
    click(browser, "opt-mask-rrn-mask")
    click(browser, "nav-next")
    click(browser, "nav-next")
    wait_screen(browser, "unavailable-doc")
    audit(browser, plain)
    click(browser, "nav-home")
    wait_screen(browser, "home")


def test_rrn_masked_then_thumb_then_issuance(browser, kiosk):
    rrn = synthetic_resident()["residentNumber"].replace("-", "")
    to_rrn(browser, kiosk)
    type_rrn(browser, rrn)
    assert browser.find_element(By.ID, "rrn-display").text == masked(rrn)
    assert rrn[7:] not in browser.page_source
    audit(browser, kiosk)
    click(browser, "rrn-ok")
    wait_screen(browser, "identity-thumb")
    assert browser.execute_script("return rrn") == ""
    assert rrn[7:] not in browser.page_source
    audit(browser, kiosk)
    click(browser, "thumb-start")
    wait_screen(browser, "fee", timeout=30)
    click(browser, "pay-card")
    wait_screen(browser, "done", timeout=40)
    click(browser, "nav-home")
    wait_screen(browser, "home")


def test_rrn_by_keypad_only(browser, kiosk):
    rrn = synthetic_resident()["residentNumber"].replace("-", "")
    to_rrn(browser, kiosk)
    for digit in rrn:
        press(browser, digit)                        # the keypad's digit keys
    press(browser, Keys.BACKSPACE)
    press(browser, rrn[-1])
    assert browser.find_element(By.ID, "rrn-display").text == masked(rrn)
    focus_to(browser, "rrn-ok")
    press(browser, Keys.ENTER)
    wait_screen(browser, "identity-thumb")
    press(browser, Keys.ESCAPE)                      # back: the unverified RRN is forgotten
    wait_screen(browser, "copies")
    session_id = browser.execute_script("return S.session.id")
    view = kiosk.api("GET", f"/api/v1/sessions/{session_id}")[1]
    assert view["phase"] == "choosing" and view.get("identity") is None
    press(browser, Keys.ESCAPE)
    press(browser, Keys.ESCAPE)
    press(browser, Keys.ESCAPE)
    wait_screen(browser, "home")


def test_finger_not_recognised_then_mobile_id_offered(browser, kiosk):
    rrn = synthetic_resident()["residentNumber"].replace("-", "")
    to_rrn(browser, kiosk)
    type_rrn(browser, rrn)
    click(browser, "rrn-ok")
    wait_screen(browser, "identity-thumb")
    with kiosk.simulated("finger-not-recognised"):
        for attempt in range(3):
            click(browser, "thumb-start", timeout=30)
            deadline = time.time() + 30
            while time.time() < deadline:
                failures = browser.execute_script("return S.session.identity && S.session.identity.failures")
                if failures == attempt + 1 and browser.find_element(By.ID, "thumb-start").is_enabled():
                    break
                time.sleep(0.1)
            assert browser.find_elements(By.ID, "last-result"), "the failure is shown"
            if attempt == 0:
                assert "남은 시도" in browser.find_element(By.ID, "attempts").text
                audit(browser, kiosk, name="finger-not-recognised")
        click(browser, "mobile-id", timeout=30)
        # The synthetic back-end has no mobile-ID service: kioskd refuses clearly, and so does the screen.
        deadline = time.time() + 10
        while time.time() < deadline and not browser.find_elements(By.CSS_SELECTOR, ".qr svg, .alert[role=alert]"):
            time.sleep(0.1)
        qr = browser.find_elements(By.CSS_SELECTOR, ".qr svg")
        if qr:
            audit(browser, kiosk, name="identity-mobile")
        else:
            assert browser.execute_script("return S.error"), "a refused mobile ID is shown, not a fake QR"
            audit(browser, kiosk, name="mobile-id-unavailable")
    click(browser, "nav-cancel")
    wait_screen(browser, "home")


def test_idle_timeout_wipes_rrn_from_page_and_kioskd(browser, make_kiosk):
    idle = make_kiosk(idle=10)
    rrn = synthetic_resident()["residentNumber"].replace("-", "")
    to_rrn(browser, idle, reload=False)
    type_rrn(browser, rrn[:8])
    wait_screen(browser, "timeout", timeout=30)
    assert browser.execute_script("return rrn") == ""
    assert rrn[:6] not in browser.page_source
    session_id = browser.execute_script("return S.session.id")
    view = idle.api("GET", f"/api/v1/sessions/{session_id}")[1]
    assert view["phase"] == "abandoned" and view.get("identity") is None


def test_idle_timeout_after_rrn_wipes_it_in_kioskd(browser, make_kiosk):
    idle = make_kiosk(idle=10)
    rrn = synthetic_resident()["residentNumber"].replace("-", "")
    to_rrn(browser, idle, reload=False)
    type_rrn(browser, rrn)
    click(browser, "rrn-ok")
    wait_screen(browser, "identity-thumb")
    session_id = browser.execute_script("return S.session.id")
    assert idle.api("GET", f"/api/v1/sessions/{session_id}")[1]["identity"]["rrnMasked"] == masked(rrn)
    wait_screen(browser, "timeout", timeout=30)
    view = idle.api("GET", f"/api/v1/sessions/{session_id}")[1]
    assert view["phase"] == "abandoned" and view.get("identity") is None
    assert browser.execute_script("return rrn") == ""
    assert rrn[:6] not in browser.page_source
