#!/usr/bin/env bash
# Make sure Debian's Chromium and its chromedriver are installed: the api-gateway console's
# browser tests (ConsoleBrowserIT) drive them headless. Idempotent; used by `.ci/run`.
#
#   - both present                      -> nothing to do
#   - missing                           -> apt-get install chromium chromium-driver (Debian, needs root)
#
# The tests never download a browser or a driver (Selenium Manager stays off); they take the paths
# below, or INFERSCALE_CHROMIUM / INFERSCALE_CHROMEDRIVER when set.
set -euo pipefail

CHROMIUM="${INFERSCALE_CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${INFERSCALE_CHROMEDRIVER:-/usr/bin/chromedriver}"

say() { printf '[chromium] %s\n' "$*"; }
fail() {
    printf '[chromium] error: %s\n' "$*" >&2
    exit 1
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        fail "need root for: $* (run as root or install sudo)"
    fi
}

if [[ ! -x "$CHROMIUM" || ! -x "$CHROMEDRIVER" ]]; then
    command -v apt-get >/dev/null 2>&1 ||
        fail "Chromium or chromedriver is missing ($CHROMIUM, $CHROMEDRIVER) and apt-get is not available"
    say "not installed: apt-get install chromium chromium-driver"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi
[[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]] || fail "still missing after the install: $CHROMIUM, $CHROMEDRIVER"
# The Debian wrapper script prints a harmless shell warning on some kernels; only the version matters.
say "$("$CHROMIUM" --version 2>/dev/null) / $("$CHROMEDRIVER" --version 2>/dev/null | cut -d' ' -f1-2)"
