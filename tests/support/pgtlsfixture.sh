#!/bin/sh
# Starts or stops a throwaway PostgreSQL server that speaks TLS only, with a CA of its own:
#   pgtlsfixture.sh start DIR  -> DIR/ca.crt (the CA that signed the server's certificate,
#                                 for sslrootcert), DIR/other-ca.crt (a CA that signed
#                                 nothing of it), DIR/port, and the login role rt_tls
#                                 whose SCRAM password is in DIR/password
#   pgtlsfixture.sh stop DIR   -> stop the server and remove DIR
# The server's certificate names 127.0.0.1 and localhost (verify-full); pg_hba.conf
# accepts people only over TLS ("hostssl"), the superuser only on the Unix socket.
set -eu
action=$1
dir=$2
bindir=${RESIDESK_PG_BINDIR:-}
if [ -z "$bindir" ]; then
    for candidate in /usr/lib/postgresql/*/bin; do bindir=$candidate; done
fi
for tool in "$bindir/initdb" "$bindir/pg_ctl" "$bindir/psql"; do
    if [ ! -x "$tool" ]; then
        echo "pgtlsfixture: $tool is missing; install the postgresql package" >&2
        exit 1
    fi
done
if ! command -v openssl >/dev/null 2>&1; then
    echo "pgtlsfixture: openssl is missing (Debian package openssl)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir/tls"
    # A CA, a server certificate it signs (127.0.0.1 and localhost), and another CA.
    (
        cd "$dir/tls"
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Residesk test CA" \
            -keyout ca.key -out ca.crt 2>/dev/null
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Some other CA" \
            -keyout other-ca.key -out other-ca.crt 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >server.ext
        openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
            -extfile server.ext -out server.crt 2>/dev/null
        chmod 600 server.key
    )
    cp "$dir/tls/ca.crt" "$dir/tls/other-ca.crt" "$dir/"
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres:postgres "$dir"
        p=$(dirname "$dir")
        while [ "$p" != / ]; do chmod o+x "$p" 2>/dev/null || true; p=$(dirname "$p"); done
    fi
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >"$dir/data/pg_hba.conf" <<'HBA'
local all postgres trust
hostssl all all 127.0.0.1/32 scram-sha-256
HBA
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir/data/pg_hba.conf"; fi
    port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "$port" >"$dir/port"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c ssl=on -c ssl_cert_file=$dir/tls/server.crt -c ssl_key_file=$dir/tls/server.key" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    # The password goes to psql on its standard input, never on a command line.
    password="rt_tls-pw-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
    printf '%s\n' "$password" >"$dir/password"
    chmod 644 "$dir/password"
    printf "CREATE ROLE rt_tls LOGIN PASSWORD '%s';\n" "$password" \
        | as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres -f - >/dev/null
    echo "pgtlsfixture: PostgreSQL with TLS on 127.0.0.1:$port ($dir)"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: pgtlsfixture.sh start|stop DIR" >&2
    exit 2
    ;;
esac
