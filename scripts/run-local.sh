#!/usr/bin/env bash
# `make run`: kiosk-central and kioskd (simulated devices, etc/kiosk.toml) on this machine; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/debug
mkdir -p var/lib var/run var/spool var/log
CENTRAL_LISTEN=${CENTRAL_LISTEN:-127.0.0.1:8090}

"$BIN/kioskd" --check-config --config etc/kiosk.toml

# The kiosk's signing key and its registration at the local central, once.
if [ ! -f var/lib/kiosk.key ]; then
  key=$("$BIN/kioskctl" keys init --key var/lib/kiosk.key | sed -n 's/^public key: //p')
  "$BIN/kiosk-central" kiosks add --database var/lib/central.sqlite --id JINJU-DEV-01 --public-key "$key" \
      --name "진주시청 민원실 1호기 (개발)" --district "경상남도 진주시" >/dev/null
fi
# The SYNTHETIC registry the identity back-end answers from, and a test mobile-ID issuer with one wallet, once.
if [ ! -f var/lib/registry.seeded ]; then
  "$BIN/kiosk-central" registry seed --database var/lib/central.sqlite --residents 500 --seed 1 >/dev/null
  touch var/lib/registry.seeded
fi
if [ ! -f var/lib/mobile-id-issuer.key ]; then
  "$BIN/kiosk-wallet" issuer-key --out var/lib/mobile-id-issuer.key > var/lib/mobile-id-issuer.pub
  demo=$("$BIN/kiosk-central" registry enrolled --database var/lib/central.sqlite --json \
    | python3 -c 'import json,sys; r=json.load(sys.stdin)[1]; print(r["residentNumber"], r["name"])')
  "$BIN/kiosk-wallet" issue --issuer-key var/lib/mobile-id-issuer.key --rrn "${demo%% *}" --name "${demo#* }" \
      --out var/lib/demo-wallet.json >/dev/null
fi

"$BIN/kiosk-central" serve --listen "$CENTRAL_LISTEN" --database var/lib/central.sqlite \
    --trusted-issuer "https://mobile-id.test=$(tr -d '\n' < var/lib/mobile-id-issuer.pub)" 2> var/log/kiosk-central.log &
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
  issue one      curl -X POST $ui/api/v1/sessions   (then /documents, /confirm, /pay: docs/openapi/kioskd-ui.yaml)
  technician     $BIN/kioskctl status --config etc/kiosk.toml
                 $BIN/kioskctl simulate paper-out --config etc/kiosk.toml
  identity       SYNTHETIC residents to type (the simulated reader presents thumb seed 1):
                 $BIN/kiosk-central registry enrolled --database var/lib/central.sqlite
  mobile ID      $BIN/kiosk-wallet present --wallet var/lib/demo-wallet.json --post --request '<the QR's openid4vp:// text>'
Logs: var/log/. Ctrl-C stops both.

MSG
wait "$kioskd"
