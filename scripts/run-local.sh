#!/usr/bin/env bash
# `make run`: kiosk-central and kioskd (simulated devices, etc/kiosk.toml) on this machine; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/debug
mkdir -p var/lib var/run var/spool var/log
CENTRAL_LISTEN=${CENTRAL_LISTEN:-127.0.0.1:8090}

"$BIN/kioskd" --check-config --config etc/kiosk.toml

"$BIN/kiosk-central" serve --listen "$CENTRAL_LISTEN" 2> var/log/kiosk-central.log &
central=$!
"$BIN/kioskd" --config etc/kiosk.toml 2> >(tee var/log/kioskd.log >&2) &
kioskd=$!

stop() {
  trap - INT TERM EXIT
  echo
  echo "stopping kioskd and kiosk-central"
  kill -TERM "$kioskd" "$central" 2>/dev/null || true
  wait "$kioskd" "$central" 2>/dev/null || true
}
trap stop INT TERM EXIT

for _ in $(seq 1 100); do
  "$BIN/kioskctl" status --config etc/kiosk.toml >/dev/null 2>&1 && break
  sleep 0.1
done
ui=$("$BIN/kioskctl" status --config etc/kiosk.toml --json | sed -n 's/.*"uiURL" *: *"\([^"]*\)".*/\1/p')
cat <<MSG

kioskd is running with simulated devices.
  UI and API     $ui        (health: $ui/healthz, metrics: $ui/metrics)
  kiosk-central  http://$CENTRAL_LISTEN   (health: http://$CENTRAL_LISTEN/healthz)
  technician     $BIN/kioskctl status --config etc/kiosk.toml
                 $BIN/kioskctl simulate paper-out --config etc/kiosk.toml
Logs: var/log/. Ctrl-C stops both.

MSG
wait "$kioskd"
