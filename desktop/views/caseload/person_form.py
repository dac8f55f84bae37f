"""A young person's record form: typed text is kept as a draft in the vault until saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.bundle import Services
from desktop.services.people_service import PersonDetails, PersonInputError, PersonRecord

NOT_KNOWN = QDate(1900, 1, 1)
AUTOSAVE_DELAY_MS = 1500


class PersonForm(QWidget):
    closed = Signal()
    saved = Signal(int)

    def __init__(
        self, services: Services, record: PersonRecord | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._record = record
        self.form_key = f"person:{record.id}" if record else "person:new"

        heading = QLabel(
            f"{record.case_reference} · {record.details.given_name} {record.details.family_name}"
            if record
            else "New young person"
        )
        heading.setObjectName("pageTitle")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.discard_button = QPushButton("&Discard my unsaved changes")
        self.discard_button.setToolTip("Go back to the record as it was last saved")
        self.discard_button.clicked.connect(self.discard_draft)
        self.discard_button.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()

        self.given_name = QLineEdit()
        self.family_name = QLineEdit()
        self.known_as = QLineEdit()
        self.known_as.setPlaceholderText("Street name or the name they use")
        self.date_of_birth = QDateEdit()
        self.date_of_birth.setDisplayFormat("dd/MM/yyyy")
        self.date_of_birth.setCalendarPopup(True)
        self.date_of_birth.setMinimumDate(NOT_KNOWN)
        self.date_of_birth.setSpecialValueText("Not known")
        self.date_of_birth.setDate(NOT_KNOWN)
        self.key_worker = QComboBox()
        self.key_worker.addItem("Not allocated", None)
        for account_id, name in services.accounts.staff_choices():
            self.key_worker.addItem(name, account_id)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText("Why the young person is known to the unit")
        self.summary.setTabChangesFocus(True)
        for widget, name in (
            (self.given_name, "Given name"),
            (self.family_name, "Family name"),
            (self.known_as, "Known as"),
            (self.date_of_birth, "Date of birth"),
            (self.key_worker, "Key worker"),
            (self.summary, "Summary"),
        ):
            widget.setAccessibleName(name)

        form = QFormLayout()
        form.addRow("&Given name", self.given_name)
        form.addRow("&Family name", self.family_name)
        form.addRow("&Known as", self.known_as)
        form.addRow("Date of &birth", self.date_of_birth)
        form.addRow("Key &worker", self.key_worker)
        form.addRow("&Summary", self.summary)

        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        back = QPushButton("Back to caseload")
        back.setToolTip("Back to the caseload (Esc); unsaved text is kept as a draft")
        back.clicked.connect(self.close_form)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.discard_button)
        layout.addLayout(notice_row)
        layout.addWidget(self.error)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_form)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft)
        self._dirty = False
        self._fill(record.details if record else PersonDetails())
        self._restore_draft()
        for line in (self.given_name, self.family_name, self.known_as):
            line.textEdited.connect(self._changed)
        self.summary.textChanged.connect(self._changed)
        self.date_of_birth.dateChanged.connect(self._changed)
        self.key_worker.currentIndexChanged.connect(self._changed)
        self.given_name.setFocus()

    # ---- field values --------------------------------------------------------------------
    def _fill(self, details: PersonDetails) -> None:
        self.given_name.setText(details.given_name)
        self.family_name.setText(details.family_name)
        self.known_as.setText(details.known_as)
        born = details.date_of_birth
        self.date_of_birth.setDate(QDate(born.year, born.month, born.day) if born else NOT_KNOWN)
        self.key_worker.setCurrentIndex(max(0, self.key_worker.findData(details.key_worker_id)))
        self.summary.setPlainText(details.summary)

    def details(self) -> PersonDetails:
        chosen = self.date_of_birth.date()
        born = None if chosen == NOT_KNOWN else date(chosen.year(), chosen.month(), chosen.day())
        # Fields this form does not show keep their saved values.
        saved = self._record.details if self._record else PersonDetails()
        return replace(
            saved,
            given_name=self.given_name.text(),
            family_name=self.family_name.text(),
            known_as=self.known_as.text(),
            date_of_birth=born,
            summary=self.summary.toPlainText(),
            key_worker_id=self.key_worker.currentData(),
        )

    def _as_draft(self) -> dict[str, str]:
        details = self.details()
        return {
            "given_name": details.given_name,
            "family_name": details.family_name,
            "known_as": details.known_as,
            "date_of_birth": details.date_of_birth.isoformat() if details.date_of_birth else "",
            "key_worker_id": "" if details.key_worker_id is None else str(details.key_worker_id),
            "summary": details.summary,
        }

    # ---- drafts --------------------------------------------------------------------------
    def _changed(self) -> None:
        self._dirty = True
        self._autosave.start()

    def save_draft(self) -> None:
        """Called as the user types and when the vault locks."""
        self._autosave.stop()
        if self._dirty:
            self._services.drafts.save(self.form_key, self._as_draft())

    def _restore_draft(self) -> None:
        draft = self._services.drafts.load(self.form_key)
        if not draft:
            return
        born = draft.get("date_of_birth") or ""
        key_worker = draft.get("key_worker_id") or ""
        self._fill(
            PersonDetails(
                draft.get("given_name", ""),
                draft.get("family_name", ""),
                draft.get("known_as", ""),
                date.fromisoformat(born) if born else None,
                draft.get("summary", ""),
                int(key_worker) if key_worker else None,
            )
        )
        self._dirty = True
        self.notice.setText("Your unsaved changes have been restored. Save them, or discard them.")
        self.notice.show()
        self.discard_button.show()

    def discard_draft(self) -> None:
        self._autosave.stop()
        self._services.drafts.discard(self.form_key)
        self._fill(self._record.details if self._record else PersonDetails())
        self._dirty = False
        self.notice.hide()
        self.discard_button.hide()

    # ---- actions -------------------------------------------------------------------------
    def save(self) -> None:
        try:
            if self._record is None:
                person_id = self._services.people.create(self.details())
            else:
                person_id = self._record.id
                self._services.people.update(person_id, self.details())
        except PersonInputError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self._dirty = False
        self._autosave.stop()
        self._services.drafts.discard(self.form_key)
        self.saved.emit(person_id)

    def close_form(self) -> None:
        self.save_draft()
        self.closed.emit()
