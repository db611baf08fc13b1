#!/usr/bin/env bash
# Runs every test suite (after `swift build --build-tests`). Swift Testing runs the suites in
# parallel; the suites start their real peers themselves (kioskd, kiosk-central, ippeveprinter,
# umockdev replays, PostgreSQL). The full log is kept in var/swift-test.log.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
swift test --skip-build 2>&1 | tee var/swift-test.log | grep -vE '^(◇|↳)|started\.$'
