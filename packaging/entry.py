"""Entry point of the frozen app (PyInstaller)."""

import multiprocessing
import sys

from briefing_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # index builds of large packs start worker processes
    sys.exit(main())
