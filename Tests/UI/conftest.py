"""Browser tests of kioskd's touchscreen (issue 10): a real kioskd with simulated devices and a real
kiosk-central, started here; Debian's chromium + chromedriver driven by Selenium; axe-core injected
from the axe-playwright-python wheel. Run through scripts/ui-tests.sh (it sets KIOSK_UI_AXE)."""
import contextlib
import datetime
import json
import os
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import zoneinfo

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.join(ROOT, ".build", "debug")
SCREENS = os.path.join(ROOT, "docs", "screens")
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def decode_entry(blob):
    """A ledger entry's canonical bytes (layout KLE1, LedgerEntry+Canonical.swift) as a dict, read here
    independently of the Swift decoder: sequence, session_id (upper-case UUID text), detail, kind, kiosk."""
    assert blob[:4] == b"KLE1", "not a KLE1 entry"
    at = 4 + 8 + 16 + 32
    sequence = int.from_bytes(blob[4:12], "big")

    def string():
        nonlocal at
        size = int.from_bytes(blob[at:at + 4], "big")
        at += 4 + size
        return blob[at - size:at].decode()

    def fixed(size):
        nonlocal at
        at += size
        return blob[at - size:at]

    def present():
        nonlocal at
        at += 1
        return blob[at - 1] == 1

    kind, kiosk = string(), string()
    session = fixed(16) if present() else None
    fields = [("issuance", lambda: fixed(16)), ("document", string), ("copies", lambda: fixed(8)), ("quote", string),
              ("amount", lambda: fixed(8)), ("method", string), ("reference", string), ("job", lambda: fixed(8)),
              ("number", string), ("pdf", lambda: fixed(32)), ("resident", string), ("detail", string)]
    values = {name: (read() if present() else None) for name, read in fields}
    session_text = None if session is None else "-".join(
        session.hex()[a:b] for a, b in ((0, 8), (8, 12), (12, 16), (16, 20), (20, 32))).upper()
    return {"sequence": sequence, "kind": kind, "kiosk": kiosk, "session_id": session_text, "detail": values["detail"]}


class Central:
    """kiosk-central on a free loopback port with its own SQLite database."""

    def __init__(self, folder):
        self.folder = folder
        self.db = os.path.join(folder, "central.sqlite")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def register(self, kiosk_id, key_path):
        out = subprocess.run([os.path.join(BIN, "kioskctl"), "keys", "init", "--key", key_path], check=True, capture_output=True, text=True).stdout
        key = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("public key: ")][0]
        subprocess.run([os.path.join(BIN, "kiosk-central"), "kiosks", "add", "--database", self.db, "--id", kiosk_id, "--public-key", key,
                        "--name", "UI 테스트", "--district", "경상남도 진주시"], check=True, capture_output=True)

    def seed_identity(self):
        """The SYNTHETIC registry, a test mobile-ID issuer (trusted at start) and one wallet (scripts/run-local.sh's recipe)."""
        central = os.path.join(BIN, "kiosk-central")
        wallet = os.path.join(BIN, "kiosk-wallet")
        subprocess.run([central, "registry", "seed", "--database", self.db, "--residents", "500", "--seed", "1"], check=True, capture_output=True)
        issuer = os.path.join(self.folder, "issuer.key")
        self.issuer_public = subprocess.run([wallet, "issuer-key", "--out", issuer], check=True, capture_output=True, text=True).stdout.strip()
        enrolled = json.loads(subprocess.run([central, "registry", "enrolled", "--database", self.db, "--json"], check=True, capture_output=True, text=True).stdout)
        self.wallet_resident = enrolled[1]
        self.wallet = os.path.join(self.folder, "wallet.json")
        subprocess.run([wallet, "issue", "--issuer-key", issuer, "--rrn", self.wallet_resident["residentNumber"], "--name", self.wallet_resident["name"],
                        "--out", self.wallet], check=True, capture_output=True)

    def start(self):
        log = open(os.path.join(self.folder, "central.log"), "wb")
        trusted = ["--trusted-issuer", f"https://mobile-id.test={self.issuer_public}"] if getattr(self, "issuer_public", None) else []
        self.process = subprocess.Popen([os.path.join(BIN, "kiosk-central"), "serve", "--listen", f"127.0.0.1:{self.port}", "--database", self.db, *trusted],
                                        stdout=log, stderr=log, start_new_session=True)
        for _ in range(200):
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)
        raise RuntimeError("kiosk-central did not start: " + open(os.path.join(self.folder, "central.log")).read())

    def entries(self, kind):
        """The entries of `kind` central holds, read from their stored canonical bytes (decode_entry)."""
        db = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            return [decode_entry(row[0]) for row in db.execute("SELECT canonical FROM central_entry WHERE kind = ?", (kind,))]
        except sqlite3.OperationalError:
            return []
        finally:
            db.close()

    def stop(self):
        if self.process:
            self.process.kill()
            self.process.wait()


