"""Complete issuances through the touchscreen: by touch (clicks) and by keypad only."""
import datetime
import os
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from audit import audit
from conftest import SCREENS, SEOUL, click, screen, text_of, wait_screen


def open_home(browser, kiosk, query="?voice=on"):
    """Loads the page, first ending the session a previous test left on it (a reload forgets it)."""
    try:
        left = browser.execute_script("return typeof S === 'object' && S.session && !S.session.finished ? S.session.id : null")
    except Exception:
        left = None
    if left:
        kiosk.api("POST", f"/api/v1/sessions/{left}/cancel")
    browser.get(kiosk.url + "/" + query)
    return wait_screen(browser, "home")


def test_touch_issuance_cash_with_change_and_feedback(browser, kiosk, central):
    open_home(browser, kiosk)
    audit(browser, kiosk)
    click(browser, "cat-registry")
    wait_screen(browser, "category")
    audit(browser, kiosk)
    click(browser, "doc-RG-REAL-ESTATE")
    wait_screen(browser, "options")
    # The catalog's default (exclude cancelled entries) is shown chosen; the resident may change it.
    assert browser.find_element(By.ID, "opt-cancelled-entries-exclude").is_selected()
    audit(browser, kiosk)
    click(browser, "nav-next")
    wait_screen(browser, "copies")
    click(browser, "copies-more")
    assert "2" in browser.find_element(By.ID, "copies-value").text
    audit(browser, kiosk)
    click(browser, "nav-next")
    wait_screen(browser, "key")
    browser.find_element(By.ID, "key-input").send_keys(REAL_ESTATE_NUMBER)
    audit(browser, kiosk)
    click(browser, "nav-next")
    wait_screen(browser, "fee")
    assert "2,000" in browser.find_element(By.ID, "total").text
    audit(browser, kiosk)
    click(browser, "pay-cash")
    wait_screen(browser, "paying-cash")
    audit(browser, kiosk)
    kiosk.ctl("cash", "insert", "1000")
    browser.implicitly_wait(0)
    for _ in range(100):
        if "1,000" in text_of(browser, "inserted"):
            break
        time.sleep(0.05)
    assert "1,000" in text_of(browser, "inserted"), "the inserted amount is shown live"
    kiosk.ctl("cash", "insert", "5000")
    wait_screen(browser, "printing", "done")
    if screen(browser) == "printing":
        audit(browser, kiosk, photograph=True)
    wait_screen(browser, "done", timeout=30)
    assert "4,000" in browser.find_element(By.ID, "change").text
    audit(browser, kiosk)
    session_id = browser.execute_script("return S.session.id")
    click(browser, "rate-5")
    wait_screen(browser, "thanks")
    audit(browser, kiosk)
    assert [row[1] for row in kiosk.ledger_rows("feedback") if row[0] == session_id] == ["rating=5"]
    status, body = kiosk.api("POST", f"/api/v1/sessions/{session_id}/feedback", {"rating": 4})
    assert status == 409 and "already" in body["error"]
    kiosk.ctl("sync", "now")
    deadline = time.time() + 30
    while time.time() < deadline and not any(entry["session_id"] == session_id.upper() for entry in central.entries("feedback")):
        time.sleep(0.2)
    assert [entry["detail"] for entry in central.entries("feedback") if entry["session_id"] == session_id.upper()] == ["rating=5"], \
        "the feedback entry reached kiosk-central"
    click(browser, "nav-home")
    wait_screen(browser, "home")
    assert browser.execute_script("return S.session") is None
    # The central office's page shows this kiosk and today's issuance in its chart (issue 5).
    browser.get(central.url + "/")
    assert "UI-TEST-01" in browser.page_source and "UI 테스트" in browser.page_source
    bars = browser.find_elements(By.CSS_SELECTOR, "svg rect title")
    today = datetime.datetime.now(SEOUL).date().isoformat()
    assert any(bar.get_attribute("textContent").startswith(today + ": ") for bar in bars), [b.get_attribute("textContent") for b in bars]
    browser.save_screenshot(os.path.join(SCREENS, "central-page.png"))


