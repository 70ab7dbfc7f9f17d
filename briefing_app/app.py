"""Composition root for the GUI: the QApplication, then the services (settings, the annotation
store, pack opening, the index opener), then the window they are handed to, then the pack."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from briefing_app.errors import NoDisplayError

_NO_DISPLAY = (
    "Briefing needs a graphical display and none was found (DISPLAY and WAYLAND_DISPLAY are not set); "
    "run it from a desktop session, or use --screenshot FILE.png to render the window offscreen."
)


def _has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # the caller chose a platform (offscreen, vnc...): trust it
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _quiet_qt_messages(mode, context, message: str) -> None:
    # The offscreen platform warns about window size hints it cannot honour; nothing to act on.
    if "propagateSizeHints" in message:
        return
    print(message, file=sys.stderr)


def build_services():
    """The real services: the user's settings, annotation store, packs and search index. Nothing
    is opened here: each is opened when first used, after the first paint."""
    from briefing_app.gui.services import Services

    # The window's thread shares Python's lock with workers that compute in Python for seconds
    # (reading PDFs, searching) and waits for it, up to the switch interval, every time Qt calls into
    # Python (a slot, a paint event): 5 ms, the default, added up to 40-70 ms stops of the window
    # while Kent's PDFs were read (bench/pdf_pack_bench.py); 1 ms hands the lock back sooner.
    sys.setswitchinterval(0.001)
    return Services.default()


def start_window(
    pack_dir: Path, screenshot: str | None = None, doc_id: str | None = None, startup_report: bool = False
):
    """The window, shown, on the pack in `pack_dir`. A PDF pack that must be read (not in the cache)
    is read off the GUI thread, so the window paints at once; a screenshot or --doc waits for it."""
    from briefing_app.gui.main_window import MainWindow

    services = build_services()
    window = MainWindow(services)
    if startup_report:
        from briefing_app.gui.startup import watch

        watch(window)
    window.resize(1280, 800)
    if not screenshot:
        window.restore_settings()  # a screenshot shows the default layout, whatever the user's was
    window.packs.open_at_start(pack_dir, wait=bool(screenshot or doc_id))
    window.show()
    window.activateWindow()
    if doc_id and not window.open_document(doc_id):
        from briefing_app.gui.wording import NO_SUCH_DOCUMENT

        print(NO_SUCH_DOCUMENT.format(doc_id=doc_id), file=sys.stderr)
    return window


def run_gui(
    pack_dir: Path, screenshot: str | None = None, doc_id: str | None = None, startup_report: bool = False
) -> int:
    if screenshot and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not _has_display():
        raise NoDisplayError(_NO_DISPLAY)

    import shiboken6
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_quiet_qt_messages)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Briefing")
    app.setOrganizationName("Briefing")
    app.setApplicationDisplayName("Briefing")

    window = start_window(pack_dir, screenshot, doc_id, startup_report)
    try:
        if screenshot:
            return 0 if window.save_screenshot(Path(screenshot)) else 1
        return app.exec()
    finally:
        # Destroy the window while QApplication still exists; leaving both to interpreter
        # shutdown lets Python finalise them in the wrong order and abort.
        window.close()
        shiboken6.delete(window)
        app.processEvents()