class Kiosk:
    """A real kioskd (simulated devices, SAMPLE documents) serving the touchscreen from the checkout's ui/."""

    def __init__(self, folder, hours="24/7", idle=120, print_ms=6000, card_ms=4000, central=None, closing_soon=5, identity="synthetic"):
        self.folder = folder
        self.socket = os.path.join(folder, "control.sock")
        self.ledger = os.path.join(folder, "state", "ledger.sqlite3")
        sync = ""
        if central:
            key = os.path.join(folder, "kiosk.key")
            central.register("UI-TEST-01", key)
            sync = f'[sync]\nurl = "{central.url}"\nkey = "{key}"\n'
        # The in-process SYNTHETIC registry (invented residents) checks RRN + thumb; no mobile-ID service.
        # With identity = "central", kiosk-central's seeded registry and mobile-ID verifier answer (signed with the sync key).
        identity_table = "" if not identity else (
            '[identity]\nbackend = "central"\nattempts_before_mobile_id = 3\ncapture_timeout_seconds = 5\n' if identity == "central" else
            '[identity]\nbackend = "synthetic"\nsynthetic_seed = 1\nsynthetic_households = 200\n'
            'attempts_before_mobile_id = 3\ncapture_timeout_seconds = 5\n')
        source = "backend" if identity == "central" else "simulated"
        config = f"""
[kiosk]
id = "UI-TEST-01"
name = "UI 테스트 키오스크"
hours = "{hours}"
closing_soon_minutes = {closing_soon}
production = false
[state]
directory = "{folder}/state"
[catalog]
path = "{ROOT}/etc/catalog.toml"
[ui]
listen = "127.0.0.1:0"
root = "{ROOT}/ui"
voice_cache = "{folder}/voice-cache"
[control]
socket = "{self.socket}"
group = "root"
[ledger]
path = "{self.ledger}"
[session]
document_source = "{source}"
idle_timeout_seconds = {idle}
kiosk_number = 1
{identity_table}
{sync}
[devices.printer]
driver = "simulated"
print_ms = {print_ms}
[devices.fingerprint]
driver = "simulated"
place_ms = 300
[devices.cash]
driver = "simulated"
state = "{folder}/state/cash.json"
[devices.card]
driver = "simulated"
delay_ms = {card_ms}
"""
        self.config = os.path.join(folder, "kiosk.toml")
        with open(self.config, "w") as f:
            f.write(config)
        log = open(os.path.join(folder, "kioskd.log"), "wb")
        self.process = subprocess.Popen([os.path.join(BIN, "kioskd"), "--config", self.config], stdout=log, stderr=log, start_new_session=True)
        self.url = None
        for _ in range(300):
            if self.process.poll() is not None:
                break
            result = subprocess.run([os.path.join(BIN, "kioskctl"), "status", "--json", "--socket", self.socket], capture_output=True, text=True)
            if result.returncode == 0:
                url = json.loads(result.stdout).get("uiURL")
                if url and self.accepting_or_settled(url):
                    self.url = url
                    break
            time.sleep(0.1)
        if not self.url:
            self.stop()
            raise RuntimeError("kioskd did not start:\n" + open(os.path.join(folder, "kioskd.log")).read())

    @staticmethod
    def accepting_or_settled(url):
        try:
            with urllib.request.urlopen(url + "/api/v1/documents", timeout=2) as r:
                offer = json.load(r)
            return offer["acceptingSessions"] or "recovering" not in (offer.get("reason") or "")
        except (urllib.error.URLError, ConnectionError):
            return False

    @contextlib.contextmanager
    def simulated(self, fault):
        """`kioskctl simulate FAULT` for the body of the with-block, cleared afterwards even when it fails."""
        self.ctl("simulate", fault)
        try:
            yield
        finally:
            self.ctl("simulate", fault, "--clear")

    def ctl(self, *args, check=True):
        result = subprocess.run([os.path.join(BIN, "kioskctl"), *args, "--socket", self.socket], capture_output=True, text=True)
        if check and result.returncode != 0:
            raise AssertionError(f"kioskctl {' '.join(args)}: {result.stdout}{result.stderr}")
        return result

    def api(self, method, path, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                raw = r.read()
                return r.status, raw if not r.headers.get("Content-Type", "").startswith("application/json") else json.loads(raw)
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                return e.code, json.loads(raw)
            except ValueError:
                return e.code, raw

    def ledger_rows(self, kind):
        db = sqlite3.connect(f"file:{self.ledger}?mode=ro", uri=True)
        try:
            return db.execute("SELECT session_id, detail, amount FROM ledger_entry WHERE kind = ? ORDER BY sequence", (kind,)).fetchall()
        finally:
            db.close()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="session")
