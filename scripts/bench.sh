#!/bin/sh
# make bench: every benchmark in release. The central ingest benchmark also measures PostgreSQL: this
# script starts a throwaway server (Tests/Fixtures/central/postgres.sh, fsync on, 127.0.0.1 on a free
# port), points KIOSK_BENCH_POSTGRES at it, and stops it afterwards. Arguments go to kiosk-bench
# (e.g. `central` for one group). The issue's full central scale is
# KIOSK_BENCH_CENTRAL_KIOSKS=1000 KIOSK_BENCH_CENTRAL_ENTRIES=10000 (minutes, ~10 GB of memory).
set -eu
cd "$(dirname "$0")/.."
dir=$(mktemp -u "${TMPDIR:-/tmp}/kiosk-bench-pg.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
if [ -z "${KIOSK_BENCH_POSTGRES:-}" ]; then
    trap 'sh Tests/Fixtures/central/postgres.sh stop "$dir"' EXIT INT TERM
    sh Tests/Fixtures/central/postgres.sh start "$dir" "$port" durable
    KIOSK_BENCH_POSTGRES="postgres://kiosk@127.0.0.1:$port/central"
    export KIOSK_BENCH_POSTGRES
fi
.build/release/kiosk-bench "$@"
