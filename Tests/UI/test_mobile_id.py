"""Mobile ID for real: kioskd with kiosk-central as identity back-end (seeded SYNTHETIC registry, a test
mobile-ID issuer); after three unrecognised thumbs the screen shows the QR, the test wallet presents,
and the session goes on to the fee by itself."""
import os
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By

from audit import audit
from conftest import BIN, Central, Kiosk, click, wait_screen
from test_identity import masked, to_rrn, type_rrn


@pytest.fixture(scope="module")
def central_kiosk(workdir):
    folder = os.path.join(workdir, "mobile")
    os.makedirs(folder + "/central")
    os.makedirs(folder + "/kiosk")
    central = Central(folder + "/central")
    central.seed_identity()
    kiosk = Kiosk(folder + "/kiosk", central=central, identity="central")
    central.start()
    yield central, kiosk
    kiosk.stop()
    central.stop()


def test_mobile_id_qr_and_wallet(browser, central_kiosk):
    central, kiosk = central_kiosk
    rrn = central.wallet_resident["residentNumber"].replace("-", "")
    to_rrn(browser, kiosk, reload=False)
    type_rrn(browser, rrn)
    click(browser, "rrn-ok")
    wait_screen(browser, "identity-thumb")
    assert masked(rrn) in browser.find_element(By.ID, "screen").text
    with kiosk.simulated("finger-not-recognised"):
        for attempt in range(3):
            click(browser, "thumb-start", timeout=30)
            deadline = time.time() + 30
            while time.time() < deadline and browser.execute_script("return (S.session.identity || {}).failures") != attempt + 1:
                time.sleep(0.1)
        click(browser, "mobile-id", timeout=30)
        wait_screen(browser, "identity-mobile")
    assert browser.find_elements(By.CSS_SELECTOR, ".qr svg"), "the QR is shown"
    audit(browser, kiosk)
    request = browser.execute_script("return S.session.identity.mobileID.qrText")
    presented = subprocess.run([os.path.join(BIN, "kiosk-wallet"), "present", "--request", request, "--wallet", central.wallet, "--post"],
                               capture_output=True, text=True)
    assert presented.returncode == 0, presented.stdout + presented.stderr
    wait_screen(browser, "fee", timeout=30)
    assert browser.execute_script("return S.session.identity && S.session.identity.method") in ("mobileID", None)
    click(browser, "nav-cancel")
    wait_screen(browser, "home")