def workdir():
    with tempfile.TemporaryDirectory(prefix="kiosk-ui-") as folder:
        yield folder


@pytest.fixture(scope="session")
def central(workdir):
    folder = os.path.join(workdir, "central")
    os.makedirs(folder)
    c = Central(folder)
    yield c
    c.stop()


@pytest.fixture(scope="session")
def kiosk(workdir, central):
    folder = os.path.join(workdir, "kiosk")
    os.makedirs(folder)
    k = Kiosk(folder, central=central)
    central.start()
    k.ctl("cash", "refill", "--coin", "100=50", "--coin", "500=20")
    yield k
    k.stop()


@pytest.fixture
def make_kiosk(workdir):
    """Extra kioskd instances (other hours, short idle timeout); stopped after the test."""
    started = []

    def make(**kwargs):
        folder = tempfile.mkdtemp(dir=workdir)
        k = Kiosk(folder, **kwargs)
        started.append(k)
        return k

    yield make
    for k in started:
        k.stop()


@pytest.fixture(scope="session")
def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1080,1920", "--lang=ko-KR",
                     "--autoplay-policy=no-user-gesture-required", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


def synthetic_resident(finger_seed=1):
    """An enrolled resident of the synthetic registry whose thumb the simulated reader presents."""
    out = subprocess.run([os.path.join(BIN, "kioskctl"), "identity", "synthetic-residents", "--seed", "1", "--households", "200", "--json"],
                         check=True, capture_output=True, text=True).stdout
    return next(r for r in json.loads(out) if r.get("fingerSeed") == finger_seed)


def seoul_now():
    return datetime.datetime.now(SEOUL)


# ---- page helpers shared by the tests ----

def screen(driver):
    return driver.find_element(By.ID, "screen").get_attribute("data-screen")


def wait_screen(driver, *names, timeout=20):
    try:
        WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: screen(d) in names)
    except Exception:
        raise AssertionError(f"expected screen {names}, still on {screen(driver)!r}: {driver.find_element(By.ID, 'screen').text!r}")
    return screen(driver)


def text_of(driver, element_id, attempts=20):
    """The element's text; the page re-renders a screen when the session changes (e.g. money inserted),
    so an element found a moment ago may be replaced before its text is read: find it again."""
    for _ in range(attempts - 1):
        try:
            return driver.find_element(By.ID, element_id).text
        except StaleElementReferenceException:
            time.sleep(0.02)
    return driver.find_element(By.ID, element_id).text


def click(driver, element_id, timeout=10):
    WebDriverWait(driver, timeout, poll_frequency=0.1).until(
        lambda d: d.find_elements(By.ID, element_id) and d.find_element(By.ID, element_id).is_enabled())
    driver.find_element(By.ID, element_id).click()
