"""An entry's history: every version, newest first, with who wrote it and when it was replaced."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.services.bundle import Services
from desktop.services.chronology_service import EntryView, VersionRow
from desktop.views.caseload.chronology_table_model import local_time


def _tombstone_html(entry: EntryView) -> str:
    if entry.deleted_at is None:
        return ""
    return (
        f"<p style='color:#9b1c1c'><b>Deleted</b> by {escape(entry.deleted_by)} on "
        f"{local_time(entry.deleted_at)}: {escape(entry.deletion_reason)}. "
        "Its text has been removed from every version.</p><hr>"
    )


def _version_html(version: VersionRow, count: int) -> str:
    current = " (current)" if version.replaced_at is None else ""
    replaced = (
        f"<br>Replaced by {escape(version.replaced_by)} on {local_time(version.replaced_at)}"
        if version.replaced_at is not None
        else ""
    )
    significant = " · ★ significant" if version.significant else ""
    detail = escape(version.detail).replace("\n", "<br>") or "<i>No detail</i>"
    analysis = (
        f"<p><b>Analysis:</b> {escape(version.analysis).replace(chr(10), '<br>')}</p>"
        if version.analysis
        else ""
    )
    return (
        f"<h3 style='color:#1f3a5f'>Version {version.version} of {count}{current}</h3>"
        f"<p style='color:#4a5563'>Written by {escape(version.written_by)} on "
        f"{local_time(version.written_at)}{replaced}</p>"
        f"<p>{local_time(version.occurred_at)} · {version.entry_type.label}{significant}</p>"
        f"<p><b>{escape(version.summary)}</b></p><p>{detail}</p>{analysis}"
    )


class HistoryDialog(QDialog):
    def __init__(self, services: Services, entry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Entry history")
        entry = services.chronology.entry(entry_id)
        versions = services.chronology.history(entry_id)
        count = len(versions)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Versions of the entry")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(
            _tombstone_html(entry) + "<hr>".join(_version_html(v, count) for v in versions)
        )
        heading = QLabel(f"{count} version{'s' if count != 1 else ''}, newest first")
        heading.setObjectName("sectionTitle")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip("Close (Esc)")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(680, 560)
