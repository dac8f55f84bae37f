"""Building a young person's case-conference report: period, sections with counts, texts, export."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.conference_records import (
    SECTIONS,
    ExportCancelledError,
    PackOptions,
    PackSection,
    PackTexts,
)
from desktop.services.permissions import PermissionDeniedError
from desktop.services.record_access import RecordNotFoundError
from desktop.vault.errors import VaultSaveError
from desktop.views.common.announce import announce
from desktop.views.common.background_task import BackgroundTask
from desktop.views.common.document_password import DocumentPassword
from desktop.views.common.document_save_dialog import REMINDER, default_folder
from desktop.views.common.path_choosers import PathChooser
from desktop.views.common.restyle import restyle
from desktop.views.therapy.therapy_document_dialog import choose_docx_path

# The default file name holds no personal data: the person adds a name if they want one.
FILE_NAME = "Case conference report.docx"
LEFT_OUT = "(nothing to include — it will be left out)"
NOT_CHOSEN = "(not included)"
CANCELLED = "Export cancelled; no file was written."
# (field on PackTexts, label, placeholder)
TEXT_FIELDS = (
    ("young_person_views", "&Young person's views", "In their own words."),
    ("family_views", "&Family's views", "In their own words."),
    ("worries", "What we are &worried about", ""),
    ("working_well", "What is working we&ll", ""),
    ("needs_to_happen", "What &needs to happen", ""),
    ("recommendations", "&Recommendations", ""),
)
REFRESH_DELAY_MS = 300  # counts follow typing without a vault read on every key press


def entries(count: int) -> str:
    if count == 0:
        return LEFT_OUT
    return f"{count} {'entry' if count == 1 else 'entries'}"


class ConferencePackDialog(QDialog):
    """The period defaults to the last 12 months up to today, the usual span for a conference."""

    def __init__(
        self,
        services: Services,
        person_id: int,
        parent: QWidget | None = None,
        choose_path: PathChooser = choose_docx_path,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._person_id = person_id
        self._choose_path = choose_path
        self._task: BackgroundTask | None = None
        self._cancel = threading.Event()
        self.saved_to: Path | None = None
        self.setWindowTitle("Case conference report")

        now = services.clock.now().astimezone()
        today = QDate(now.year, now.month, now.day)
        self.start = self._date_edit("From", today.addYears(-1))
        self.end = self._date_edit("To", today)
        period = QHBoxLayout()
        for text, date_edit in (("&From", self.start), ("&To", self.end)):
            label = QLabel(text)
            label.setBuddy(date_edit)
            period.addWidget(label)
            period.addSpacing(4)
            period.addWidget(date_edit)
            period.addSpacing(12)
        period.addStretch(1)

        self.section_boxes: dict[PackSection, QCheckBox] = {}
        self.count_labels: dict[PackSection, QLabel] = {}
        sections_box = QGroupBox("Sections")
        grid = QGridLayout(sections_box)
        grid.setColumnStretch(1, 1)
        for row, section in enumerate(SECTIONS):
            box = QCheckBox(section.heading)
            box.setChecked(True)
            box.toggled.connect(self.schedule_refresh)
            count = QLabel("…")
            count.setObjectName("hint")
            count.setAccessibleName(f"Entries in {section.heading}")
            grid.addWidget(box, row, 0)
            grid.addWidget(count, row, 1)
            self.section_boxes[section] = box
            self.count_labels[section] = count

        self.texts: dict[str, QPlainTextEdit] = {}
        texts_box = QGroupBox("In your words")
        texts_form = QFormLayout(texts_box)
        # Labels above the boxes: the boxes get the column's whole width.
        texts_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name, label_text, placeholder in TEXT_FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(label_text.replace("&", ""))
            # The application's style sheet sets a one-line min-height that a plain
            # setMinimumHeight loses to when the box is polished: three lines, in its own sheet.
            lines = self.fontMetrics().lineSpacing() * 3
            edit.setStyleSheet(f"QPlainTextEdit {{ min-height: {lines}px; }}")
            edit.textChanged.connect(self.schedule_refresh)
            label = QLabel(label_text)
            label.setBuddy(edit)
            texts_form.addRow(label, edit)
            self.texts[name] = edit

        self.password_box = DocumentPassword()
        # The dialog's tests and shortcuts reach the fields directly.
        self.protect = self.password_box.protect
        self.password = self.password_box.password
        self.confirmation = self.password_box.confirmation

        left = QVBoxLayout()
        left.addWidget(sections_box, 1)
        left.addWidget(self.password_box)
        middle = QHBoxLayout()
        middle.addLayout(left)
        middle.addWidget(texts_box, 1)

        reminder = QLabel(REMINDER)
        reminder.setObjectName("hint")
        reminder.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName("Export progress")
        self.cancel_button = QPushButton("&Cancel export")
        self.cancel_button.clicked.connect(self.cancel_export)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton("&Export…")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addLayout(middle, 1)
        layout.addWidget(reminder)
        layout.addLayout(progress_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(1120)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh_counts)
        self.refresh_counts()

    def _date_edit(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        edit.dateChanged.connect(self.schedule_refresh)
        return edit

    # ---- what the person chose -------------------------------------------------------------
    def chosen_sections(self) -> tuple[PackSection, ...]:
        return tuple(s for s in SECTIONS if self.section_boxes[s].isChecked())

    def pack_texts(self) -> PackTexts:
        typed = {name: edit.toPlainText() for name, edit in self.texts.items()}
        return PackTexts(
            young_person_views=typed["young_person_views"],
            family_views=typed["family_views"],
            worries=typed["worries"],
            working_well=typed["working_well"],
            needs_to_happen=typed["needs_to_happen"],
            recommendations=typed["recommendations"],
        )

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    # ---- the outline -----------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        self._refresh_timer.start()

    def refresh_counts(self) -> None:
        """Asks the service for each chosen section's count; unchosen ones say so."""
        self._refresh_timer.stop()
        start, end = self.period()
        if start > end:
            self._show("The start of the period is after its end.", error=True)
            return
        try:
            outline = dict(
                self._services.conference.outline(
                    self._person_id, start, end, self.chosen_sections(), self.pack_texts()
                )
            )
        except (PermissionDeniedError, RecordNotFoundError):
            self._show("This young person's record is not open to you.", error=True)
            self.export_button.setEnabled(False)
            return
        for section, label in self.count_labels.items():
            label.setText(entries(outline[section]) if section in outline else NOT_CHOSEN)
        if self.message.isVisible() and self._task is None:
            self.message.hide()

    # ---- exporting -------------------------------------------------------------------------
    def export(self) -> None:
        problem = self._problem()
        if problem:
            self._show(problem, error=True)
            return
        target = self._choose_path(self, str(default_folder() / FILE_NAME))
        if target is None:
            return
        start, end = self.period()
        options = PackOptions(
            start=start,
            end=end,
            sections=self.chosen_sections(),
            texts=self.pack_texts(),
            password=self.password_box.chosen(),
        )
        self._cancel = threading.Event()
        cancel, conference, person_id = self._cancel, self._services.conference, self._person_id

        def work(report: Callable[[int], None]) -> Path | str:
            try:
                return conference.export(person_id, target, options, report, cancel.is_set)
            except ExportCancelledError:
                return CANCELLED
            except (ValueError, PermissionDeniedError, VaultSaveError) as error:
                return str(error)
            except RecordNotFoundError:
                return "This young person's record is not open to you."

        self._busy(True)
        self._show("Exporting…", error=False)
        self._task = BackgroundTask(work)
        self._task.progressed.connect(self.progress.setValue)
        self._task.succeeded.connect(self._finished)
        self._task.failed.connect(lambda kind: self._finished(f"Export failed ({kind})."))
        self._task.start()

    def cancel_export(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self._show("Cancelling…", error=False)

    def _problem(self) -> str:
        start, end = self.period()
        if start > end:
            return "The start of the period is after its end."
        if not self.chosen_sections():
            return "Choose at least one section."
        return self.password_box.problem()

    def _finished(self, outcome: object) -> None:
        self._busy(False)
        self._task = None
        if isinstance(outcome, Path):
            self.saved_to = outcome
            self._show(f"Saved as {outcome.name}.", error=False)
        else:
            self._show(str(outcome), error=outcome != CANCELLED)

    def is_busy(self) -> bool:
        return self._task is not None

    def reject(self) -> None:
        if self.is_busy():
            return  # the document is still being written: cancel it first
        super().reject()

    # ---- display ---------------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)
        self.progress.setValue(0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)

    def _show(self, text: str, *, error: bool) -> None:
        restyle(self.message, "error" if error else "notice")
        announce(self.message, text, urgent=error)
