#!/bin/sh
# The Debian package, built and checked as people get it:
#   debpackage.sh <build dir> <scratch dir> <version> <cpack>
# Builds residesk_<version>_<arch>.deb with cpack from the (already built) build tree
# into <scratch dir>, checks its control fields (Depends worked out from the binary's
# libraries plus the few hand-listed run-time plugins, nothing empty), its maintainer
# scripts and conffiles, the files and their modes (binary, desktop entry, AppStream
# metadata, hicolor icons, the worker service, its system user and environment file),
# validates the installed desktop entry, metadata, unit and sysusers file with the
# tools of the distribution, unpacks it and runs the unpacked binary on a scratch
# SQLite database. Every tool it needs must be there: a missing one fails the test.
set -eu

if [ $# -ne 4 ]; then
    echo "usage: $0 <build dir> <scratch dir> <version> <cpack>" >&2
    exit 2
fi
build=$1
scratch=$2
version=$3
cpack=$4

failures=0
fail() {
    echo "debpackage: FAIL: $*" >&2
    exit 1
}
# A check that goes on to the next, so one run lists every problem.
problem() {
    echo "debpackage: FAIL: $*" >&2
    failures=$((failures + 1))
}
ok() {
    echo "debpackage: ok: $*"
}
need() {
    command -v "$1" >/dev/null 2>&1 ||
        fail "the tool $1 is missing (Debian 12: apt-get install $2; installer/setup.sh lists it)"
}

need dpkg-deb dpkg
need dpkg dpkg
need dpkg-shlibdeps dpkg-dev
need dpkg-architecture dpkg-dev
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need systemd-analyze systemd
need systemd-sysusers systemd
need readelf binutils
need python3 python3
need tar tar
need od coreutils
[ -x "$cpack" ] || fail "cpack is missing at $cpack"
[ -f "$build/CPackConfig.cmake" ] || fail "no CPackConfig.cmake in $build (configure the build first)"

arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
rm -rf "$scratch"
mkdir -p "$scratch/cpack" "$scratch/root" "$scratch/control" "$scratch/sysroot" "$scratch/home/data" \
    "$scratch/home/config" "$scratch/home/cache" "$scratch/runtime"
chmod 700 "$scratch/runtime"

# --- Build the package --------------------------------------------------------------
# cpack installs the built tree (it builds nothing) and runs dpkg-shlibdeps.
(cd "$build" && "$cpack" -G DEB -B "$scratch/cpack" --config "$build/CPackConfig.cmake") >"$scratch/cpack.log" 2>&1 || {
    cat "$scratch/cpack.log" >&2
    fail "cpack -G DEB failed (log above)"
}
deb="$scratch/cpack/residesk_${version}_${arch}.deb"
[ -f "$deb" ] || {
    ls -l "$scratch/cpack" >&2
    fail "cpack did not write $deb"
}
ok "built $(basename "$deb") ($(wc -c <"$deb") bytes)"
root="$scratch/root"
dpkg-deb -x "$deb" "$root" || fail "dpkg -x $deb failed"
[ -x "$root/usr/bin/residesk" ] || fail "the package has no executable /usr/bin/residesk"

# --- Control fields -------------------------------------------------------------------
dpkg-deb --info "$deb" >"$scratch/info.txt" || fail "dpkg-deb --info cannot read $deb"
cat "$scratch/info.txt"
dpkg-deb --field "$deb" >"$scratch/control.txt"
field() {
    dpkg-deb --field "$deb" "$1"
}
[ "$(field Package)" = residesk ] || problem "Package is \"$(field Package)\", not residesk"
[ "$(field Version)" = "$version" ] || problem "Version is \"$(field Version)\", not $version"
[ "$(field Architecture)" = "$arch" ] || problem "Architecture is \"$(field Architecture)\", not $arch"
for name in Maintainer Description Section Priority Depends Installed-Size; do
    [ -n "$(field "$name")" ] || problem "the field $name is missing or empty"
done
# A CMake list where a string was meant shows as ";" (the description has none).
case "$(field Description)" in
*";"*) problem "the Description holds a \";\" (a CMake list joined): $(field Description)" ;;
esac
# No field without a value (a continuation line of Description starts with a space).
if grep -nE '^[A-Za-z0-9-]+:[[:space:]]*$' "$scratch/control.txt" >"$scratch/empty.txt"; then
    problem "empty control fields: $(tr '\n' ' ' <"$scratch/empty.txt")"
