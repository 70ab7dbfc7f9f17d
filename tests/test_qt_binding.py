"""Guard against a Qt binding that drops references to None (PySide6 6.12.0 on Python 3.11 does):
the interpreter then aborts at exit, or mid-session once enough calls have been made."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QGuiApplication, QTextCharFormat
app = QGuiApplication([])
fmt = QTextCharFormat()
for _ in range(200_000):
    fmt.setFontItalic(True)  # a void method: must not consume a reference to None
print("clean")
"""


def test_void_methods_do_not_leak_none_references():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "clean"
