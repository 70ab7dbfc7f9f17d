#!/usr/bin/env bash
# Build the one-folder bundle (dist/briefing/) and smoke-test it: the bundled executable must
# start offscreen, render its window to a PNG, and write nothing inside its own folder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m pip install -q --disable-pip-version-check -r packaging/requirements-bundle.lock
rm -rf build/bundle dist/briefing
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --workpath build/bundle --distpath dist packaging/briefing.spec
install -m 644 packaging/briefing.desktop packaging/briefing.svg dist/briefing/

echo "Smoke test: start the bundle offscreen and take a screenshot"
shot="$(mktemp -d)/bundle.png"
before="$(find dist/briefing -type f -printf '%P %s\n' | sort | sha256sum)"
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen \
  BRIEFING_DATA_DIR="$(mktemp -d)" XDG_CONFIG_HOME="$(mktemp -d)" XDG_CACHE_HOME="$(mktemp -d)" \
  dist/briefing/briefing --screenshot "$shot"
after="$(find dist/briefing -type f -printf '%P %s\n' | sort | sha256sum)"
python3 - "$shot" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
assert len(data) > 20_000, f"suspiciously small screenshot ({len(data)} bytes)"
print(f"screenshot ok: {len(data)} bytes")
PY
[ "$before" = "$after" ] || { echo "the bundle wrote inside its own folder" >&2; exit 1; }
echo "bundle folder unchanged by running it"
du -sh dist/briefing | awk '{print "bundle size: " $1}'
