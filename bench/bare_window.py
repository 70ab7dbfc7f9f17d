"""The baseline for the start-up benchmark: a bare PySide6 window, reporting its first paint."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from briefing_app.gui.startup import watch

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
watch(window)
window.show()
sys.exit(app.exec())
