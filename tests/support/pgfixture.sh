#!/bin/sh
# Starts or stops a throwaway PostgreSQL server for the test suite.
#   pgfixture.sh start DIR   -> initdb in DIR, start on a free loopback port, write DIR/url
#                               (the superuser's) and DIR/pgpass (the test people's passwords)
#   pgfixture.sh stop DIR    -> stop the server and remove DIR
#   pgfixture.sh pause DIR   -> stop the server, keeping its data (an outage)
#   pgfixture.sh resume DIR  -> start it again on the same port
# RESIDESK_PG_OPTIONS, when set, is appended to the server's options (later ones win), e.g.
#   RESIDESK_PG_OPTIONS='-c max_connections=400 -c fsync=on -c synchronous_commit=on -c full_page_writes=on'
# (the benchmark scale_university: 200 listeners and PostgreSQL's durable defaults).
# Runs as root (through the postgres account, as initdb refuses root) or as any other user.
set -eu
action=$1
dir=$2
bindir=${RESIDESK_PG_BINDIR:-}
if [ -z "$bindir" ]; then
    for candidate in /usr/lib/postgresql/*/bin; do bindir=$candidate; done
fi
if [ ! -x "$bindir/initdb" ]; then
    echo "pgfixture: no PostgreSQL server binaries (initdb) found; install the postgresql package" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_server() {
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $(cat "$dir/port") -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${RESIDESK_PG_OPTIONS:-}" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
}

case "$action" in
start)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
        chown postgres:postgres "$dir"
        # Every parent must be traversable by the postgres account.
        p=$(dirname "$dir")
        while [ "$p" != / ]; do chmod o+x "$p" 2>/dev/null || true; p=$(dirname "$p"); done
    fi
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # The superuser signs in without a password (the installer's and the fixtures' own
    # work); everybody else, the test people above all, with a SCRAM password.
    cat >"$dir/data/pg_hba.conf" <<'HBA'
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir/data/pg_hba.conf"; fi
    port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "$port" >"$dir/port"
    # The test people's passwords (tests/support/testdatabase.cpp creates the roles),
    # for libpq through PGPASSFILE: no password on any command line or in any URL.
    : >"$dir/pgpass"
    chmod 600 "$dir/pgpass"
    for person in rt_admin rt_housing rt_vet rt_worker; do
        echo "127.0.0.1:$port:*:$person:$person-pw-5e81c3" >>"$dir/pgpass"
    done
    start_server
    echo "postgresql://postgres@127.0.0.1:$port/postgres?sslmode=disable" >"$dir/url"
    echo "pgfixture: PostgreSQL on 127.0.0.1:$port ($dir)"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
pause)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
resume)
    start_server
    ;;
*)
    echo "usage: pgfixture.sh start|stop|pause|resume DIR" >&2
    exit 2
    ;;
esac
