"""Per-screen checks: axe-core (WCAG 2.1 A/AA) in Korean and English, normal, zoomed (200%),
high-contrast and low-position modes; a screenshot under docs/screens/; the screen's spoken phrase
exists as audio and is not silent (sox stat)."""
import glob
import os
import re
import subprocess
import tempfile
import urllib.parse
import zipfile

from selenium.webdriver.common.by import By

from conftest import ROOT, SCREENS, screen

MODES = [[], ["zoom"], ["contrast"], ["low"]]
# Screens whose every mode is also photographed (the others: normal mode, both languages).
MODE_SHOTS = {"home", "fee", "copies"}
_axe = None


def axe_source():
    global _axe
    if _axe is None:
        wheels = glob.glob(os.path.join(ROOT, "var", "ui-wheels", "axe_playwright_python-*.whl"))
        if not wheels:
            raise RuntimeError("axe-core: run scripts/ui-tests.sh (it downloads the axe-playwright-python wheel into var/ui-wheels)")
        with zipfile.ZipFile(wheels[0]) as wheel:
            _axe = wheel.read("axe_playwright_python/axe.min.js").decode()
    return _axe


def run_axe(driver):
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe_source())
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
           .then(r => done({violations: r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})), version: axe.version}))
           .catch(e => done({error: String(e)}));""")
    assert "error" not in result, result
    return result["violations"]


def set_language(driver, lang):
    if driver.execute_script("return document.documentElement.lang") != lang:
        driver.find_element(By.ID, "btn-lang").click()
    assert driver.execute_script("return document.documentElement.lang") == lang


def set_modes(driver, modes):
    for mode in ("zoom", "contrast", "low"):
        driver.execute_script("setMode(arguments[0], arguments[1])", mode, mode in modes)


def voice_is_audible(kiosk, lang, text):
    query = urllib.parse.urlencode({"lang": lang, "text": text, "rate": 175})
    status, body = kiosk.api("GET", "/api/v1/voice?" + query)
    assert status == 200, f"voice {lang} {text!r}: {status} {body}"
    assert body[:4] == b"RIFF", "not a WAV file"
    with tempfile.NamedTemporaryFile(suffix=".wav") as f:
        f.write(body)
        f.flush()
        stat = subprocess.run(["sox", f.name, "-n", "stat"], capture_output=True, text=True).stderr
    length = float(re.search(r"Length \(seconds\):\s+([0-9.]+)", stat).group(1))
    rms = float(re.search(r"RMS\s+amplitude:\s+([0-9.]+)", stat).group(1))
    assert length > 0.3 and rms > 0.005, f"silent phrase {lang} {text!r}: length {length}, RMS {rms}"
    return length, rms


REPORT = []


def audit(driver, kiosk, name=None, photograph=True):
    """Checks the current screen in both languages and every mode; returns the screen's name."""
    name = name or screen(driver)
    for lang in ("ko", "en"):
        set_language(driver, lang)
        phrase = driver.find_element(By.ID, "caption").text
        if phrase:
            voice_is_audible(kiosk, lang, phrase)
        for modes in MODES:
            set_modes(driver, modes)
            violations = run_axe(driver)
            label = f"{name}-{lang}" + ("-" + modes[0] if modes else "")
            assert violations == [], f"axe on {label}: " + "; ".join(f"{v['id']}: {v['nodes'][:3]}" for v in violations)
            REPORT.append(label)
            if photograph and (not modes or name in MODE_SHOTS):
                os.makedirs(SCREENS, exist_ok=True)
                driver.save_screenshot(os.path.join(SCREENS, label + ".png"))
    set_modes(driver, [])
    set_language(driver, "ko")
    return name
