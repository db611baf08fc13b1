#!/bin/sh
# make crash-test: the crash test with >= 100 kill -9s of a real kioskd (see Tests/KioskDaemonTests/CrashTests.swift).
# Ends with the line `crash-test: kills=N issuances=M lost=0 double-charged=0 unresolved=0 chain=ok`;
# exits non-zero when the test fails (any count non-zero, broken chain, cash box out of balance).
set -u
cd "$(dirname "$0")/.."
KILLS="${CRASH_TEST_KILLS:-100}"
swift build --build-tests || exit 1
mkdir -p .build
CRASH_TEST_KILLS="$KILLS" swift test --skip-build --filter 'CrashTests' > .build/crash-test.log 2>&1
status=$?
grep -v '^crash-test' .build/crash-test.log
grep -E '^crash-test coverage:' .build/crash-test.log
grep -E '^crash-test: ' .build/crash-test.log | tail -1
[ "$status" -eq 0 ] || { echo "crash-test: FAILED (swift test exit $status)" >&2; exit 1; }
grep -qE '^crash-test: kills=[0-9]+ issuances=[0-9]+ lost=0 double-charged=0 unresolved=0 chain=ok$' .build/crash-test.log
