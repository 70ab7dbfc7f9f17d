#!/bin/sh
# A short session in a real window (Xvfb and a window manager, through ../shared/tools/desktop):
# real keys and clicks, a screenshot after each step. Open every screenshot and look at it.
#
#   scripts/try_workspace.sh [OUT_DIR]      (default /tmp/briefing-try; 1280x800)
#
# It shows: search results in front while typing; the place in a document kept across document
# switches and a restart (Ctrl+L "para 5.2"); the notes sidebar following the text; a print
# preview in the dark theme, on white paper, with and without the highlights; a comparison. The desktop is shared by everyone on this machine:
# the whole session runs holding /work/desktop.lock (or $DESKTOP_LOCK).
set -eu
cd "$(dirname "$0")/.."
OUT=${1:-/tmp/briefing-try}
DESKTOP=${DESKTOP:-../shared/tools/desktop}
LOCK=${DESKTOP_LOCK:-/work/desktop.lock}
mkdir -p "$OUT"

session() {
    d() { "$DESKTOP" "$@"; }
    app() { d run .venv/bin/python -m briefing_app; d wait Briefing 30; sleep 2; }
    d start 1280x800
    trap '"$DESKTOP" stop' EXIT
    app
    d shot "$OUT/01-opened.png"

    # 1. Search as you type: the results come in front of the Notes tab.
    d key ctrl+shift+f
    d type snooping
    sleep 2
    d shot "$OUT/02-search-while-typing.png"
    d click 969 780                      # the Notes tab: the sidebar in front again

    # 2. A place in one document, another document, and back: the place is kept.
    d click 150 195                      # the LGA paper in the documents list
    sleep 1
    d key ctrl+l
    d type "para 5.2"
    d key Return
    sleep 1
    d shot "$OUT/03-went-to-para-5.2.png"
    d click 150 110                      # the first paper
    sleep 1
    d click 150 195                      # the LGA paper again
    sleep 1
    d shot "$OUT/04-back-at-para-5.2.png"

    # 3. The notes sidebar follows the text of the first paper.
    d click 150 110
    sleep 1
    d click 630 420                      # into the text
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do d key Page_Down; done
    sleep 2
    d shot "$OUT/05-notes-follow-the-text.png"

    # The five integration factors compared: narrow columns, every word kept whole.
    d click 150 372
    sleep 2
    d shot "$OUT/06-comparison-words-whole.png"
    d click 150 110
    sleep 1

    # 4. A restart: the last paper open again at its place, and the LGA paper still at 5.2.
    d key ctrl+q
    sleep 2
    app
    d shot "$OUT/07-restarted.png"
    d click 150 195
    sleep 1
    d shot "$OUT/08-restarted-lga-at-para-5.2.png"
    d drag 374 101 452 127               # "victims of state 'snooping'"
    d key ctrl+alt+h
    sleep 1
    d click 700 400                      # the selection away: the highlight shows
    sleep 1
    d shot "$OUT/09-highlighted.png"

    # 5. The dark theme (View > Theme > Dark), then File > Print Preview: white paper.
    d key alt+v
    d key t
    d key d
    sleep 2
    d shot "$OUT/10-dark-theme.png"
    d key alt+f
    d key v
    sleep 4
    d shot "$OUT/11-dark-theme-print-preview.png"
    d key alt+s                          # Show my highlights and comments
    sleep 3
    d shot "$OUT/12-print-preview-with-highlights.png"
    d click 754 145                      # the preview's next page, twice: where para 5.2 is
    sleep 1
    d click 754 145
    sleep 2
    d shot "$OUT/13-print-preview-page-3.png"
    d key Escape
    sleep 1
    d key ctrl+q
    sleep 1
}

exec 9>"$LOCK"
flock 9
session
echo "screenshots in $OUT:"
ls "$OUT"
