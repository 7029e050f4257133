#!/bin/sh
# Residesk set-up: installs the build dependencies (Debian 12), builds into ./build
# and then either starts the application or runs the test suite. Safe to run again:
# apt-get is skipped when everything is installed, and the build is incremental.
#
#   installer/setup.sh run    build, put demo data into an empty default database, start Residesk
#   installer/setup.sh test   build, run the whole test suite (ctest); non-zero on any failure
#
# Environment: BUILD_DIR (default ./build), JOBS (default: number of CPUs),
# TEST_TIMEOUT (seconds for the whole suite, default 3600).
set -eu

usage() {
    echo "usage: $0 run|test" >&2
    exit 2
}
[ $# -eq 1 ] || usage
action=$1
case "$action" in run|test) ;; *) usage ;; esac

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=${JOBS:-$(nproc)}

# Everything the build, the app and the test suite need, from Debian 12.
packages="build-essential cmake ninja-build pkg-config ccache \
 qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-l10n-tools qt6-translations-l10n qt6-pdf-dev \
 qt6-charts-dev qt6-svg-dev qcoro-qt6-dev qtkeychain-qt6-dev libqt6sql6-psql libqt6sql6-sqlite \
 libsodium-dev libcurl4-openssl-dev libxkbcommon-dev fonts-dejavu-core xvfb xauth dbus gnome-keyring \
 libpq-dev libsqlite3-dev zlib1g-dev postgresql postgresql-client poppler-utils qpdf python3-aiosmtpd openssl libsecret-1-0 \
 dpkg-dev desktop-file-utils appstream systemd libphonenumber-dev"

missing=""
for p in $packages; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "setup: installing:$missing"
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y $missing
else
    echo "setup: all packages are installed"
fi

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
fi
cmake --build "$build" -j "$jobs"

case "$action" in
run)
    residesk="$build/app/residesk"
    # Demo data only if the (default, or RESIDESK_DATABASE) database has no residents yet.
    if "$residesk" residents list --json 2>/dev/null | grep -q '"student_id"'; then
        echo "setup: the database already has residents; not adding demo data"
    else
        # A housing office and a lab that look like a working day (some reports are
        # finalized by the window's engine once it starts).
        "$residesk" seed-demo --residents 300 --protocols 200
    fi
    exec "$residesk"
    ;;
test)
    timeout_s=${TEST_TIMEOUT:-3600}
    # ctest's own --timeout bounds each test; `timeout` bounds the whole run.
    timeout "$timeout_s" ctest --test-dir "$build" --output-on-failure -j2 --timeout 900
    ;;
esac
