#!/usr/bin/env bash
# Build the one-folder bundle (dist/briefing/) and smoke-test it: the bundled executable must
# start offscreen, render its window to a PNG, make a pack from a PDF and read it with the bundled
# PDFium (pypdfium2), show that pack, and write nothing inside its own folder.
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
echo "Smoke test: a pack made from a PDF by the bundle, read by the bundled PDFium, shown in its window"
work="$(mktemp -d)"
.venv/bin/python - "$work/Budget report.pdf" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, ".")
from tests.pdf_inputs import text_pdf
text_pdf(Path(sys.argv[1]), [["Budget monitoring report", "", "1.1 The council will balance its budget."]])
PY
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen BRIEFING_CACHE_DIR="$work/cache" \
  dist/briefing/briefing pack new "$work/pack" "$work/Budget report.pdf"
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen BRIEFING_CACHE_DIR="$work/cache" \
  dist/briefing/briefing inspect --pack "$work/pack" | tee "$work/inspect.txt"
grep -q "budget-report: pdf, [1-9][0-9]* blocks" "$work/inspect.txt" || { echo "the PDF was not read" >&2; exit 1; }
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen BRIEFING_CACHE_DIR="$work/cache" \
  BRIEFING_DATA_DIR="$work/data" XDG_CONFIG_HOME="$work/config" \
  dist/briefing/briefing --pack "$work/pack" --screenshot "$work/pdf-pack.png"
python3 -c "import sys; d = open(sys.argv[1], 'rb').read(); assert d[:4] == b'\x89PNG'; print('PDF pack screenshot ok:', len(d), 'bytes')" "$work/pdf-pack.png"
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