fi
# No empty entry in a relation field (", ," or a trailing comma).
for name in Depends Recommends; do
    value=$(field "$name")
    case "$value" in
    *", ,"* | *",," | *"," | ","*) problem "$name has an empty entry: $value" ;;
    esac
done

# Depends, one package name per entry (alternatives and versions dropped).
field Depends | tr ',' '\n' | sed -e 's/([^)]*)//g' -e 's/|.*//' -e 's/[[:space:]]//g' -e '/^$/d' |
    sort >"$scratch/depends.txt"
echo "debpackage: Depends: $(tr '\n' ' ' <"$scratch/depends.txt")"
duplicates=$(uniq -d "$scratch/depends.txt")
[ -z "$duplicates" ] || problem "Depends names these more than once: $duplicates"

# Listed by hand: what dpkg-shlibdeps cannot see (installer/CMakeLists.txt).
hand="libqt6sql6-sqlite libqt6sql6-psql libsecret-1-0 qt6-translations-l10n libqt6svg6"
for package in $hand; do
    grep -qx "$package" "$scratch/depends.txt" || problem "Depends lacks $package (loaded at run time)"
done

# Correct: every library the binary links comes from a package in Depends.
readelf -d "$root/usr/bin/residesk" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u >"$scratch/needed.txt"
[ -s "$scratch/needed.txt" ] || fail "readelf found no NEEDED libraries in the packaged residesk"
: >"$scratch/owners.txt"
while read -r soname; do
    # "libstdc++6:amd64: /usr/lib/x86_64-linux-gnu/libstdc++.so.6", from the library folders only.
    owner=$(dpkg -S "*/$soname" 2>/dev/null | awk -v so="$soname" -v ma="$multiarch" '
        $NF == "/lib/" ma "/" so || $NF == "/usr/lib/" ma "/" so || $NF == "/lib/" so || $NF == "/usr/lib/" so {
            split($1, name, ":"); print name[1]; exit
        }') || true
    if [ -z "$owner" ]; then
        problem "no installed package holds $soname, which residesk links"
        continue
    fi
    echo "$owner" >>"$scratch/owners.txt"
    # The library's package, or a name it provides (shlibs files may name a virtual
    # package: libphonenumber8 provides libphonenumber8-protobuf32).
    provides=$(dpkg-query -W -f='${Provides}' "$owner" 2>/dev/null | tr ',' '\n' |
        sed -e 's/([^)]*)//g' -e 's/[[:space:]]//g' -e '/^$/d')
    for name in $provides; do echo "$name" >>"$scratch/owners.txt"; done
    found=0
    for name in $owner $provides; do
        if grep -qx "$name" "$scratch/depends.txt"; then found=1; fi
    done
    [ "$found" = 1 ] || problem "residesk links $soname (package $owner), but Depends lacks $owner"
done <"$scratch/needed.txt"
ok "every linked library's package is in Depends ($(sort -u "$scratch/owners.txt" | wc -l) packages)"

# Minimal: nothing else in Depends besides the hand-listed run-time plugins.
sort -u "$scratch/owners.txt" >"$scratch/owners.sorted"
for package in $hand; do echo "$package"; done | sort >"$scratch/hand.sorted"
sort -u "$scratch/owners.sorted" "$scratch/hand.sorted" >"$scratch/expected.txt"
extra=$(comm -23 "$scratch/depends.txt" "$scratch/expected.txt" | tr '\n' ' ')
[ -z "$extra" ] || problem "Depends names packages the binary neither links nor loads: $extra"

# --- Maintainer scripts and conffiles ------------------------------------------------------
dpkg-deb --control "$deb" "$scratch/control" || fail "dpkg-deb --control cannot unpack the control area"
dpkg-deb --ctrl-tarfile "$deb" | tar -tvf - >"$scratch/control-listing.txt"
for script in postinst prerm postrm; do
    [ -f "$scratch/control/$script" ] || {
        problem "the package has no $script"
        continue
    }
    grep -q "^-rwxr-xr-x root/root .* \./$script\$" "$scratch/control-listing.txt" ||
        problem "$script is not mode 0755 root/root: $(grep "$script" "$scratch/control-listing.txt")"
    head -n 1 "$scratch/control/$script" | grep -qx '#!/bin/sh' || problem "$script does not start with #!/bin/sh"
    grep -qx 'set -e' "$scratch/control/$script" || problem "$script lacks set -e"
    sh -n "$scratch/control/$script" || problem "$script is not valid sh"
    if grep -q '#DEBHELPER#' "$scratch/control/$script"; then problem "$script holds a #DEBHELPER# token"; fi
done
grep -q 'systemd-sysusers' "$scratch/control/postinst" || problem "postinst does not run systemd-sysusers"
if grep -qE 'systemctl (--system )?enable|deb-systemd-helper enable' "$scratch/control/postinst"; then
    problem "postinst enables the worker service (it must wait for worker.env)"
fi
[ "$(cat "$scratch/control/conffiles" 2>/dev/null)" = /etc/residesk/worker.env ] ||
    problem "conffiles is not exactly /etc/residesk/worker.env: $(cat "$scratch/control/conffiles" 2>/dev/null)"
ok "maintainer scripts and conffiles"

# --- Files and modes -----------------------------------------------------------------
dpkg-deb --contents "$deb" >"$scratch/contents.txt" || fail "dpkg-deb --contents failed"
# expect <mode> <path>: the package holds <path> with <mode>, owned by root.
expect() {
    line=$(awk -v p="./$2" '$6 == p' "$scratch/contents.txt")
    if [ -z "$line" ]; then
        problem "the package lacks /$2"
        return
    fi
    mode=$(echo "$line" | awk '{print $1}')
    owner=$(echo "$line" | awk '{print $2}')
    [ "$mode" = "$1" ] || problem "/$2 has mode $mode, not $1"
    [ "$owner" = root/root ] || problem "/$2 belongs to $owner, not root/root"
}
icon=org.residesk.Residesk
sizes="16 22 24 32 48 64 128 256"
expect -rwxr-xr-x usr/bin/residesk
expect -rw-r--r-- usr/share/applications/residesk.desktop
expect -rw-r--r-- usr/share/metainfo/$icon.metainfo.xml
expect -rw-r--r-- usr/share/icons/hicolor/scalable/apps/$icon.svg
for size in $sizes; do
    expect -rw-r--r-- "usr/share/icons/hicolor/${size}x$size/apps/$icon.png"
done
expect -rw-r--r-- usr/lib/systemd/system/residesk-worker.service
expect -rw-r--r-- usr/lib/sysusers.d/residesk.conf
expect -rw-r----- etc/residesk/worker.env
if grep -E '(^| )\./(usr/)?(local|home|work|tmp)/' "$scratch/contents.txt"; then
    problem "the package holds files outside the usual places (above)"
fi
ok "files and modes"

# --- The unpacked tree: icons, desktop entry, AppStream metadata -------------------------
# PNG sizes: the width and height in the IHDR chunk (bytes 16 to 23, big-endian).
for size in $sizes; do
    png="$root/usr/share/icons/hicolor/${size}x$size/apps/$icon.png"
    [ -f "$png" ] || continue
    signature=$(od -An -tx1 -N8 "$png" | tr -d ' \n')
    [ "$signature" = 89504e470d0a1a0a ] || problem "$png is not a PNG file"
    dimensions=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
    [ "$dimensions" = "${size}x$size" ] || problem "$png is $dimensions pixels, not ${size}x$size"
done
grep -q '<svg' "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" || problem "the scalable icon is not SVG"

desktop="$root/usr/share/applications/residesk.desktop"
desktop-file-validate "$desktop" >"$scratch/dfv.txt" 2>&1 || true
if [ -s "$scratch/dfv.txt" ]; then
    cat "$scratch/dfv.txt" >&2
    problem "desktop-file-validate finds problems in the installed residesk.desktop (above)"
fi
grep -qx "Icon=$icon" "$desktop" || problem "residesk.desktop does not say Icon=$icon"
grep -qx "Exec=residesk" "$desktop" || problem "residesk.desktop does not run residesk"

metainfo="$root/usr/share/metainfo/$icon.metainfo.xml"
if ! appstreamcli validate --no-net --no-color "$metainfo" >"$scratch/appstream.txt" 2>&1; then
    cat "$scratch/appstream.txt" >&2
    problem "appstreamcli validate fails on the installed metainfo (above)"
fi
# Warnings and infos count too; only the pedantic hint about the upper-case id (the id
# is the reverse-DNS name of the application, as its icon and D-Bus name) is accepted.
if grep -E '^[EWI]:' "$scratch/appstream.txt"; then
    problem "appstreamcli validate reports the issues above"
fi
if ! appstreamcli validate-tree --no-net --no-color "$root" >"$scratch/appstream-tree.txt" 2>&1; then
    cat "$scratch/appstream-tree.txt" >&2
    problem "appstreamcli validate-tree fails on the unpacked package (above)"
fi
python3 - "$metainfo" "$version" "$icon" <<'EOF' || problem "the metainfo's release, launchable or icon is wrong (above)"
import sys
import xml.etree.ElementTree as ET
path, version, icon = sys.argv[1:]
root = ET.parse(path).getroot()
problems = []
releases = root.findall("./releases/release")
if not releases or releases[0].get("version") != version:
    problems.append("the newest release is %r, not %s" % (releases[0].get("version") if releases else None, version))
if [l.text for l in root.findall("./launchable")] != ["residesk.desktop"]:
    problems.append("the launchable is not residesk.desktop")
if root.findtext("./icon") != icon:
    problems.append("the icon is not %s" % icon)
if root.find("./content_rating") is None:
    problems.append("no content_rating")
for p in problems:
    print("debpackage: metainfo: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
ok "desktop entry and AppStream metadata"

# --- The worker service ---------------------------------------------------------------
unit="$root/usr/lib/systemd/system/residesk-worker.service"
# shellcheck disable=SC2016 # the unit's own $RESIDESK_WORKER_ARGS, literally
grep -qx 'ExecStart=/usr/bin/residesk worker $RESIDESK_WORKER_ARGS' "$unit" || problem "the unit does not run residesk worker"
grep -qx 'EnvironmentFile=/etc/residesk/worker.env' "$unit" || problem "the unit does not read /etc/residesk/worker.env"
for setting in User=residesk KillSignal=SIGTERM Restart=on-failure NoNewPrivileges=yes ProtectSystem=strict \
    ProtectHome=yes PrivateTmp=yes StateDirectory=residesk; do
    grep -qx "$setting" "$unit" || problem "the unit lacks $setting"
done
stop=$(sed -n 's/^TimeoutStopSec=\([0-9]*\)s\{0,1\}$/\1/p' "$unit")
# The engine gives running jobs 10 s to reach a checkpoint (tasks/jobengine.h).
if [ -z "$stop" ] || [ "$stop" -lt 15 ] || [ "$stop" -gt 120 ]; then
    problem "TimeoutStopSec is \"$stop\", not 15 to 120 s"
fi
# systemd-analyze verify checks the unit's syntax, its settings and its dependencies
# against this machine's units, and that ExecStart's binary exists: a copy whose
# ExecStart names the unpacked binary (this machine has no /usr/bin/residesk).
mkdir -p "$scratch/units"
sed "s#^ExecStart=/usr/bin/residesk #ExecStart=$root/usr/bin/residesk #" "$unit" >"$scratch/units/residesk-worker.service"
if ! systemd-analyze verify "$scratch/units/residesk-worker.service" >"$scratch/verify.txt" 2>&1; then
    cat "$scratch/verify.txt" >&2
    problem "systemd-analyze verify fails on residesk-worker.service (above)"
elif grep 'residesk-worker' "$scratch/verify.txt"; then
    problem "systemd-analyze verify warns about residesk-worker.service (above)"
fi
# The hardening, as systemd rates it (0 safe … 10 exposed).
systemd-analyze security --offline=true --root="$root" residesk-worker.service >"$scratch/security.txt" 2>&1 || true
exposure=$(sed -n 's/.*Overall exposure level for residesk-worker.service: \([0-9.]*\).*/\1/p' "$scratch/security.txt")
if [ -z "$exposure" ]; then
    cat "$scratch/security.txt" >&2
    problem "systemd-analyze security gives no exposure level (above)"
elif ! python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= 3.0 else 1)" "$exposure"; then
    problem "the worker service's exposure level is $exposure (more than 3.0: OK)"
else
    ok "systemd-analyze security: exposure $exposure"
fi

# The sysusers file creates the user and group (into a scratch root's /etc).
mkdir -p "$scratch/sysroot/etc"
systemd-sysusers --root="$scratch/sysroot" "$root/usr/lib/sysusers.d/residesk.conf" >"$scratch/sysusers.txt" 2>&1 || {
    cat "$scratch/sysusers.txt" >&2
    problem "systemd-sysusers fails on residesk.conf (above)"
}
passwd_line=$(grep '^residesk:' "$scratch/sysroot/etc/passwd" 2>/dev/null || true)
case "$passwd_line" in
residesk:x:*:*:Residesk\ worker:/var/lib/residesk:/usr/sbin/nologin) ;;
*) problem "systemd-sysusers made the user \"$passwd_line\", not residesk with home /var/lib/residesk and no shell" ;;
esac
grep -q '^residesk:' "$scratch/sysroot/etc/group" 2>/dev/null || problem "systemd-sysusers made no group residesk"
uid=$(echo "$passwd_line" | cut -d: -f3)
if [ -z "$uid" ] || [ "$uid" -ge 1000 ]; then
    problem "the user residesk is not a system user (uid \"$uid\")"