PARCEL = "1111010100100120003"            # the catalog's example parcel number (PNU)
REAL_ESTATE_NUMBER = "11461996031419"     # a 14-digit real-estate number (invented)


def press(browser, key):
    browser.switch_to.active_element.send_keys(key)


def focus_to(browser, element_id, key=Keys.ARROW_RIGHT, limit=80):
    for _ in range(limit):
        if browser.switch_to.active_element.get_attribute("id") == element_id:
            return
        press(browser, key)
    raise AssertionError(f"keypad could not reach {element_id}; focus on {browser.switch_to.active_element.get_attribute('id')}")


def test_keypad_only_issuance_by_card(browser, kiosk):
    open_home(browser, kiosk)
    focus_to(browser, "cat-land")
    press(browser, Keys.ENTER)
    wait_screen(browser, "category")
    press(browser, Keys.ESCAPE)                      # Escape = back
    wait_screen(browser, "home")
    focus_to(browser, "cat-land")
    press(browser, Keys.ENTER)
    wait_screen(browser, "category")
    focus_to(browser, "doc-LD-LAND")
    press(browser, Keys.ENTER)
    wait_screen(browser, "copies")
    focus_to(browser, "copies-more")
    press(browser, Keys.ENTER)
    press(browser, "+")                              # volume up, not a copy
    assert "9/10" in browser.find_element(By.ID, "caption").text
    focus_to(browser, "nav-next")
    press(browser, Keys.ENTER)
    wait_screen(browser, "key")
    assert browser.switch_to.active_element.get_attribute("id") == "key-input"
    press(browser, PARCEL)                           # the keypad's digits
    focus_to(browser, "nav-next", key=Keys.ARROW_DOWN)
    press(browser, Keys.ENTER)
    wait_screen(browser, "fee")
    assert "1,000" in browser.find_element(By.ID, "total").text
    focus_to(browser, "pay-card")
    press(browser, Keys.ENTER)
    wait_screen(browser, "paying-card", "printing", "done")
    if screen(browser) == "paying-card":
        audit(browser, kiosk)
    wait_screen(browser, "done", timeout=30)
    focus_to(browser, "rate-4")
    press(browser, Keys.ENTER)
    wait_screen(browser, "thanks")
    press(browser, "h")                              # help key: spoken and captioned
    assert "화살표" in browser.find_element(By.ID, "caption").text
    press(browser, Keys.ESCAPE)
    wait_screen(browser, "home")


def test_accessibility_panel_by_keypad(browser, kiosk):
    open_home(browser, kiosk)
    focus_to(browser, "btn-a11y", key=Keys.ARROW_LEFT)
    press(browser, Keys.ENTER)
    assert browser.find_element(By.ID, "a11y-panel").is_displayed()
    for mode in ("zoom", "contrast", "low"):
        focus_to(browser, f"mode-{mode}")
        press(browser, Keys.ENTER)
        assert mode in browser.find_element(By.TAG_NAME, "html").get_attribute("class")
        assert browser.find_element(By.ID, f"mode-{mode}").get_attribute("aria-pressed") == "true"
    audit(browser, kiosk, name="a11y-panel")
    press(browser, Keys.ESCAPE)
    assert not browser.find_element(By.ID, "a11y-panel").is_displayed()
    browser.execute_script("for (const m of ['zoom','contrast','low']) setMode(m, false)")


def test_explicit_choice_is_never_preselected(browser, kiosk):
    open_home(browser, kiosk)
    click(browser, "cat-resident-registration")
    click(browser, "doc-RR-DEUNGBON")
    wait_screen(browser, "options")
    radios = browser.find_elements(By.CSS_SELECTOR, "input[name='opt-mask-rrn']")
    assert radios and not any(r.is_selected() for r in radios), "RRN masking on 등본 must be chosen, never pre-selected"
    assert not browser.find_element(By.ID, "nav-next").is_enabled()
    audit(browser, kiosk, name="options-explicit")
    browser.find_elements(By.CSS_SELECTOR, "input[name='opt-mask-rrn']")[0].click()
    assert browser.find_element(By.ID, "nav-next").is_enabled()
    click(browser, "nav-back")
    wait_screen(browser, "category")
    click(browser, "nav-back")
    wait_screen(browser, "home")
