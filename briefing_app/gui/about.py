"""The About box: the app, the pack's metadata and each document's publisher, date and licence."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from briefing_app import __version__
from briefing_app.gui.render import date_text
from briefing_app.markup import escape
from briefing_app.pack.model import Pack


def about_html(pack: Pack | None) -> str:
    parts = [f"<h3>Briefing {escape(__version__)}</h3><p>An offline reader for board briefing packs.</p>"]
    if pack is not None:
        parts.append(f"<p><b>{escape(pack.title)}</b>")
        if pack.meeting:
            parts.append(f"<br>{escape(pack.meeting)}")
        parts.append("</p><ul>")
        for doc in pack.documents:
            m = doc.meta
            details = ", ".join(escape(x) for x in (m.publisher, date_text(m.date)) if x)
            licence = f"<br><i>{escape(m.licence)}</i>" if m.licence else ""
            parts.append(f"<li>{escape(m.title)} — {details}{licence}</li>")
        parts.append("</ul>")
    return "".join(parts)


def show_about(parent: QWidget, pack: Pack | None) -> None:
    QMessageBox.about(parent, "About Briefing", about_html(pack))
