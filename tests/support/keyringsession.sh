#!/bin/sh
# Runs a command in a D-Bus session of its own with a GNOME keyring that offers only
# the secret service, unlocked with an empty password, in a throwaway home:
#   keyringsession.sh <command> [args...]
# The keyring is not optional: if D-Bus or the keyring cannot start, or the secret
# service does not appear on the bus, this fails (exit 1) and says why — a test run
# through it never skips silently.
set -eu

for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "keyringsession.sh: $tool is missing (Debian packages dbus and gnome-keyring)" >&2
        exit 1
    fi
done

KEYRING_HOME=$(mktemp -d)
trap 'rm -rf "$KEYRING_HOME"' EXIT
export KEYRING_HOME

dbus-run-session -- sh -c '
    set -eu
    export HOME="$KEYRING_HOME" XDG_DATA_HOME="$KEYRING_HOME/data" XDG_CACHE_HOME="$KEYRING_HOME/cache"
    if ! printf "keyring-test\n" | gnome-keyring-daemon --unlock --components=secrets >"$KEYRING_HOME/keyring.env" 2>"$KEYRING_HOME/keyring.log"; then
        echo "keyringsession.sh: gnome-keyring-daemon did not start:" >&2
        cat "$KEYRING_HOME/keyring.log" >&2
        exit 1
    fi
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ]; then
            echo "keyringsession.sh: the secret service (org.freedesktop.secrets) did not appear on the session bus" >&2
            cat "$KEYRING_HOME/keyring.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    "$@"
' keyringsession "$@"
