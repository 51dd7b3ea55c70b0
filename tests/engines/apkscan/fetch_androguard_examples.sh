#!/bin/sh
# Fetch Debian's androguard package and unpack its example APKs (used by the agreement tests and the
# benchmark). Idempotent: does nothing when the examples are already there.
#   tests/engines/apkscan/fetch_androguard_examples.sh [DEST]   (default /tmp/androguard-deb)
set -eu
DEST="${1:-/tmp/androguard-deb}"
EXAMPLES="$DEST/usr/share/doc/androguard/examples"
if [ -d "$EXAMPLES" ]; then
    echo "$EXAMPLES"
    exit 0
fi
command -v apt-get >/dev/null 2>&1 || { echo "apt-get not available: cannot fetch Debian's androguard examples" >&2; exit 3; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && apt-get download androguard >/dev/null)
mkdir -p "$DEST"
dpkg -x "$WORK"/androguard_*.deb "$DEST"
echo "$EXAMPLES"
