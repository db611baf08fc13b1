#!/usr/bin/env bash
# Runs every test suite after `swift build --build-tests`. Each suite prints its own summary.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
swift test --skip-build --parallel --num-workers 2 2>&1 | tee var/swift-test.log | grep -vE '^(◇|↳)' || { echo "swift test failed"; exit 1; }
