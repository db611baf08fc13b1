#!/usr/bin/env bash
# Runs every test suite (after `swift build --build-tests`). Swift Testing runs the suites in
# parallel; the suites start their real peers themselves (kioskd, kiosk-central, ippeveprinter,
# umockdev replays, PostgreSQL). The full log is kept in var/swift-test.log.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
# The whole run takes about a minute; a run still going after 20 minutes is hung: stop it and fail
# with a message rather than let it eat CI's 90 minutes.
status=0
timeout --signal=KILL 1200 swift test --skip-build 2>&1 | tee var/swift-test.log | grep -vE '^(◇|↳)|started\.$' || status=$?
if [ "$status" -ne 0 ]; then
  [ "$status" -eq 137 ] && echo "swift test did not finish within 20 minutes (hung); tests still running are the '◇ … started.' lines without a result in var/swift-test.log"
  exit "$status"
fi
# The touchscreen in a real browser (issue 10), after the Swift suites.
scripts/ui-tests.sh
