#!/bin/sh
# postgres.sh start DIR PORT [durable]
#                              — a throwaway PostgreSQL server (Debian's postgresql package) in DIR on
#                                127.0.0.1:PORT with user `kiosk` (trust) and an empty database `central`;
#                                run as `postgres` when called as root. DIR must not exist yet. Tests run
#                                it with fsync off; `durable` keeps PostgreSQL's fsync on (benchmarks).
# postgres.sh stop DIR         — stops it at once and removes DIR.
set -eu
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (scripts/ensure-deps.sh central installs it)" >&2; exit 2; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $1 in
start)
    dir=$2 port=$3 fsync=off
    if [ "${4:-}" = durable ]; then fsync=on; fi
    mkdir -m 700 "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
    as_pg "$bin/initdb" -D "$dir/data" -U kiosk -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=$fsync" start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U kiosk central
    ;;
stop)
    as_pg "$bin/pg_ctl" -D "$2/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$2"
    ;;
*)
    echo "usage: postgres.sh start DIR PORT [durable] | stop DIR" >&2
    exit 2
    ;;
esac
