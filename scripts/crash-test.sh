#!/bin/sh
# make crash-test: the crash test with >= 100 kill -9s of a real kioskd (see Tests/KioskDaemonTests/CrashTests.swift).
# Ends with the line `crash-test: kills=N issuances=M lost=0 double-charged=0 unresolved=0 chain=ok`.
set -eu
cd "$(dirname "$0")/.."
KILLS="${CRASH_TEST_KILLS:-100}"
swift build --build-tests
CRASH_TEST_KILLS="$KILLS" swift test --skip-build --filter 'CrashTests' 2>&1 | tee .build/crash-test.log
grep -E '^crash-test coverage:' .build/crash-test.log || true
grep -E '^crash-test: kills=[0-9]+ issuances=[0-9]+ lost=0 double-charged=0 unresolved=0 chain=ok$' .build/crash-test.log | tail -1
