#!/usr/bin/env bash
# Browser tests of the resident's touchscreen (issue 10): Tests/UI/ with pytest + Selenium driving
# Debian's chromium + chromedriver headless against a real kioskd (simulated devices) and kiosk-central
# that the tests start. Builds nothing: it uses the products in .build/debug (`make build-tests` first).
# Installs what it needs: Debian packages from scripts/deps/ui.txt, Selenium and pytest into a venv
# under var/ui-venv, and the axe-playwright-python wheel (axe-core 4.x, MPL-2.0) into var/ui-wheels,
# from which the tests read axe.min.js (nothing third-party is committed).
# Screenshots go to docs/screens/, the log to var/ui-test.log.
set -euo pipefail
cd "$(dirname "$0")/.."
for product in kioskd kioskctl kiosk-central; do
  [ -x ".build/debug/$product" ] || { echo "ui-tests: .build/debug/$product is missing: run 'make build-tests' first"; exit 1; }
done
scripts/ensure-deps.sh ui
mkdir -p var
if [ ! -x var/ui-venv/bin/pytest ]; then
  python3 -m venv var/ui-venv
  var/ui-venv/bin/pip install -q "selenium>=4.20" "pytest>=8"
fi
if ! ls var/ui-wheels/axe_playwright_python-0.1.8-*.whl >/dev/null 2>&1; then
  var/ui-venv/bin/pip download -q --no-deps "axe-playwright-python==0.1.8" -d var/ui-wheels
fi
status=0
timeout --signal=KILL 1200 var/ui-venv/bin/pytest -p no:cacheprovider -q "${@:-Tests/UI}" 2>&1 | tee var/ui-test.log || status=$?
[ "$status" -eq 137 ] && echo "ui-tests: did not finish within 20 minutes (hung)"
exit "$status"