fi

# The environment file: comments only, documenting each key.
env="$root/etc/residesk/worker.env"
for key in RESIDESK_DATABASE RESIDESK_USER RESIDESK_DB_PASSWORD RESIDESK_WORKER_ARGS; do
    grep -q "^#$key=" "$env" || problem "worker.env does not document $key"
done
if grep -vE '^(#.*)?$' "$env"; then problem "worker.env sets values (above); it ships commented"; fi
ok "worker service, system user and environment file"

# --- The unpacked binary ---------------------------------------------------------------
binary="$root/usr/bin/residesk"
if readelf -d "$binary" | grep -E 'RPATH|RUNPATH'; then
    problem "the packaged binary keeps a run path (above); it must link the system's libraries"
fi
export QT_QPA_PLATFORM=offscreen
export HOME="$scratch/home"
export XDG_DATA_HOME="$scratch/home/data"
export XDG_CONFIG_HOME="$scratch/home/config"
export XDG_CACHE_HOME="$scratch/home/cache"
export XDG_RUNTIME_DIR="$scratch/runtime"
unset RESIDESK_DATABASE RESIDESK_USER RESIDESK_DB_PASSWORD || true
database="sqlite://$scratch/t.db"

out=$("$binary" --version) || fail "the unpacked residesk --version failed"
[ "$out" = "residesk $version" ] || problem "residesk --version says \"$out\", not \"residesk $version\""
"$binary" --database "$database" seed-demo --residents 20 --seed 1 >"$scratch/seed.txt" 2>&1 || {
    cat "$scratch/seed.txt" >&2
    fail "the unpacked residesk seed-demo failed (above)"
}
"$binary" --database "$database" residents list --json >"$scratch/residents.json" 2>"$scratch/residents.err" || {
    cat "$scratch/residents.err" >&2
    fail "the unpacked residesk residents list --json failed (above)"
}
python3 - "$scratch/residents.json" <<'EOF' || problem "residents list --json did not list the 20 seeded residents (above)"
import json
import sys
data = json.load(open(sys.argv[1]))
rows = data if isinstance(data, list) else next((v for v in data.values() if isinstance(v, list)), [])
ids = {r.get("student_id") for r in rows if isinstance(r, dict)}
ids.discard(None)
print("debpackage: residents listed: %d" % len(ids))
sys.exit(0 if len(ids) == 20 else 1)
EOF
# The service's command, once: runs what is runnable and exits with 0.
if ! timeout 120 "$binary" --database "$database" worker --once >"$scratch/worker.txt" 2>&1; then
    cat "$scratch/worker.txt" >&2
    problem "the unpacked residesk worker --once failed (above)"
fi
ok "the unpacked binary runs"

if [ "$failures" -ne 0 ]; then
    echo "debpackage: $failures problem(s); the files are in $scratch" >&2
    exit 1
fi
echo "debpackage: all checks passed"
