#!/usr/bin/env bash
# Set up Briefing from a clean clone: the Debian libraries Qt needs (when missing and we can
# install them), a virtual environment in .venv, and the exact locked Python packages.
#   scripts/setup.sh          the app
#   scripts/setup.sh --test   the app and the test tools
set -euo pipefail
cd "$(dirname "$0")/.."

lock=requirements.lock
[ "${1:-}" = "--test" ] && lock=requirements-test.lock

# Qt's xcb/offscreen platform plugins load these at run time; fonts so text has glyphs.
debs=(libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
      fonts-dejavu-core)
python3 -c "import ensurepip" 2>/dev/null || debs+=(python3-venv)
# The accessibility test (tests/a11y) runs the app on its own X server and D-Bus session and reads it
# through AT-SPI with Debian's pyatspi, which only the system Python has.
[ "${1:-}" = "--test" ] && debs+=(xvfb dbus at-spi2-core python3-pyatspi)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages Qt needs: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Note: these Debian packages are missing and need root to install: ${missing[*]}" >&2
    echo "      sudo apt-get install ${missing[*]}" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -r "$lock"
# Editable, so the package finds resources/ and index/ beside it in this checkout.
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
