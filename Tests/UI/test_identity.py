"""Identity screens against kioskd's identity contract (RRN keypad with masking, thumb with live
guidance and retry count, mobile-ID QR). They run when kioskd offers identity (`identityAvailable`);
until the identity steps are in kioskd they are skipped, never faked."""
import time

import pytest
from selenium.webdriver.common.by import By

from audit import audit
from conftest import click, screen, wait_screen
from test_flow import open_home

RRN = "9001011234567"   # SAMPLE number of the simulated registry (invented resident)


def identity_offered(kiosk):
    status, offer = kiosk.api("GET", "/api/v1/documents")
    return any(d.get("identityAvailable") for d in offer["documents"])


def to_rrn(browser, kiosk):
    if not identity_offered(kiosk):
        pytest.skip("kioskd has no identity back-end yet (identityAvailable is false): waits for the lead's identity flow")
    open_home(browser, kiosk)
    click(browser, "cat-resident-registration")
    click(browser, "doc-RR-DEUNGBON")
    wait_screen(browser, "options")
    browser.find_elements(By.CSS_SELECTOR, "input[name='opt-mask-rrn']")[0].click()
    click(browser, "nav-next")
    click(browser, "nav-next")
    wait_screen(browser, "identity-rrn")


def type_rrn(browser, digits):
    for d in digits:
        click(browser, f"key-{d}")


def test_document_needing_identity_without_backend_says_unavailable(browser, kiosk):
    if identity_offered(kiosk):
        pytest.skip("identity is available: covered by the identity flow tests")
    open_home(browser, kiosk)
    click(browser, "cat-resident-registration")
    click(browser, "doc-RR-DEUNGBON")
    wait_screen(browser, "options")
    browser.find_elements(By.CSS_SELECTOR, "input[name='opt-mask-rrn']")[0].click()
    click(browser, "nav-next")
    click(browser, "nav-next")
    wait_screen(browser, "unavailable-doc")
    audit(browser, kiosk)
    click(browser, "nav-home")
    wait_screen(browser, "home")


def test_rrn_masked_then_thumb_then_issuance(browser, kiosk):
    to_rrn(browser, kiosk)
    type_rrn(browser, RRN)
    shown = browser.find_element(By.ID, "rrn-display").text
    assert shown == "900101-1******" and "234567" not in browser.page_source
    audit(browser, kiosk)
    click(browser, "rrn-ok")
    wait_screen(browser, "identity-thumb")
    assert browser.execute_script("return rrn") == ""
    audit(browser, kiosk)
    click(browser, "thumb-start")
    wait_screen(browser, "fee", timeout=30)


def test_finger_not_recognised_then_mobile_id(browser, kiosk):
    to_rrn(browser, kiosk)
    type_rrn(browser, RRN)
    click(browser, "rrn-ok")
    wait_screen(browser, "identity-thumb")
    kiosk.ctl("simulate", "finger-not-recognised")
    try:
        for attempt in range(3):
            click(browser, "thumb-start", timeout=30)
            for _ in range(300):
                if browser.find_elements(By.ID, "last-result"):
                    break
                time.sleep(0.1)
            assert browser.find_elements(By.ID, "last-result"), "the failure is shown"
            if attempt == 0:
                audit(browser, kiosk, name="finger-not-recognised")
        click(browser, "mobile-id", timeout=30)
        wait_screen(browser, "identity-mobile")
        assert browser.find_elements(By.CSS_SELECTOR, ".qr svg")
        audit(browser, kiosk)
    finally:
        kiosk.ctl("simulate", "finger-not-recognised", "--clear")


def test_idle_timeout_wipes_rrn_from_page_and_kioskd(browser, make_kiosk):
    idle = make_kiosk(idle=10)
    to_rrn(browser, idle)
    type_rrn(browser, RRN)
    click(browser, "rrn-ok")
    wait_screen(browser, "identity-thumb")
    session_id = browser.execute_script("return S.session.id")
    assert idle.api("GET", f"/api/v1/sessions/{session_id}")[1]["identity"]["rrnMasked"]
    wait_screen(browser, "timeout", timeout=30)
    view = idle.api("GET", f"/api/v1/sessions/{session_id}")[1]
    assert view["phase"] == "abandoned" and view.get("identity") is None
    assert browser.execute_script("return rrn") == ""
    assert "900101" not in browser.page_source
